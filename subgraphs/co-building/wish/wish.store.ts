import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { paginate, type Page } from '../../../lib/pagination';
import { equalTo, type SqlParameter } from '../../../lib/sql-rows';
import type { WishScope } from '../access';
import { WishStatus } from '../shared/enums';
import { Wish } from './wish.entity';
import type { WishFilter } from './wish.inputs';

/**
 * The wish read scope of access.ts as an SQL condition on co_building.wish, so that lists leave
 * out what the caller may not read: the wishes in scope (false when none is); none when all are.
 */
export function wishConditions(scope: WishScope, parameter: SqlParameter): string[] {
  if (scope.all) return [];
  const any: string[] = [];
  if (scope.communityIds.length) any.push(`"community_id" = any(${parameter([...scope.communityIds])})`);
  if (scope.residentIds.length) any.push(`"resident_id" = any(${parameter([...scope.residentIds])})`);
  if (scope.open) any.push(`"status" = ${parameter(WishStatus.OPEN)}`);
  if (scope.claimedByUnitIds.length) any.push(`"claimed_by_unit_id" = any(${parameter([...scope.claimedByUnitIds])})`);
  return [any.length ? any.join(' or ') : 'false'];
}

/** A page of wishes, by community and status when given, within the read scope. */
export function wishesPage(
  em: EntityManager,
  filter: WishFilter,
  scope: WishScope,
  info: GraphQLResolveInfo,
): Promise<Page<Wish>> {
  return paginate(
    em,
    Wish,
    (parameter) => [
      ...equalTo(parameter, { community_id: filter.communityId, status: filter.status }),
      ...wishConditions(scope, parameter),
    ],
    filter,
    info,
  );
}
