/**
 * Validation helpers for the customer profile form.
 */

export interface NameCheck {
  ok: boolean;
  reason?: string;
}

// Letters, with single spaces, apostrophes or hyphens between them.
const PERSON_NAME = /^([A-Za-z]+[ '-]?)+$/; // expect: redos

export function checkName(name: string): NameCheck {
  if (name.length === 0) return { ok: false, reason: 'required' };
  if (!PERSON_NAME.test(name)) return { ok: false, reason: 'letters only' };
  return { ok: true };
}
