import { domainErrorOf } from './expect-domain-error';
import { assertTakesGrids, checkCommunityMerge } from '../../subgraphs/grid/community/community.rules';
import {
  assertTakesBuildings,
  checkMergeSources,
  checkRetire,
  checkSplitPlan,
  lineage,
} from '../../subgraphs/grid/grid/grid.rules';
import { sizeBand } from '../../subgraphs/grid/grid/grid-size.rules';

const active = (id: string, communityId = 'c1') => ({ id, code: `G${id}`, status: 'ACTIVE' as const, communityId });
const retired = (id: string) => ({ ...active(id), status: 'RETIRED' as const });

describe('grid size band (300–500 households)', () => {
  it.each([
    [0, 'BELOW'],
    [299, 'BELOW'],
    [300, 'WITHIN'],
    [500, 'WITHIN'],
    [501, 'ABOVE'],
  ])('%i households is %s', (households, band) => expect(sizeBand(households)).toBe(band));
});

describe('split plan', () => {
  it('accepts every building given to exactly one part', () => {
    expect(() =>
      checkSplitPlan(
        ['b1', 'b2', 'b3'],
        [
          { code: 'A', buildingIds: ['b1'] },
          { code: 'B', buildingIds: ['b2', 'b3'] },
        ],
      ),
    ).not.toThrow();
  });
  it('refuses fewer than two parts', () => {
    expect(domainErrorOf(() => checkSplitPlan(['b1'], [{ code: 'A', buildingIds: ['b1'] }])).field).toBe('input.parts');
  });
  it('refuses a building given twice, naming the part', () => {
    const error = domainErrorOf(() =>
      checkSplitPlan(
        ['b1', 'b2'],
        [
          { code: 'A', buildingIds: ['b1', 'b2'] },
          { code: 'B', buildingIds: ['b2'] },
        ],
      ),
    );
    expect([error.field, error.message]).toEqual([
      'input.parts[1].buildingIds',
      'building b2 is given to two new grids',
    ]);
  });
  it('refuses a building of another grid', () => {
    expect(
      domainErrorOf(() =>
        checkSplitPlan(
          ['b1'],
          [
            { code: 'A', buildingIds: ['b1'] },
            { code: 'B', buildingIds: ['x'] },
          ],
        ),
      ).field,
    ).toBe('input.parts[1].buildingIds');
  });
  it('refuses a building left out and a repeated code', () => {
    expect(
      domainErrorOf(() =>
        checkSplitPlan(
          ['b1', 'b2'],
          [
            { code: 'A', buildingIds: ['b1'] },
            { code: 'B', buildingIds: [] },
          ],
        ),
      ).message,
    ).toContain('given to no new grid: b2');
    expect(
      domainErrorOf(() =>
        checkSplitPlan(
          [],
          [
            { code: 'A', buildingIds: [] },
            { code: 'A', buildingIds: [] },
          ],
        ),
      ).field,
    ).toBe('input.parts[1].code');
  });
});

describe('merge, retire and new buildings', () => {
  it('merges two active grids of one community', () => {
    expect(() => checkMergeSources([active('1'), active('2')])).not.toThrow();
  });
  it('refuses one grid, a repeated grid, a retired grid and grids of two communities', () => {
    expect(domainErrorOf(() => checkMergeSources([active('1')])).code).toBe('BAD_USER_INPUT');
    expect(domainErrorOf(() => checkMergeSources([active('1'), active('1')])).message).toBe('a grid is named twice');
    expect(domainErrorOf(() => checkMergeSources([active('1'), retired('2')])).code).toBe('CONFLICT');
    expect(domainErrorOf(() => checkMergeSources([active('1'), active('2', 'c2')])).message).toContain(
      'merge the communities first',
    );
  });
  it('retires only an active grid without buildings', () => {
    expect(() => checkRetire(active('1'), 0)).not.toThrow();
    expect(domainErrorOf(() => checkRetire(active('1'), 2)).message).toBe(
      'grid G1 still has 2 building(s); move them to another grid first',
    );
    expect(domainErrorOf(() => checkRetire(retired('1'), 0)).code).toBe('CONFLICT');
  });
  it('a retired grid takes no new buildings', () => {
    expect(() => assertTakesBuildings(active('1'), 'input.gridId')).not.toThrow();
    const error = domainErrorOf(() => assertTakesBuildings(retired('1'), 'input.gridId'));
    expect([error.code, error.field]).toEqual(['CONFLICT', 'input.gridId']);
  });
});

describe('community merge', () => {
  const community = (id: string, streetId = 's1', status: 'ACTIVE' | 'MERGED' = 'ACTIVE') => ({
    id,
    code: `C${id}`,
    status,
    streetId,
  });
  it('merges two into a new community, or one into an existing one', () => {
    expect(() => checkCommunityMerge([community('1'), community('2')], null)).not.toThrow();
    expect(() => checkCommunityMerge([community('1')], community('3'))).not.toThrow();
  });
  it('refuses an already merged source or target, the target as a source, and different streets', () => {
    expect(
      domainErrorOf(() => checkCommunityMerge([community('1', 's1', 'MERGED'), community('2')], null)).message,
    ).toBe('community C1 was already merged');
    expect(domainErrorOf(() => checkCommunityMerge([community('1')], community('3', 's1', 'MERGED'))).field).toBe(
      'input.intoCommunityId',
    );
    expect(domainErrorOf(() => checkCommunityMerge([community('1')], community('1'))).message).toContain(
      'cannot also be a source',
    );
    expect(domainErrorOf(() => checkCommunityMerge([community('1'), community('2', 's2')], null)).message).toContain(
      'different streets',
    );
    expect(domainErrorOf(() => checkCommunityMerge([community('1')], null)).message).toContain('at least two');
  });
});

describe('lineage and merged communities', () => {
  const changes = [
    { kind: 'CREATED', fromGridIds: [], toGridIds: ['a'] },
    { kind: 'SPLIT', fromGridIds: ['a'], toGridIds: ['b', 'c'] },
    { kind: 'MERGED', fromGridIds: ['c', 'd'], toGridIds: ['e'] },
    { kind: 'BUILDING_MOVED', fromGridIds: ['b'], toGridIds: ['c'] },
  ];
  it('follows splits and merges, not building moves', () => {
    expect(lineage(changes, 'a', 'successors')).toEqual(['b', 'c']);
    expect(lineage(changes, 'c', 'successors')).toEqual(['e']);
    expect(lineage(changes, 'c', 'predecessors')).toEqual(['a']);
    expect(lineage(changes, 'e', 'predecessors')).toEqual(['c', 'd']);
    expect(lineage(changes, 'b', 'successors')).toEqual([]);
  });
  it('sends new grids of a merged community to the one it was merged into', () => {
    expect(() =>
      assertTakesGrids({ id: '1', code: 'C1', status: 'ACTIVE', streetId: 's' }, 'input.communityId'),
    ).not.toThrow();
    const error = domainErrorOf(() =>
      assertTakesGrids({ id: '1', code: 'C1', status: 'MERGED', streetId: 's' }, 'input.communityId'),
    );
    expect([error.code, error.field]).toEqual(['CONFLICT', 'input.communityId']);
  });
});
