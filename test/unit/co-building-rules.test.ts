import {
  checkRange,
  inForceDuring,
  monthPeriod,
  quarterPeriod,
  yearPeriod,
} from '../../subgraphs/co-building/shared/periods';
import {
  checkReportInForce,
  checkReportingMember,
  checkNoActiveReport,
  checkResidenceCommunity,
} from '../../subgraphs/co-building/member-report/member-report.rules';
import { checkGradable, checkGrader } from '../../subgraphs/co-building/evaluation/evaluation.rules';
import { checkCategoryParent } from '../../subgraphs/co-building/service-post/service-category.rules';
import { checkNotPaired } from '../../subgraphs/co-building/unit/pairing.rules';

describe('publication periods (每月、每季度公示)', () => {
  it('turns months, quarters and years into date ranges', () => {
    expect(monthPeriod('2026-02')).toEqual({ label: '2026-02', from: '2026-02-01', to: '2026-02-28' });
    expect(monthPeriod('2028-02').to).toBe('2028-02-29');
    expect(quarterPeriod('2026-Q4')).toEqual({ label: '2026-Q4', from: '2026-10-01', to: '2026-12-31' });
    expect(quarterPeriod('2026-q2')).toEqual({ label: '2026-Q2', from: '2026-04-01', to: '2026-06-30' });
    expect(yearPeriod(2026)).toEqual({ label: '2026', from: '2026-01-01', to: '2026-12-31' });
  });

  it('refuses malformed periods naming the argument', () => {
    expect(() => monthPeriod('2026-13', 'month')).toThrow('month must be a month written YYYY-MM');
    expect(() => quarterPeriod('2026-Q5', 'quarter')).toThrow('quarter must be a quarter written YYYY-Qn (n 1–4)');
    expect(() => yearPeriod(1999, 'input.year')).toThrow('input.year must be a year between 2000 and 2100');
  });

  it('counts what was in force on any day of the period', () => {
    const march = monthPeriod('2026-03');
    expect(inForceDuring('2026-03-31', null, march)).toBe(true);
    expect(inForceDuring('2026-04-01', null, march)).toBe(false);
    expect(inForceDuring('2026-01-05', '2026-03-01', march)).toBe(true);
    expect(inForceDuring('2026-01-05', '2026-02-28', march)).toBe(false);
    expect(() => checkRange('2026-03-01', '2026-02-01', 'input.endedOn')).toThrow(
      'input.endedOn (2026-02-01) is before the start date (2026-03-01)',
    );
  });
});

describe('member reports (在职党员双报到)', () => {
  it('accepts an in-service member and refuses others, naming the field', () => {
    expect(checkReportingMember({ id: 'm', kind: 'IN_SERVICE', homeGrid: null }, 'm', 'input.memberId').kind).toBe(
      'IN_SERVICE',
    );
    expect(() => checkReportingMember(null, 'm', 'input.memberId')).toThrow('PartyMember m does not exist');
    for (const kind of ['RESIDENT', 'RETIRED', 'FLOATING'] as const) {
      try {
        checkReportingMember({ id: 'm', kind, homeGrid: null }, 'm', 'input.memberId');
        throw new Error('accepted');
      } catch (error: any) {
        expect([error.code, error.field]).toEqual(['BAD_USER_INPUT', 'input.memberId']);
        expect(error.message).toContain(`is ${kind}, not IN_SERVICE`);
      }
    }
    expect(() => checkNoActiveReport('r1', 'm', 'input.memberId')).toThrow(
      'Party member m already has a report in force; end it before reporting again',
    );
  });

  it('lets only reported members claim posts and wishes', () => {
    expect(checkReportInForce({ id: 'r1' }, 'm', 'input.memberId', 'claiming a post')).toEqual({ id: 'r1' });
    expect(() => checkReportInForce(null, 'm', 'input.memberId', 'claiming a post')).toThrow(
      'Party member m has no report in force: report to the residence community before claiming a post',
    );
  });

  it('sends a member whose home the grid knows to that community only', () => {
    expect(() => checkResidenceCommunity('c1', 'c1', 'input.communityId')).not.toThrow();
    expect(() => checkResidenceCommunity(null, 'c2', 'input.communityId')).not.toThrow();
    expect(() => checkResidenceCommunity('c1', 'c2', 'input.communityId')).toThrow(
      'the member does not live in community c2: in-service members report to the community where they live',
    );
  });
});

describe('evaluations and categories', () => {
  it('refuses a grade before the figures and a grader other than a street working committee', () => {
    expect(() => checkGradable(null, 'u1', 2026)).toThrow(
      'no figures for unit u1 in 2026 yet: run computeEvaluation for that year before grading',
    );
    expect(() => checkGradable({ computedAt: new Date() }, 'u1', 2026)).not.toThrow();
    expect(() => checkGrader({ level: 'COMMUNITY_COMMITTEE' }, 'o', 'f')).toThrow(/street working committee/);
    expect(() => checkGrader(null, 'o', 'f')).toThrow('PartyOrganization o does not exist');
    expect(() => checkGrader({ level: 'STREET_WORKING_COMMITTEE' }, 'o', 'f')).not.toThrow();
  });

  it('keeps one pairing of a unit and a community in force', () => {
    expect(() => checkNotPaired(0, '税务局')).not.toThrow();
    expect(() => checkNotPaired(1, '税务局')).toThrow(
      'unit 税务局 is already paired with this community; end that pairing first',
    );
  });

  it('keeps categories to two levels', () => {
    expect(() => checkCategoryParent(null)).not.toThrow();
    expect(() => checkCategoryParent({ id: 'top', parentId: null })).not.toThrow();
    expect(() => checkCategoryParent({ id: 'sub', parentId: 'top' })).toThrow(/is itself a subcategory/);
  });
});
