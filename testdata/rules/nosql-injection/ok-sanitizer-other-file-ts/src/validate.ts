export class BadRequest extends Error {}

export function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string') {
    throw new BadRequest(`${field} must be a string`);
  }
  return value;
}
