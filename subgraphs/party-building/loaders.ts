import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { byIdLoader, byUniqueLoader, childPageLoader, childrenLoader, countByParentLoader } from '../../lib/loaders';
import { isId } from '../../lib/ids';
import { readOnlyRowsIn } from '../../lib/read-only-entities';
import type { PageArgs } from '../../lib/pagination';
import type { SubgraphContext } from '../../lib/subgraph-server';
import type { Viewer } from '../../lib/viewer';
import { createAccessLog } from '../../lib/audit/access-log';
import { today } from './domain/terms';
import {
  CommitteeSeat, MembershipPeriod, OrganizationChange, OrganizationLevel, OrganizationStatus, PartyMember, PartyMemberKind, PartyOrganization,
  PartyRole, PartyRoleKind,
} from './entities';
import { canSeeMember, memberPlaceOf, memberWhere, memberConditions, type MemberScope } from './access';
import { ancestorsOf, descendantsOf } from './tree-queries';
import { createViewerScope } from './viewer-scope';

const ROLE_ORDER = [PartyRoleKind.SECRETARY, PartyRoleKind.DEPUTY_SECRETARY, PartyRoleKind.COMMITTEE_MEMBER];

/** The active organisation of one level covering each key (a grid, a building, ...), one query per batch. */
function coveringLoader(em: EntityManager, level: OrganizationLevel, column: 'gridIds' | 'buildingIds' | 'communityId' | 'streetId' | 'householdId') {
  return new DataLoader<string, PartyOrganization[]>(async (keys) => {
    const valid = keys.filter(isId);
    if (!valid.length) return keys.map(() => []);
    const rows = await readOnlyRowsIn(em, PartyOrganization, column, valid, {
      overlapping: column === 'gridIds' || column === 'buildingIds',
      where: { level, status: OrganizationStatus.ACTIVE },
      orderBy: { id: 'asc' },
    });
    return keys.map((key) => rows.filter((row) => {
      const value = row[column];
      return Array.isArray(value) ? value.includes(key) : value === key;
    }));
  });
}

interface TreeKey {
  id: string;
  maxDepth: number;
}

export function createPartyLoaders(em: EntityManager, viewer: Viewer) {
  // Organisations read by the tree queries are primed here, so their parents and the members'
  // organisations cost no further statement.
  const organization = byIdLoader(em, PartyOrganization);
  const prime = (rows: PartyOrganization[]) => rows.forEach((row) => organization.prime(row.id, row));
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
    organization,
    /** Any member by id, whoever asks: for the checks before a change and for offices already narrowed. */
    member,
    /** A member the viewer may see, or null (references and one-to-one fields). */
    visibleMember: (id: string) => visible(member.load(id)),
    visibleMemberOfResident: (residentId: string) => visible(memberOfResident.load(residentId)),
    seat: byIdLoader(em, CommitteeSeat),
    role: byIdLoader(em, PartyRole),
    branchesOfGrid: coveringLoader(em, OrganizationLevel.GRID_BRANCH, 'gridIds'),
    groupsOfBuilding: coveringLoader(em, OrganizationLevel.BUILDING_GROUP, 'buildingIds'),
    centralHouseholdsOfHousehold: coveringLoader(em, OrganizationLevel.CENTRAL_HOUSEHOLD, 'householdId'),
    committeesOfCommunity: coveringLoader(em, OrganizationLevel.COMMUNITY_COMMITTEE, 'communityId'),
    workingCommitteesOfStreet: coveringLoader(em, OrganizationLevel.STREET_WORKING_COMMITTEE, 'streetId'),
    childrenOfOrganization: childPageLoader(em, PartyOrganization, { table: 'party_building.party_organization', parentColumn: 'parent_id' }),
    membersOfOrganization: async (id: string, page: PageArgs) => membersOfOrganization(id, page, await scope.memberScope()),
    membersOfGrid: async (id: string, page: PageArgs) => membersOfGrid(id, page, await scope.memberScope()),
    memberCountOfGrid: countByParentLoader(em, 'party_building.party_member', 'home_grid_id'),
    inServiceCountOfCommunity: inServiceCountOfCommunity(em),
    seatsOfCommittee: childrenLoader(em, CommitteeSeat, 'committee', { termStart: 'asc', id: 'asc' }),
    rolesOfMember: childrenLoader(em, PartyRole, 'member', { termStart: 'asc', id: 'asc' }),
    periodsOfMember: childrenLoader(em, MembershipPeriod, 'member', { since: 'asc', id: 'asc' }),
    changesOfOrganization: childrenLoader(em, OrganizationChange, 'organizationId', { occurredAt: 'asc', id: 'asc' }),
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
    descendants: new DataLoader<TreeKey, PartyOrganization[], string>(async (keys) => {
      const result = new Map<string, PartyOrganization[]>();
      for (const maxDepth of new Set(keys.map((k) => k.maxDepth))) {
        const roots = keys.filter((k) => k.maxDepth === maxDepth && isId(k.id)).map((k) => k.id);
        for (const row of await descendantsOf(em, roots, maxDepth)) {
          prime([row.organization]);
          const key = `${row.rootId}|${maxDepth}`;
          result.set(key, [...(result.get(key) ?? []), row.organization]);
        }
      }
      return keys.map((k) => result.get(`${k.id}|${k.maxDepth}`) ?? []);
    }, { cacheKeyFn: (k) => `${k.id}|${k.maxDepth}` }),
    ancestors: new DataLoader<string, PartyOrganization[]>(async (ids) => {
      const rows = await ancestorsOf(em, ids.filter(isId));
      prime(rows.map((row) => row.organization));
      return ids.map((id) => rows.filter((row) => row.startId === id).map((row) => row.organization));
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
