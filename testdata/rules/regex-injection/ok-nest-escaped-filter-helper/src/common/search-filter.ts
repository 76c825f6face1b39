import escapeStringRegexp from 'escape-string-regexp';

// The search box matches literally: its text is escaped before it is a pattern.
export function nameFilter(text: string) {
  return { name: { $regex: escapeStringRegexp(text), $options: 'i' } };
}

export function prefixPattern(text: string): RegExp {
  return new RegExp(`^${escapeStringRegexp(text)}`, 'i');
}
