// Shared URL helpers.
export const TRAILING_SLASHES = /\/+$/;
export const API_PREFIX = '/api/v1';
