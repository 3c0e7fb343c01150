import { domainErrorOf } from './expect-domain-error';
import {
  checkCoverageShape,
  checkNotCoveredElsewhere,
  checkWithinParent,
} from '../../subgraphs/party-building/organization/organization-coverage.rules';
import {
  checkMaxDepth,
  checkPlacement,
  LEVELS,
} from '../../subgraphs/party-building/organization/organization-levels.rules';

describe('five-level rule', () => {
  it('accepts every level directly under the level above and a street working committee at the top', () => {
    expect(() => checkPlacement('STREET_WORKING_COMMITTEE', null)).not.toThrow();
    for (let i = 1; i < LEVELS.length; i += 1) expect(() => checkPlacement(LEVELS[i], LEVELS[i - 1])).not.toThrow();
  });

  it('refuses a child two levels below its parent, naming the rule, the field and the allowed parent', () => {
    const error = domainErrorOf(() => checkPlacement('GRID_BRANCH', 'STREET_WORKING_COMMITTEE'));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toBe('input.parentId');
    expect(error.message).toBe(
      'five-level rule: a GRID_BRANCH (网格党支部) sits exactly one level below its parent, under a COMMUNITY_COMMITTEE (社区党委), not under a STREET_WORKING_COMMITTEE',
    );
    expect(error.extensions.allowed).toEqual(['COMMUNITY_COMMITTEE']);
  });

  it('refuses a child at or above its parent level, a missing parent, and a parent for the top level', () => {
    expect(domainErrorOf(() => checkPlacement('BUILDING_GROUP', 'BUILDING_GROUP')).message).toMatch(
      /under a GRID_BRANCH/,
    );
    expect(domainErrorOf(() => checkPlacement('COMMUNITY_COMMITTEE', 'GRID_BRANCH')).message).toMatch(
      /not under a GRID_BRANCH/,
    );
    expect(domainErrorOf(() => checkPlacement('CENTRAL_HOUSEHOLD', null)).message).toMatch(
      /needs a parent BUILDING_GROUP/,
    );
    expect(domainErrorOf(() => checkPlacement('STREET_WORKING_COMMITTEE', 'COMMUNITY_COMMITTEE')).message).toMatch(
      /top of the chain/,
    );
    expect(domainErrorOf(() => checkPlacement('GRID_BRANCH', 'CENTRAL_HOUSEHOLD', 'input.parts')).field).toBe(
      'input.parts',
    );
  });

  it('bounds the depth of a descendants query to the four levels below the top', () => {
    expect(checkMaxDepth(4)).toBe(4);
    expect(checkMaxDepth(1)).toBe(1);
    expect(domainErrorOf(() => checkMaxDepth(5)).message).toBe(
      'maxDepth must be between 1 and 4 (the chain has 5 levels)',
    );
    expect(domainErrorOf(() => checkMaxDepth(0)).field).toBe('maxDepth');
  });
});

describe('coverage by level', () => {
  it("takes the level's own field and returns its ids", () => {
    expect(checkCoverageShape('GRID_BRANCH', { gridIds: ['g1', 'g2'] })).toEqual({
      field: 'gridIds',
      ids: ['g1', 'g2'],
    });
    expect(checkCoverageShape('COMMUNITY_COMMITTEE', { communityId: 'c1', gridIds: [] })).toEqual({
      field: 'communityId',
      ids: ['c1'],
    });
    expect(checkCoverageShape('CENTRAL_HOUSEHOLD', { householdId: 'h1' })).toEqual({
      field: 'householdId',
      ids: ['h1'],
    });
  });

  it("refuses another level's field, a missing field and an id named twice", () => {
    const other = domainErrorOf(() => checkCoverageShape('GRID_BRANCH', { gridIds: ['g1'], buildingIds: ['b1'] }));
    expect([other.field, other.message]).toEqual([
      'input.buildingIds',
      'input.buildingIds does not apply to a GRID_BRANCH: it covers Grid by gridIds',
    ]);
    const missing = domainErrorOf(() => checkCoverageShape('BUILDING_GROUP', {}));
    expect([missing.field, missing.message]).toEqual([
      'input.buildingIds',
      'a BUILDING_GROUP covers a Building: give buildingIds',
    ]);
    expect(domainErrorOf(() => checkCoverageShape('GRID_BRANCH', { gridIds: ['g1', 'g2', 'g1'] })).field).toBe(
      'input.gridIds[2]',
    );
  });

  const at = (i: number) => `input.gridIds[${i}]`;

  it("keeps covered entities inside the parent's scope", () => {
    const scope = { streetId: 's1', communityId: 'c1', gridIds: ['g1', 'g2'] };
    expect(() =>
      checkWithinParent('GRID_BRANCH', scope, { grids: [{ id: 'g1', status: 'ACTIVE', communityId: 'c1' }] }, at),
    ).not.toThrow();
    const elsewhere = domainErrorOf(() =>
      checkWithinParent(
        'GRID_BRANCH',
        scope,
        {
          grids: [
            { id: 'g1', status: 'ACTIVE', communityId: 'c1' },
            { id: 'g9', status: 'ACTIVE', communityId: 'c2' },
          ],
        },
        at,
      ),
    );
    expect([elsewhere.field, elsewhere.message]).toEqual([
      'input.gridIds[1]',
      "grid g9 lies in another community than its community committee's",
    ]);
    const retired = domainErrorOf(() =>
      checkWithinParent('GRID_BRANCH', scope, { grids: [{ id: 'g1', status: 'RETIRED', communityId: 'c1' }] }, at),
    );
    expect([retired.code, retired.field]).toEqual(['CONFLICT', 'input.gridIds[0]']);
    expect(
      domainErrorOf(() =>
        checkWithinParent(
          'BUILDING_GROUP',
          scope,
          { buildings: [{ id: 'b1', gridId: 'g3' }] },
          () => 'input.buildingIds',
        ),
      ).message,
    ).toBe("building b1 lies in none of its grid branch's grids");
    expect(
      domainErrorOf(() =>
        checkWithinParent(
          'COMMUNITY_COMMITTEE',
          scope,
          { communities: [{ id: 'c3', status: 'ACTIVE', streetId: 's2' }] },
          () => 'input.communityId',
        ),
      ).field,
    ).toBe('input.communityId');
  });

  it('refuses an entity another active organisation of the level already covers, but not the organisation itself', () => {
    const coveredBy = new Map([['g2', { id: 'o1', name: '一支部' }]]);
    expect(() => checkNotCoveredElsewhere(['g1', 'g2'], coveredBy, 'o1', at)).not.toThrow();
    const error = domainErrorOf(() => checkNotCoveredElsewhere(['g1', 'g2'], coveredBy, null, at));
    expect([error.code, error.field, error.message]).toEqual([
      'CONFLICT',
      'input.gridIds[1]',
      'g2 is already covered by 一支部 (o1); move or split that organisation first',
    ]);
  });
});
