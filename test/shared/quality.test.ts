/** The call-quality rule: scores from the active checklist only, every active point marked once, the mean of the calls' ratios. */
import { qualityOf, scoreCall, type QualityItem } from '../../shared/domain/quality';
import { talkSecondsOf } from '../../shared/domain/reports';

const ITEMS: QualityItem[] = [
  { id: 1, text: 'Поздоровался', points: 1, active: true },
  { id: 2, text: 'Допродажа', points: 3, active: true },
  { id: 3, text: 'Старый пункт', points: 5, active: false },
];

test('points come from the checklist, not from the answers; retired points do not count', () => {
  const r = scoreCall(ITEMS, [{ itemId: 1, met: false }, { itemId: 2, met: true }]);
  expect(r).toEqual({
    ok: true, score: { points: 3, maxPoints: 4, ratio: 0.75 },
    scored: [{ itemId: 1, text: 'Поздоровался', points: 1, met: false }, { itemId: 2, text: 'Допродажа', points: 3, met: true }],
  });
});

test('missing, repeated, retired and unknown points are refused with their names', () => {
  const r = scoreCall(ITEMS, [{ itemId: 2, met: true }, { itemId: 2, met: false }, { itemId: 3, met: true }, { itemId: 9, met: true }]);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.problems).toEqual([
    'Пункт 2 отмечен дважды', 'Пункт 3 не входит в действующий чек-лист', 'Пункт 9 не входит в действующий чек-лист', 'Не отмечены пункты: «Поздоровался»',
  ]);
  expect(scoreCall([], []).ok).toBe(false);
});

test('quality of several calls is the mean of their ratios; none gives null', () => {
  expect(qualityOf([{ points: 4, maxPoints: 4 }, { points: 1, maxPoints: 4 }])).toEqual({ scored: 2, ratio: 0.625 });
  expect(qualityOf([])).toEqual({ scored: 0, ratio: null });
});

test('talk time runs from the answer to the end, whole seconds; unanswered is 0', () => {
  expect(talkSecondsOf('2026-11-28T09:00:01.000Z', '2026-11-28T09:01:36.900Z')).toBe(95);
  expect(talkSecondsOf(null, '2026-11-28T09:01:36.900Z')).toBe(0);
  expect(talkSecondsOf('2026-11-28T09:02:00.000Z', '2026-11-28T09:01:00.000Z')).toBe(0);
});
