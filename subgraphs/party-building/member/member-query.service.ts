import type { GraphQLResolveInfo } from 'graphql';
import { checkIdArguments } from '../../../lib/ids';
import type { PageArgs } from '../../../lib/pagination';
import { refuseRecord, revealPersonal, type MaskedField } from '../../../lib/personal-data';
import { canSeeMember, memberPlaceOf, personalValuesInScope, requireSignedIn } from '../access';
import type { PartyContext } from '../context';
import type { MemberFilter } from './member.inputs';
import type { PartyMember } from './member.entity';
import { listMembers } from './member.store';

/** One member by id; one outside the viewer's scope is refused (and the refusal recorded). */
export async function findMember(ctx: PartyContext, id: string) {
  requireSignedIn(ctx.viewer, 'reading Party members');
  const [member, scope] = await Promise.all([ctx.loaders.member.load(id), ctx.loaders.scope.memberScope()]);
  if (member && !canSeeMember(scope, memberPlaceOf(member)))
    return refuseRecord(ctx.viewer, ctx.loaders.accessLog, 'PartyMember', id, 'id');
  return member;
}

export async function searchMembers(ctx: PartyContext, filter: MemberFilter, info: GraphQLResolveInfo) {
  requireSignedIn(ctx.viewer, 'reading Party members');
  checkIdArguments({ organizationId: filter.organizationId, gridId: filter.gridId });
  // The viewer's scope narrows the list in SQL, so the page and its totalCount hold only what the viewer sees.
  return listMembers(ctx.em, filter, await ctx.loaders.scope.memberScope(), info);
}

/** A personal field of a member: masked, in full with a purpose in scope, or refused (both recorded). */
export async function personalValue(
  ctx: PartyContext,
  member: PartyMember,
  field: MaskedField,
): Promise<string | null> {
  const inScope = personalValuesInScope(await ctx.loaders.scope.memberScope(), memberPlaceOf(member));
  return revealPersonal(
    ctx.viewer,
    ctx.loaders.accessLog,
    { type: 'PartyMember', id: member.id, inScope },
    field,
    member[field],
  );
}

export function membersOfGrid(ctx: PartyContext, gridId: string, page: PageArgs) {
  requireSignedIn(ctx.viewer, 'reading Party members');
  return ctx.loaders.membersOfGrid(gridId, page);
}

export function memberCountOfGrid(ctx: PartyContext, gridId: string) {
  // A count, not people: every signed-in caller may have it.
  requireSignedIn(ctx.viewer, 'Party member counts');
  return ctx.loaders.memberCountOfGrid.load(gridId);
}

export function inServiceCountOfCommunity(ctx: PartyContext, communityId: string) {
  requireSignedIn(ctx.viewer, 'Party member counts');
  return ctx.loaders.inServiceCountOfCommunity.load(communityId);
}
