import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { isId } from '../../../lib/ids';
import { byIdLoader, childPageLoader, childrenLoader } from '../../../lib/loaders';
import { paginate } from '../../../lib/pagination';
import { readOnlyRowsIn } from '../../../lib/read-only-entities';
import { equalTo } from '../../../lib/sql-rows';
import { OrganizationLevel, OrganizationStatus } from '../shared/enums';
import { CommitteeSeat } from './committee-seat.entity';
import { OrganizationChange } from './organization-change.entity';
import type { OrganizationFilter } from './organization.inputs';
import { PartyOrganization } from './organization.entity';
import { ancestorsOf, descendantsOf } from './organization-tree.store';

/** The active organisation of one level covering each key (a grid, a building, ...), one query per batch. */
function coveringLoader(
  em: EntityManager,
  level: OrganizationLevel,
  column: 'gridIds' | 'buildingIds' | 'communityId' | 'streetId' | 'householdId',
) {
  return new DataLoader<string, PartyOrganization[]>(async (keys) => {
    const valid = keys.filter(isId);
    if (!valid.length) return keys.map(() => []);
    const rows = await readOnlyRowsIn(em, PartyOrganization, column, valid, {
      overlapping: column === 'gridIds' || column === 'buildingIds',
      where: { level, status: OrganizationStatus.ACTIVE },
      orderBy: { id: 'asc' },
    });
    return keys.map((key) =>
      rows.filter((row) => {
        const value = row[column];
        return Array.isArray(value) ? value.includes(key) : value === key;
      }),
    );
  });
}

interface TreeKey {
  id: string;
  maxDepth: number;
}

export function createOrganizationLoaders(em: EntityManager) {
  // Organisations read by the tree queries are primed here, so their parents and the members'
  // organisations cost no further statement.
  const organization = byIdLoader(em, PartyOrganization);
  const prime = (rows: PartyOrganization[]) => rows.forEach((row) => organization.prime(row.id, row));
  return {
    organization,
    seat: byIdLoader(em, CommitteeSeat),
    branchesOfGrid: coveringLoader(em, OrganizationLevel.GRID_BRANCH, 'gridIds'),
    groupsOfBuilding: coveringLoader(em, OrganizationLevel.BUILDING_GROUP, 'buildingIds'),
    centralHouseholdsOfHousehold: coveringLoader(em, OrganizationLevel.CENTRAL_HOUSEHOLD, 'householdId'),
    committeesOfCommunity: coveringLoader(em, OrganizationLevel.COMMUNITY_COMMITTEE, 'communityId'),
    workingCommitteesOfStreet: coveringLoader(em, OrganizationLevel.STREET_WORKING_COMMITTEE, 'streetId'),
    childrenOfOrganization: childPageLoader(em, PartyOrganization, {
      table: 'party_building.party_organization',
      parentColumn: 'parent_id',
    }),
    seatsOfCommittee: childrenLoader(em, CommitteeSeat, 'committee', { termStart: 'asc', id: 'asc' }),
    changesOfOrganization: childrenLoader(em, OrganizationChange, 'organizationId', { occurredAt: 'asc', id: 'asc' }),
    descendants: new DataLoader<TreeKey, PartyOrganization[], string>(
      async (keys) => {
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
      },
      { cacheKeyFn: (k) => `${k.id}|${k.maxDepth}` },
    ),
    ancestors: new DataLoader<string, PartyOrganization[]>(async (ids) => {
      const rows = await ancestorsOf(em, ids.filter(isId));
      prime(rows.map((row) => row.organization));
      return ids.map((id) => rows.filter((row) => row.startId === id).map((row) => row.organization));
    }),
  };
}

/** One page of organisations matching the filter. */
export function listOrganizations(em: EntityManager, filter: OrganizationFilter, info: GraphQLResolveInfo) {
  const { parentId, streetId, communityId, gridId } = filter;
  return paginate(
    em,
    PartyOrganization,
    (parameter) => [
      ...equalTo(parameter, {
        level: filter.level,
        parent_id: parentId,
        street_id: streetId,
        community_id: communityId,
        status: filter.status,
      }),
      // The organisations covering the grid: their grid lists hold it.
      ...(gridId ? [`"grid_ids" && ${parameter([gridId])}`] : []),
    ],
    filter,
    info,
  );
}
