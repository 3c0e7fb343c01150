import { DomainError } from '../../lib/errors';
import {
  checkCapacity,
  checkPledge,
  checkPledgeLimit,
  type PledgeSituation,
} from '../../subgraphs/co-building/member-report/pledge.rules';

const base: PledgeSituation = {
  memberActivePledges: 0,
  limit: 2,
  memberHoldsPost: false,
  postCapacity: null,
  postActivePledges: 0,
  reportCommunityId: 'c1',
  postCommunityId: 'c1',
};

function refusal(situation: Partial<PledgeSituation>): DomainError {
  try {
    checkPledge({ ...base, ...situation });
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

describe('pledge rules (履岗承诺)', () => {
  it('lets a member take a first and a second post', () => {
    expect(() => checkPledge(base)).not.toThrow();
    expect(() => checkPledge({ ...base, memberActivePledges: 1 })).not.toThrow();
  });

  it('refuses a third active pledge, naming the rule and the member', () => {
    const error = refusal({ memberActivePledges: 2 });
    expect(error.code).toBe('CONFLICT');
    expect(error.field).toBe('input.memberId');
    expect(error.message).toMatch(/^pledge limit: a member holds at most 2/);
    expect(error.details).toEqual({ rule: 'PLEDGE_LIMIT', allowed: 2 });
  });

  it('follows the district limit', () => {
    expect(() => checkPledge({ ...base, limit: 3, memberActivePledges: 2 })).not.toThrow();
    expect(refusal({ limit: 1, memberActivePledges: 1 }).message).toMatch(/at most 1 active/);
  });

  it('refuses a full post, and not one with room or no capacity', () => {
    const error = refusal({ postCapacity: 3, postActivePledges: 3 });
    expect(error.field).toBe('input.postId');
    expect(error.details).toEqual({ rule: 'POST_CAPACITY', allowed: 3 });
    expect(() => checkPledge({ ...base, postCapacity: 3, postActivePledges: 2 })).not.toThrow();
    expect(() => checkPledge({ ...base, postCapacity: null, postActivePledges: 500 })).not.toThrow();
  });

  it('refuses the same post twice and a post of another community', () => {
    expect(refusal({ memberHoldsPost: true }).message).toBe('the member already holds this post');
    const other = refusal({ postCommunityId: 'c2' });
    expect(other.code).toBe('BAD_USER_INPUT');
    expect(other.field).toBe('input.postId');
  });

  it('checks limits and capacities as positive whole numbers', () => {
    expect(checkPledgeLimit(2)).toBe(2);
    expect(() => checkPledgeLimit(0)).toThrow(/limit must be a whole number from 1 to 10/);
    expect(checkCapacity(undefined, 'input.capacity')).toBeNull();
    expect(checkCapacity(5, 'input.capacity')).toBe(5);
    expect(() => checkCapacity(0, 'input.capacity')).toThrow(/input.capacity must be a positive whole number/);
  });
});
