import type { FastifyInstance } from 'fastify';
import type { Db } from './db/db';
import type { ServerConfig } from './config';
import type { Bus } from './live/bus';
import type { LoginRateLimiter } from './auth/rate-limit';

/** What every route module receives. `now` is injectable for tests of time rules. */
export type AppDeps = {
  db: Db;
  config: ServerConfig;
  bus: Bus;
  now: () => Date;
  loginLimiter: LoginRateLimiter;
};

/** A group of routes under /api/v1. */
export type RouteModule = (app: FastifyInstance, deps: AppDeps) => void | Promise<void>;
