import type { Session } from '../api/api-types.ts';

/** Whether the session holds a permission id (`organisation.create`, …); the server enforces it anyway. */
export function hasPermission(session: Session | null | undefined, permission: string): boolean {
  return session?.permissions.includes(permission) ?? false;
}
