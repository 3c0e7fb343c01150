import { badInput, conflict } from '../../../lib/errors';

/** 寿光: each member claims 1–2 service posts. A district may set its own limit. */
export const DEFAULT_PLEDGE_LIMIT = 2;
export const PLEDGE_LIMIT_SETTING = 'pledge_limit';

export interface PledgeSituation {
  /** Active pledges the member holds now. */
  memberActivePledges: number;
  /** The district's limit of active pledges per member. */
  limit: number;
  /** Whether the member already holds an active pledge on this post. */
  memberHoldsPost: boolean;
  /** The post's capacity (null: unlimited) and its active pledges now. */
  postCapacity: number | null;
  postActivePledges: number;
  /** The community the member reported to, and the community offering the post. */
  reportCommunityId: string;
  postCommunityId: string;
}

/** Whether a member may sign one more pledge; the errors name the rule that refuses it. */
export function checkPledge(s: PledgeSituation, fields = { member: 'input.memberId', post: 'input.postId' }): void {
  if (s.reportCommunityId !== s.postCommunityId) {
    throw badInput(
      fields.post,
      'the post is offered by another community: members claim posts in the community they reported to',
    );
  }
  if (s.memberHoldsPost) throw conflict(fields.post, 'the member already holds this post');
  if (s.memberActivePledges >= s.limit) {
    throw conflict(
      fields.member,
      `pledge limit: a member holds at most ${s.limit} active pledge(s) (履岗承诺), and this member holds ${s.memberActivePledges}; end one first`,
      { rule: 'PLEDGE_LIMIT', allowed: s.limit },
    );
  }
  if (s.postCapacity !== null && s.postActivePledges >= s.postCapacity) {
    throw conflict(fields.post, `post capacity: the post takes ${s.postCapacity} member(s) and is full`, {
      rule: 'POST_CAPACITY',
      allowed: s.postCapacity,
    });
  }
}

export function checkPledgeLimit(limit: number, field = 'limit'): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > 10)
    throw badInput(field, `${field} must be a whole number from 1 to 10`);
  return limit;
}

export function checkCapacity(capacity: number | null | undefined, field: string): number | null {
  if (capacity === null || capacity === undefined) return null;
  if (!Number.isInteger(capacity) || capacity < 1)
    throw badInput(field, `${field} must be a positive whole number, or omitted for no limit`);
  return capacity;
}
