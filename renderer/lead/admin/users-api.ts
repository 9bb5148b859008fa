/** Loading the user list of the admin routes (also used by the board's offers dialog). */
import { z } from 'zod';
import type { Api } from '../../../shared/ipc/contract';
import { AdminUser } from '../../../shared/api/lead';
import { leadRequest } from '../lead-api';

/** `GET admin/users` answer. */
export const AdminUsersResponse = z.object({ users: z.array(AdminUser) });

/** The users the caller may manage. */
export async function loadUsers(api: Api): Promise<AdminUser[]> {
  return (await leadRequest(api, 'GET', '/admin/users', AdminUsersResponse)).users;
}
