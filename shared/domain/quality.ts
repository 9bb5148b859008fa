/**
 * Call-quality scoring: a lead listens to a recorded call and marks each point of the center's
 * checklist as met or not. The server computes the score from the checklist as it stands (the
 * client's total is never taken); the report averages the scores of an operator's calls.
 */

/** One point of the center's checklist, worth `points` (1–10) when met. */
export interface QualityItem { id: number; text: string; points: number; active: boolean }

/** The lead's mark on one checklist point. */
export interface QualityAnswer { itemId: number; met: boolean }

/** A computed score: points earned of the maximum, and their ratio 0…1. */
export interface QualityScore { points: number; maxPoints: number; ratio: number }

/** A checklist point as it was when the call was scored (kept with the score). */
export interface ScoredItem { itemId: number; text: string; points: number; met: boolean }

/** Why a set of answers cannot be scored, in Russian for the lead. */
export type QualityProblem = string;

/**
 * Scores answers against the ACTIVE checklist points: every active point answered exactly once,
 * no unknown or retired point. Returns the score and the snapshot of the points, or the problems.
 */
export function scoreCall(items: readonly QualityItem[], answers: readonly QualityAnswer[]):
  { ok: true; score: QualityScore; scored: ScoredItem[] } | { ok: false; problems: QualityProblem[] } {
  const active = items.filter((i) => i.active);
  const byId = new Map(active.map((i) => [i.id, i]));
  const problems: QualityProblem[] = [];
  if (active.length === 0) problems.push('Чек-лист качества пуст: администратор ещё не задал ни одного пункта');
  const seen = new Set<number>();
  for (const a of answers) {
    if (!byId.has(a.itemId)) problems.push(`Пункт ${a.itemId} не входит в действующий чек-лист`);
    else if (seen.has(a.itemId)) problems.push(`Пункт ${a.itemId} отмечен дважды`);
    seen.add(a.itemId);
  }
  const missing = active.filter((i) => !seen.has(i.id));
  if (missing.length > 0) problems.push(`Не отмечены пункты: ${missing.map((i) => `«${i.text}»`).join(', ')}`);
  if (problems.length > 0) return { ok: false, problems };
  const met = new Map(answers.map((a) => [a.itemId, a.met]));
  const scored = active.map((i) => ({ itemId: i.id, text: i.text, points: i.points, met: met.get(i.id) === true }));
  const maxPoints = scored.reduce((s, i) => s + i.points, 0);
  const points = scored.reduce((s, i) => s + (i.met ? i.points : 0), 0);
  return { ok: true, score: { points, maxPoints, ratio: points / maxPoints }, scored };
}

/** Quality of a set of scored calls: how many, and the mean of their ratios (each call weighs the same); null ratio when none. */
export function qualityOf(scores: readonly { points: number; maxPoints: number }[]): { scored: number; ratio: number | null } {
  const valid = scores.filter((s) => s.maxPoints > 0);
  if (valid.length === 0) return { scored: 0, ratio: null };
  return { scored: valid.length, ratio: valid.reduce((s, x) => s + x.points / x.maxPoints, 0) / valid.length };
}

