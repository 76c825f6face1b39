export const HASHTAG_PATTERN = '^(#?[a-z]+)+$';

/** One hashtag such as `#nodejs`; the leading `#` is optional. */
export const HASHTAG: RegExp = new RegExp(HASHTAG_PATTERN, 'i'); // expect: redos

export function parseHashtags(text: string): string[] {
  return text
    .split(/\s+/)
    .filter((word) => HASHTAG.test(word))
    .map((word) => word.replace(/^#/, '').toLowerCase());
}
