export const USER_ROLES = ['admin', 'responder', 'viewer'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export interface User {
  id: string;
  name: string;
  email: string;
  timeZone: string;
  slackUserId: string | null;
  role: UserRole;
  createdAt: string;
  updatedAt: string;
}

const RANK: Record<UserRole, number> = { viewer: 0, responder: 1, admin: 2 };

/** Roles are nested: an admin may do what a responder may, a responder what a viewer may. */
export function roleAllows(role: UserRole, required: UserRole): boolean {
  return RANK[role] >= RANK[required];
}
