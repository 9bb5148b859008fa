import type { Migration } from './index';

/**
 * An operator's progressive dialing (preview seconds before the desk dials by itself, 0–30) and
 * auto-next (wrap-up seconds before the next order comes, 0–120); NULL is off.
 */
export const m0010: Migration = {
  id: 10,
  name: 'desk-dialing',
  sql: `
ALTER TABLE users ADD COLUMN preview_seconds integer CHECK (preview_seconds BETWEEN 0 AND 30);
ALTER TABLE users ADD COLUMN wrap_up_seconds integer CHECK (wrap_up_seconds BETWEEN 0 AND 120);
`,
};
