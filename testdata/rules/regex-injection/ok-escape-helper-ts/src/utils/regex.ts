// The escaper MDN documents: every metacharacter gets a backslash.
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
