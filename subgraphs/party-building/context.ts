import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { byIdLoader, byUniqueLoader, childPageLoader, childrenLoader, countByParentLoader } from '../../lib/loaders';
import { isId } from '../../lib/ids';
import type { PageArgs } from '../../lib/pagination';
import type { SubgraphContext } from '../../lib/subgraph-server';
import type { Viewer } from '../../lib/viewer';
import { createAccessLog } from '../../lib/audit/access-log';
import { today } from './domain/terms';
import { MembershipPeriod, PartyMember, PartyMemberKind, PartyRole, PartyRoleKind } from './entities';
import { canSeeMember, memberPlaceOf, memberScopeOf, memberWhere, memberConditions, scopingOrganizationOf, type MemberScope } from './access';
import { createOrganizationLoaders } from './organization/organization.store';
import { subtreeIds } from './organization/organization-tree.store';

/**
 * What the request's viewer covers, read at most once per request: a PARTY_ORG caller's subtree
 * is one recursive query, shared by every list, reference and personal field of the request;
 * other callers cost no statement at all.
 */
export function createViewerScope(em: EntityManager, viewer: Viewer) {
  const root = scopingOrganizationOf(viewer);
  const readSubtree = (): Promise<string[]> => (root ? subtreeIds(em, root) : Promise.resolve([]));
  let subtree: Promise<string[]> | undefined;
  let scope: Promise<MemberScope> | undefined;
  const subtreeOnce = (): Promise<string[]> => (subtree ??= readSubtree());
  return {
    /**
     * The caller's organisation and all below it, read afresh for a change: an earlier mutation
     * of the same operation may have created or moved organisations.
     */
    currentSubtree: readSubtree,
    /** Whose member records the caller sees (its subtree read once for all reads of the request). */
    memberScope: (): Promise<MemberScope> => (scope ??= subtreeOnce().then((ids) => memberScopeOf(viewer, ids))),
  };
}

export type ViewerScope = ReturnType<typeof createViewerScope>;

const ROLE_ORDER = [PartyRoleKind.SECRETARY, PartyRoleKind.DEPUTY_SECRETARY, PartyRoleKind.COMMITTEE_MEMBER];

export function createPartyLoaders(em: EntityManager, viewer: Viewer) {
  const scope = createViewerScope(em, viewer);
  const member = byIdLoader(em, PartyMember);
  const memberOfResident = byUniqueLoader(em, PartyMember, 'residentId');
  // Member pages narrowed to the viewer's scope in SQL, so pages and totalCount count only what the viewer sees.
  const scoped = { where: memberConditions, filterKey: (s: MemberScope) => s.kind };
  const membersOfOrganization = childPageLoader(em, PartyMember, { table: 'party_building.party_member', parentColumn: 'organization_id', ...scoped });
  const membersOfGrid = childPageLoader(em, PartyMember, { table: 'party_building.party_member', parentColumn: 'home_grid_id', ...scoped });
  const visible = async (row: Promise<PartyMember | null>) => {
    const [found, memberScope] = await Promise.all([row, scope.memberScope()]);
    return found && canSeeMember(memberScope, memberPlaceOf(found)) ? found : null;
  };
  return {
    accessLog: createAccessLog(em, viewer),
    scope,
    ...createOrganizationLoaders(em),
    /** Any member by id, whoever asks: for the checks before a change and for offices already narrowed. */
    member,
    /** A member the viewer may see, or null (references and one-to-one fields). */
    visibleMember: (id: string) => visible(member.load(id)),
    visibleMemberOfResident: (residentId: string) => visible(memberOfResident.load(residentId)),
    role: byIdLoader(em, PartyRole),
    membersOfOrganization: async (id: string, page: PageArgs) => membersOfOrganization(id, page, await scope.memberScope()),
    membersOfGrid: async (id: string, page: PageArgs) => membersOfGrid(id, page, await scope.memberScope()),
    memberCountOfGrid: countByParentLoader(em, 'party_building.party_member', 'home_grid_id'),
    inServiceCountOfCommunity: inServiceCountOfCommunity(em),
    rolesOfMember: childrenLoader(em, PartyRole, 'member', { termStart: 'asc', id: 'asc' }),
    periodsOfMember: childrenLoader(em, MembershipPeriod, 'member', { since: 'asc', id: 'asc' }),
    // Offices are part of their holders' records: only those of members the viewer sees.
    rolesInOffice: new DataLoader<string, PartyRole[]>(async (ids) => {
      const valid = ids.filter(isId);
      const day = today();
      const holders = memberWhere(await scope.memberScope());
      const rows = valid.length
        ? await em.find(PartyRole, {
          organization: { $in: valid },
          ...(holders ? { member: holders } : {}),
          termStart: { $lte: day },
          $and: [{ $or: [{ endedOn: null }, { endedOn: { $gt: day } }] }, { $or: [{ termEnd: null }, { termEnd: { $gte: day } }] }],
        }, { orderBy: { termStart: 'asc', id: 'asc' } })
        : [];
      rows.sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
      return ids.map((id) => rows.filter((row) => row.organization.id === id));
    }),
  };
}

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

export type PartyLoaders = ReturnType<typeof createPartyLoaders>;
export type PartyContext = SubgraphContext<PartyLoaders>;
