/**
 * CSRF token from the latest auth or session answer; mutating requests send it as `x-csrf-token`.
 * Kept in memory only (the session cookie is httpOnly); a reload gets it again from GET /api/auth/session.
 */
let current: string | null = null;

export const csrfToken = {
  get(): string | null {
    return current;
  },
  set(token: string | null): void {
    current = token;
  },
};
