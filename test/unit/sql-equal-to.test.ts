import { equalTo, oneOf } from '../../lib/sql-rows';
import { writtenConditions } from './written-conditions';

describe('optional filters by equality as SQL', () => {
  it('writes one condition per given value, in order, and none for a filter left out', () => {
    expect(
      writtenConditions((p) =>
        equalTo(p, { kind: 'SCHOOL', parent_id: undefined, status: null, actor: '', active: false, version: 0 }),
      ),
    ).toEqual({
      conditions: ['"kind" = $1', '"active" = $2', '"version" = $3'],
      values: ['SCHOOL', false, 0],
    });
    expect(writtenConditions((p) => equalTo(p, {}))).toEqual({ conditions: [], values: [] });
  });
});

describe('a column equal to one of some values, as SQL', () => {
  it('writes one value as plain equality, so a prepared statement can keep its plan', () => {
    expect(writtenConditions((p) => [oneOf('"grid_id"', ['g1'], p)])).toEqual({
      conditions: ['"grid_id" = $1'],
      values: ['g1'],
    });
  });

  it('writes several values as one array parameter, a copy of the list given', () => {
    const ids = ['g1', 'g2'];
    const written = writtenConditions((p) => [`"kind" = ${p('GRID_BRANCH')}`, oneOf('"grid_id"', ids, p)]);
    expect(written).toEqual({
      conditions: ['"kind" = $1', '"grid_id" = any($2)'],
      values: ['GRID_BRANCH', ['g1', 'g2']],
    });
    expect(written.values[1]).not.toBe(ids);
  });
});
