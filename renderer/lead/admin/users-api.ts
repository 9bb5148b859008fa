/** Loading the user and team lists of the admin routes. */
import type { z } from 'zod';
import type { AdminUser, Team } from '../../../shared/api/lead';
import type { Api } from '../../../shared/ipc/contract';
import { call } from '../../app/api-context';

/** The users the caller may manage. */
export async function loadUsers(api: Api): Promise<AdminUser[]> {
  return (await call(api, 'admin.users', {})).users;
}

/** Every team (admin role). */
export async function loadTeams(api: Api): Promise<z.infer<typeof Team>[]> {
  return (await call(api, 'admin.teams', {})).teams;
}
