import type { RouteModule } from './app-deps';
import { authRoutes } from './auth/auth-routes';
import { healthRoutes } from './http/health-routes';

/** Every route module of the API, registered under /api/v1 in this order. */
export const routeModules: RouteModule[] = [healthRoutes, authRoutes];
