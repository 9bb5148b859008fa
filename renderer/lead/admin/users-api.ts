/** Loading the user list of the admin routes. */
import { z } from 'zod';
import type { Api } from '../../../shared/ipc/contract';
import { AdminUser, Team } from '../../../shared/api/lead';
import { leadRequest } from '../lead-api';

/** `GET admin/users` answer. */
export const AdminUsersResponse = z.object({ users: z.array(AdminUser) });

/** The users the caller may manage. */
export async function loadUsers(api: Api): Promise<AdminUser[]> {
  return (await leadRequest(api, 'GET', '/admin/users', AdminUsersResponse)).users;
}

/** `GET admin/teams` answer. */
export const TeamsResponse = z.object({ teams: z.array(Team) });

/** Every team (admin role). */
export async function loadTeams(api: Api): Promise<z.infer<typeof Team>[]> {
  return (await leadRequest(api, 'GET', '/admin/teams', TeamsResponse)).teams;
}
