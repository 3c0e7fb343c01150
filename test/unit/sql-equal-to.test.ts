import { equalTo } from '../../lib/sql-rows';
import { writtenConditions } from './written-conditions';

describe('optional filters by equality as SQL', () => {
  it('writes one condition per given value, in order, and none for a filter left out', () => {
    expect(writtenConditions((p) => equalTo(p, { kind: 'SCHOOL', parent_id: undefined, status: null, actor: '', active: false, version: 0 }))).toEqual({
      conditions: ['"kind" = $1', '"active" = $2', '"version" = $3'],
      values: ['SCHOOL', false, 0],
    });
    expect(writtenConditions((p) => equalTo(p, {}))).toEqual({ conditions: [], values: [] });
  });
});
