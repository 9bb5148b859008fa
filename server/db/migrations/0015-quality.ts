import type { Migration } from './index';

/**
 * Call-quality scoring: the center's checklist (admin-defined points, retired rather than
 * deleted so old scores keep their meaning) and one score per call, with the checklist as it was
 * when the call was scored. Starts with a checklist taken from the operators' order of work.
 */
export const m0015: Migration = {
  id: 15,
  name: 'quality',
  sql: `
CREATE TABLE quality_items (
  id serial PRIMARY KEY,
  text text NOT NULL CHECK (length(text) BETWEEN 1 AND 200),
  points integer NOT NULL CHECK (points BETWEEN 1 AND 10),
  position integer NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true
);
INSERT INTO quality_items (text, points, position) VALUES
  ('Поздоровался, представился, назвал компанию', 1, 1),
  ('Назвал товар и подтвердил, что заказ оформлял клиент', 2, 2),
  ('Уточнил ФИО и полный адрес с индексом', 2, 3),
  ('Предложил дополнительный товар по скрипту', 2, 4),
  ('Отработал возражения, не спорил с клиентом', 2, 5),
  ('Назвал итоговую сумму и срок доставки', 2, 6),
  ('Вежливо попрощался', 1, 7);
CREATE TABLE call_scores (
  call_id text PRIMARY KEY REFERENCES calls(call_id),
  order_id integer NOT NULL REFERENCES orders(id),
  operator_id integer NOT NULL REFERENCES users(id),
  scored_by integer NOT NULL REFERENCES users(id),
  scored_at timestamptz NOT NULL,
  points integer NOT NULL CHECK (points >= 0),
  max_points integer NOT NULL CHECK (max_points > 0 AND points <= max_points),
  items jsonb NOT NULL,
  comment text NOT NULL DEFAULT ''
);
CREATE INDEX call_scores_operator ON call_scores(operator_id);
`,
};
