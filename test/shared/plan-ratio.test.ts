/** Team plan %: only operators with a plan count, in both parts of the ratio. */
import { groupPlanRatio } from '../../shared/domain/reports';

describe('groupPlanRatio', () => {
  test('35 confirmed by the team, one plan of 7 whose operator confirmed 6: 6/7, not 35/7', () => {
    const team = [
      { confirmed: 6, targetConfirmed: 7 },
      { confirmed: 10, targetConfirmed: null },
      { confirmed: 19, targetConfirmed: null },
    ];
    expect(team.reduce((s, m) => s + m.confirmed, 0)).toBe(35);
    expect(groupPlanRatio(team)).toBeCloseTo(6 / 7, 10);
  });

  test('several plans add up on both sides; a plan of 0 adds nothing to the target', () => {
    expect(groupPlanRatio([{ confirmed: 3, targetConfirmed: 4 }, { confirmed: 9, targetConfirmed: 6 }, { confirmed: 2, targetConfirmed: 0 }])).toBeCloseTo(14 / 10, 10);
  });

  test('no plan, or only zero plans: no ratio', () => {
    expect(groupPlanRatio([{ confirmed: 35, targetConfirmed: null }])).toBeNull();
    expect(groupPlanRatio([{ confirmed: 3, targetConfirmed: 0 }])).toBeNull();
    expect(groupPlanRatio([])).toBeNull();
  });
});
