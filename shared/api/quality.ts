/**
 * The call-quality API (docs/domain.md «Call quality»): the center's checklist (admin), the
 * calls a lead reviews, and a lead's score of one call. The server computes every score from the
 * checklist (shared/domain/quality.ts); a client's total is never read.
 */
import { z } from 'zod';
import { CallOutcome, IsoInstant, OrderId } from '../domain/schemas';

const RowId = z.number().int().positive().max(2 ** 31 - 1);

/** One point of the checklist. */
export const QualityItemSchema = z.object({
  id: RowId,
  text: z.string().trim().min(1, 'Текст пункта пуст').max(200, 'Текст пункта длиннее 200 знаков'),
  points: z.number().int().min(1, 'Баллы: от 1 до 10').max(10, 'Баллы: от 1 до 10'),
  position: z.number().int().min(0).max(10_000),
  active: z.boolean(),
});
export type QualityItemSchema = z.infer<typeof QualityItemSchema>;

/** GET quality/items — the checklist in order (leads: active points; admin: retired ones too). */
export const QualityItemsResponse = z.object({ items: z.array(QualityItemSchema) });
export type QualityItemsResponse = z.infer<typeof QualityItemsResponse>;

/** POST admin/quality/items (new point) and PUT admin/quality/items/:id (edit or retire). */
export const SaveQualityItemRequest = QualityItemSchema.omit({ id: true });
export type SaveQualityItemRequest = z.infer<typeof SaveQualityItemRequest>;

/** GET quality/calls?from&to[&userId] — answered calls of [from, to) a lead may review. */
export const QualityCallsQuery = z.object({ from: IsoInstant, to: IsoInstant, userId: z.coerce.number().int().positive().max(2 ** 31 - 1).optional() });
export type QualityCallsQuery = z.infer<typeof QualityCallsQuery>;

/** A checklist point as scored. */
export const ScoredItemSchema = z.object({ itemId: z.number().int(), text: z.string(), points: z.number().int(), met: z.boolean() });

/** A stored score of one call. */
export const CallScoreSchema = z.object({
  points: z.number().int(),
  maxPoints: z.number().int(),
  ratio: z.number(),
  items: z.array(ScoredItemSchema),
  comment: z.string(),
  scoredBy: z.string(),
  scoredAt: IsoInstant,
});
export type CallScoreSchema = z.infer<typeof CallScoreSchema>;

/** One call in the lead's review list. */
export const QualityCall = z.object({
  callId: z.string(),
  orderId: OrderId,
  userId: z.number().int(),
  operatorName: z.string(),
  startedAt: IsoInstant,
  outcome: CallOutcome,
  /** Answer → end in whole seconds (the PBX's when calls are PBX-verified). */
  talkSeconds: z.number().int(),
  score: CallScoreSchema.nullable(),
});
export type QualityCall = z.infer<typeof QualityCall>;

export const QualityCallsResponse = z.object({ calls: z.array(QualityCall) });
export type QualityCallsResponse = z.infer<typeof QualityCallsResponse>;

/** PUT quality/calls/:callId/score — the lead's marks; the server computes the score. */
export const ScoreCallRequest = z.strictObject({
  answers: z.array(z.object({ itemId: RowId, met: z.boolean() }).strict()).min(1).max(100),
  comment: z.string().trim().max(2000, 'Комментарий длиннее 2000 знаков').default(''),
});
export type ScoreCallRequest = z.infer<typeof ScoreCallRequest>;
