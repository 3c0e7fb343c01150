import { communityConditions } from '../../subgraphs/grid/community/community.store';
import { buildingConditions, gridConditions } from '../../subgraphs/grid/grid/grid.store';
import { workerConditions } from '../../subgraphs/grid/worker/grid-worker.store';
import { writtenConditions } from './written-conditions';

describe("the grid department's list filters as SQL", () => {
  it('writes nothing for no filter, so the list is every row', () => {
    expect(writtenConditions((p) => gridConditions({}, p))).toEqual({ conditions: [], values: [] });
    expect(writtenConditions((p) => workerConditions({ active: null }, p))).toEqual({ conditions: [], values: [] });
  });

  it('narrows grids by the street through its communities, and by the household band in or out', () => {
    expect(
      writtenConditions((p) => gridConditions({ streetId: 's', kind: 'RESIDENTIAL', outsideStandardBand: true }, p)),
    ).toEqual({
      conditions: [
        '"community_id" in (select "id" from "grid"."community" where "street_id" = $1)',
        '"kind" = $2',
        'not ("household_count" between $3 and $4)',
      ],
      values: ['s', 'RESIDENTIAL', 300, 500],
    });
    expect(writtenConditions((p) => gridConditions({ outsideStandardBand: false }, p)).conditions).toEqual([
      '"household_count" between $1 and $2',
    ]);
  });

  it('narrows communities, buildings and workers, a worker by a grid served now', () => {
    expect(writtenConditions((p) => communityConditions({ streetId: 's', status: 'ACTIVE' }, p))).toEqual({
      conditions: ['"street_id" = $1', '"status" = $2'],
      values: ['s', 'ACTIVE'],
    });
    expect(writtenConditions((p) => buildingConditions({ communityId: 'c' }, p))).toEqual({
      conditions: ['"grid_id" in (select "id" from "grid"."grid" where "community_id" = $1)'],
      values: ['c'],
    });
    expect(writtenConditions((p) => workerConditions({ active: false, gridId: 'g' }, p))).toEqual({
      conditions: [
        '"active" = $1',
        '"id" in (select "worker_id" from "grid"."grid_assignment" where "grid_id" = $2 and "ended_at" is null)',
      ],
      values: [false, 'g'],
    });
  });
});
