import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { isId } from '../../../lib/ids';
import { byIdLoader, byUniqueLoader, childPageLoader, childrenLoader, countByParentLoader } from '../../../lib/loaders';
import { paginate, type PageArgs } from '../../../lib/pagination';
import { equalTo } from '../../../lib/sql-rows';
import { canSeeMember, memberConditions, memberPlaceOf, type MemberScope } from '../access';
import type { ViewerScope } from '../context';
import { PartyMemberKind } from '../shared/enums';
import type { MemberFilter } from './member.inputs';
import { PartyMember } from './member.entity';
import { MembershipPeriod } from './membership-period.entity';

/** In-service members (在职党员) whose membership is held in each community's organisations. */
function inServiceCountOfCommunity(em: EntityManager) {
  return new DataLoader<string, number>(async (communityIds) => {
    const valid = communityIds.filter(isId);
    if (!valid.length) return communityIds.map(() => 0);
    const rows: Array<{ community_id: string; n: string }> = await em
      .getKnex()('party_building.party_member as m')
      .join('party_building.party_organization as o', 'o.id', 'm.organization_id')
      .where('m.kind', PartyMemberKind.IN_SERVICE)
      .whereIn('o.community_id', valid)
      .groupBy('o.community_id')
      .select('o.community_id')
      .count({ n: '*' });
    const counts = new Map(rows.map((row) => [row.community_id, Number(row.n)]));
    return communityIds.map((id) => counts.get(id) ?? 0);
  });
}

export function createMemberLoaders(em: EntityManager, scope: ViewerScope) {
  const member = byIdLoader(em, PartyMember);
  const memberOfResident = byUniqueLoader(em, PartyMember, 'residentId');
  // Member pages narrowed to the viewer's scope in SQL, so pages and totalCount count only what the viewer sees.
  const scoped = { where: memberConditions, filterKey: (s: MemberScope) => s.kind };
  const membersOfOrganization = childPageLoader(em, PartyMember, {
    table: 'party_building.party_member',
    parentColumn: 'organization_id',
    ...scoped,
  });
  const membersOfGrid = childPageLoader(em, PartyMember, {
    table: 'party_building.party_member',
    parentColumn: 'home_grid_id',
    ...scoped,
  });
  const visible = async (row: Promise<PartyMember | null>) => {
    const [found, memberScope] = await Promise.all([row, scope.memberScope()]);
    return found && canSeeMember(memberScope, memberPlaceOf(found)) ? found : null;
  };
  return {
    /** Any member by id, whoever asks: for the checks before a change and for offices already narrowed. */
    member,
    /** A member the viewer may see, or null (references and one-to-one fields). */
    visibleMember: (id: string) => visible(member.load(id)),
    visibleMemberOfResident: (residentId: string) => visible(memberOfResident.load(residentId)),
    membersOfOrganization: async (id: string, page: PageArgs) =>
      membersOfOrganization(id, page, await scope.memberScope()),
    membersOfGrid: async (id: string, page: PageArgs) => membersOfGrid(id, page, await scope.memberScope()),
    memberCountOfGrid: countByParentLoader(em, 'party_building.party_member', 'home_grid_id'),
    inServiceCountOfCommunity: inServiceCountOfCommunity(em),
    periodsOfMember: childrenLoader(em, MembershipPeriod, 'member', { since: 'asc', id: 'asc' }),
  };
}

/** One page of the members matching the filter, narrowed in SQL to those the viewer sees (so totalCount counts only them). */
export function listMembers(em: EntityManager, filter: MemberFilter, scope: MemberScope, info: GraphQLResolveInfo) {
  return paginate(
    em,
    PartyMember,
    (parameter) => [
      ...equalTo(parameter, {
        kind: filter.kind,
        organization_id: filter.organizationId,
        home_grid_id: filter.gridId,
        shows_identity_publicly: filter.showsIdentityPublicly,
      }),
      ...memberConditions(scope, parameter),
    ],
    filter,
    info,
  );
}
