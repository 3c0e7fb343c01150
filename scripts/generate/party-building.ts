import { Faker, base, zh_CN } from '@faker-js/faker';
import type { MikroORM } from '@mikro-orm/postgresql';
import { tableWriter } from './bulk-insert';
import { itemAt } from '../../lib/lists';
import { IdSequence } from './generated-ids';
import type { GridDistrict } from './grid-district';
import type { Progress } from './progress';
import { Random } from './random';
import type { Scale } from './scales';
import type { PlannedUnit } from './units';

/**
 * The party-building part of a generated district: the organisation chain (a working committee
 * per street, a committee per community, a branch on about nine grids in ten, groups on some
 * buildings), resident, retired and in-service members linked to residents of the grid part
 * (their ID numbers and phones are the residents'), membership periods, offices and the
 * part-time seats of the community committees (大党委).
 */
export interface PartyMemberPlan {
  id: string;
  kind: 'RESIDENT' | 'RETIRED' | 'IN_SERVICE';
  residentIndex: number;
  homeGridId: string;
  /** Index into the planned units (IN_SERVICE members), else -1. */
  unitIndex: number;
}

export interface PartyDistrict {
  /** By street index. */
  streetCommitteeIds: string[];
  branchOfGrid: Map<string, string>;
  members: PartyMemberPlan[];
}

const AT = new Date('2025-06-01T00:00:00Z');
const AGE_YEAR = 2026;

export async function generatePartyBuilding(
  orm: MikroORM,
  scale: Scale,
  seed: number,
  progress: Progress,
  grid: GridDistrict,
  units: PlannedUnit[],
): Promise<PartyDistrict> {
  const faker = new Faker({ locale: [zh_CN, base], seed: seed + 11 });
  const random = new Random(seed + 11);
  const ids = {
    organization: new IdSequence(11),
    change: new IdSequence(12),
    member: new IdSequence(13),
    period: new IdSequence(14),
    role: new IdSequence(15),
    seat: new IdSequence(16),
  };
  const organizations: unknown[][] = [];
  const changes: unknown[][] = [];
  const result: PartyDistrict = { streetCommitteeIds: [], branchOfGrid: new Map(), members: [] };

  const addOrganization = (
    name: string,
    level: string,
    parentId: string | null,
    streetId: string,
    communityId: string | null,
    gridIds: string[],
    buildingIds: string[],
    coverage: string[],
  ): string => {
    const id = ids.organization.next();
    organizations.push([
      id,
      name.slice(0, 100),
      level,
      'ACTIVE',
      parentId,
      streetId,
      communityId,
      gridIds,
      buildingIds,
      null,
      AT,
      null,
    ]);
    changes.push([ids.change.next(), id, 'CREATED', null, parentId, [], coverage, [], [], '生成数据', 'generator', AT]);
    return id;
  };
  const streetIndex = new Map(grid.streetIds.map((id, i) => [id, i]));
  grid.streetIds.forEach((streetId, i) => {
    result.streetCommitteeIds.push(
      addOrganization(
        `${grid.streetNames[i]}党工委`,
        'STREET_WORKING_COMMITTEE',
        null,
        streetId,
        null,
        [],
        [],
        [streetId],
      ),
    );
  });
  const committeeOf = new Map<string, string>();
  const communityIndex = new Map<string, number>();
  grid.communities.forEach((community, i) => {
    communityIndex.set(community.id, i);
    const parent = itemAt(result.streetCommitteeIds, streetIndex.get(community.streetId)!);
    committeeOf.set(
      community.id,
      addOrganization(
        `${community.name}党委`,
        'COMMUNITY_COMMITTEE',
        parent,
        community.streetId,
        community.id,
        [],
        [],
        [community.id],
      ),
    );
  });
  // About one grid in ten has no branch yet, so "grids without a branch" has answers.
  const withoutBranch = new Set(grid.grids.filter(() => random.chance(0.1)).map((g) => g.id));
  const lastGrid = grid.grids.at(-1);
  if (!withoutBranch.size && grid.grids.length > 1 && lastGrid) withoutBranch.add(lastGrid.id);
  const gridInfo = new Map(grid.grids.map((g) => [g.id, g]));
  const streetOfCommunity = new Map(grid.communities.map((c) => [c.id, c.streetId]));
  for (const g of grid.grids) {
    if (withoutBranch.has(g.id)) continue;
    result.branchOfGrid.set(
      g.id,
      addOrganization(
        `${g.name}党支部`,
        'GRID_BRANCH',
        committeeOf.get(g.communityId)!,
        streetOfCommunity.get(g.communityId)!,
        g.communityId,
        [g.id],
        [],
        [g.id],
      ),
    );
  }
  const groups: Array<{ id: string; branchId: string }> = [];
  let previousGrid = '';
  let buildingNumber = 0;
  for (const building of grid.buildings) {
    buildingNumber = building.gridId === previousGrid ? buildingNumber + 1 : 1;
    previousGrid = building.gridId;
    const branchId = result.branchOfGrid.get(building.gridId);
    if (!branchId || !random.chance(0.08)) continue;
    const g = gridInfo.get(building.gridId)!;
    const id = addOrganization(
      `${g.name}${buildingNumber}号楼党小组`,
      'BUILDING_GROUP',
      branchId,
      streetOfCommunity.get(g.communityId)!,
      g.communityId,
      [],
      [building.id],
      [building.id],
    );
    groups.push({ id, branchId });
  }

  // Members: residents of the right age, each at most once; in-service ones work in a unit of their district.
  const taken = new Uint8Array(grid.residentIds.length);
  const gridCommunity = new Map(grid.grids.map((g) => [g.id, g.communityId]));
  const unitsByDistrict = new Map<number, { indexes: number[]; cumulative: number[] }>();
  units.forEach((unit, i) => {
    const entry = unitsByDistrict.get(unit.district) ?? { indexes: [], cumulative: [] };
    entry.indexes.push(i);
    entry.cumulative.push((entry.cumulative[entry.cumulative.length - 1] ?? 0) + unit.weight);
    unitsByDistrict.set(unit.district, entry);
  });
  const pickUnit = (district: number): number => {
    const entry = unitsByDistrict.get(district);
    if (!entry) return -1;
    const r = random.float() * (entry.cumulative.at(-1) ?? 0);
    let lo = 0;
    let hi = entry.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (itemAt(entry.cumulative, mid) > r) hi = mid;
      else lo = mid + 1;
    }
    return itemAt(entry.indexes, lo);
  };
  const draw = (fits: (age: number, index: number) => boolean): number => {
    for (let attempt = 0; attempt < 2_000; attempt += 1) {
      const index = random.int(0, grid.residentIds.length - 1);
      if (!taken[index] && fits(AGE_YEAR - itemAt(grid.residentBirthYears, index), index)) {
        taken[index] = 1;
        return index;
      }
    }
    return -1;
  };
  const members: unknown[][] = [];
  const periods: unknown[][] = [];
  const memberOrganization: string[] = [];
  const addMember = (kind: PartyMemberPlan['kind'], index: number) => {
    const homeGridId = itemAt(grid.residentGrid, index);
    const communityId = gridCommunity.get(homeGridId)!;
    const organizationId = result.branchOfGrid.get(homeGridId) ?? committeeOf.get(communityId)!;
    const unitIndex =
      kind === 'IN_SERVICE' ? pickUnit(itemAt(grid.communities, communityIndex.get(communityId)!).district) : -1;
    const id = ids.member.next();
    const birthYear = itemAt(grid.residentBirthYears, index);
    const joinedYear = Math.min(
      2025,
      birthYear + 18 + Math.floor(random.float() * Math.max(1, Math.min(40, 2025 - birthYear - 18))),
    );
    const joinedOn = `${joinedYear}-${String(random.int(1, 12)).padStart(2, '0')}-01`;
    members.push([
      id,
      grid.residentNames[index],
      kind,
      organizationId,
      grid.residentIds[index],
      homeGridId,
      unitIndex >= 0 ? itemAt(units, unitIndex).name : null,
      random.chance(kind === 'IN_SERVICE' ? 0.7 : 0.55),
      joinedOn,
      grid.residentIdNumbers[index],
      grid.residentPhones[index],
      AT,
    ]);
    periods.push([ids.period.next(), id, organizationId, AT, null, null]);
    memberOrganization.push(organizationId);
    result.members.push({ id, kind, residentIndex: index, homeGridId, unitIndex });
  };
  const residentMembers = scale.residentMembersPerDistrict * scale.districts;
  for (let m = 0; m < residentMembers; m += 1) {
    const retired = random.chance(0.55);
    const index = draw((age) => (retired ? age >= 60 && age <= 92 : age >= 18 && age < 60));
    if (index >= 0) addMember(retired ? 'RETIRED' : 'RESIDENT', index);
  }
  for (let m = 0; m < scale.inServiceMembersPerDistrict * scale.districts; m += 1) {
    const index = draw((age, i) => age >= 23 && age <= 59 && grid.residentPhones[i] !== null);
    if (index >= 0) addMember('IN_SERVICE', index);
  }

  // Offices: a secretary and one or two committee members per branch, a secretary per community
  // committee from a branch below it, a leader per building group from its branch.
  const roles: unknown[][] = [];
  const membersOf = new Map<string, number[]>();
  memberOrganization.forEach((organizationId, i) => {
    const list = membersOf.get(organizationId) ?? [];
    list.push(i);
    membersOf.set(organizationId, list);
  });
  const role = (memberIndex: number, organizationId: string, kind: string, termStart: string, termEnd: string) =>
    roles.push([
      ids.role.next(),
      itemAt(result.members, memberIndex).id,
      organizationId,
      kind,
      termStart,
      termEnd,
      null,
      AT,
    ]);
  const holdsOffice = new Set<number>();
  for (const branchId of result.branchOfGrid.values()) {
    const list = membersOf.get(branchId) ?? [];
    const secretary = list.find((i) => itemAt(result.members, i).kind !== 'IN_SERVICE') ?? list[0];
    if (secretary === undefined) continue;
    role(secretary, branchId, 'SECRETARY', '2024-03-01', '2027-02-28');
    holdsOffice.add(secretary);
    const others = list.filter((i) => i !== secretary);
    for (const i of others.slice(0, random.int(1, 2)))
      role(i, branchId, 'COMMITTEE_MEMBER', '2024-03-01', '2027-02-28');
  }
  const branchesOfCommittee = new Map<string, string[]>();
  for (const [gridId, branchId] of result.branchOfGrid) {
    const committeeId = committeeOf.get(gridCommunity.get(gridId)!)!;
    branchesOfCommittee.set(committeeId, [...(branchesOfCommittee.get(committeeId) ?? []), branchId]);
  }
  for (const committeeId of committeeOf.values()) {
    const candidates = [committeeId, ...(branchesOfCommittee.get(committeeId) ?? [])]
      .flatMap((id) => membersOf.get(id) ?? [])
      .filter((i) => !holdsOffice.has(i));
    if (!candidates.length) continue;
    const secretary = random.pick(candidates);
    holdsOffice.add(secretary);
    role(secretary, committeeId, 'SECRETARY', '2023-12-01', '2028-11-30');
  }
  for (const group of groups) {
    const candidates = (membersOf.get(group.branchId) ?? []).filter((i) => !holdsOffice.has(i));
    if (!candidates.length) continue;
    const leader = random.pick(candidates);
    holdsOffice.add(leader);
    role(leader, group.id, 'SECRETARY', '2024-03-01', '2027-02-28');
  }

  // 大党委: part-time seats for people from the paired units and the property companies.
  const seats: unknown[][] = [];
  const unitsOfCommunity = new Map<number, PlannedUnit[]>();
  for (const unit of units)
    for (const c of unit.communities) unitsOfCommunity.set(c, [...(unitsOfCommunity.get(c) ?? []), unit]);
  grid.communities.forEach((community, c) => {
    const paired = unitsOfCommunity.get(c) ?? [];
    const count = random.int(2, 4);
    for (let s = 0; s < count; s += 1) {
      const fromUnit = paired.length > 0 && s < count - 1;
      seats.push([
        ids.seat.next(),
        committeeOf.get(community.id)!,
        faker.person.fullName().replace(/\s/g, '').slice(0, 50),
        fromUnit ? itemAt(paired, s % paired.length).name : `${faker.location.street().slice(0, 2)}物业服务有限公司`,
        fromUnit ? 'UNIT' : 'PROPERTY_COMPANY',
        s === 0 ? 'DEPUTY_SECRETARY' : 'COMMITTEE_MEMBER',
        '2023-12-01',
        '2028-11-30',
        random.chance(0.05) ? '2025-09-30' : null,
        AT,
      ]);
    }
  });

  const write = tableWriter(orm, 'party_building', progress);
  await write(
    'party_organization',
    [
      ['id', 'uuid'],
      ['name', 'text'],
      ['level', 'text'],
      ['status', 'text'],
      ['parent_id', 'uuid'],
      ['street_id', 'uuid'],
      ['community_id', 'uuid'],
      ['grid_ids', 'text[]'],
      ['building_ids', 'text[]'],
      ['household_id', 'uuid'],
      ['created_at', 'timestamptz'],
      ['dissolved_at', 'timestamptz'],
    ],
    organizations,
  );
  await write(
    'organization_change',
    [
      ['id', 'uuid'],
      ['organization_id', 'uuid'],
      ['kind', 'text'],
      ['parent_before_id', 'uuid'],
      ['parent_after_id', 'uuid'],
      ['coverage_before', 'text[]'],
      ['coverage_after', 'text[]'],
      ['related_organization_ids', 'text[]'],
      ['changed_fields', 'text[]'],
      ['note', 'text'],
      ['actor', 'text'],
      ['occurred_at', 'timestamptz'],
    ],
    changes,
  );
  await write(
    'party_member',
    [
      ['id', 'uuid'],
      ['name', 'text'],
      ['kind', 'text'],
      ['organization_id', 'uuid'],
      ['resident_id', 'uuid'],
      ['home_grid_id', 'uuid'],
      ['work_unit_name', 'text'],
      ['shows_identity_publicly', 'boolean'],
      ['joined_on', 'date'],
      ['id_number', 'text'],
      ['phone', 'text'],
      ['created_at', 'timestamptz'],
    ],
    members,
  );
  await write(
    'membership_period',
    [
      ['id', 'uuid'],
      ['member_id', 'uuid'],
      ['organization_id', 'uuid'],
      ['since', 'timestamptz'],
      ['until', 'timestamptz'],
      ['note', 'text'],
    ],
    periods,
  );
  await write(
    'party_role',
    [
      ['id', 'uuid'],
      ['member_id', 'uuid'],
      ['organization_id', 'uuid'],
      ['role', 'text'],
      ['term_start', 'date'],
      ['term_end', 'date'],
      ['ended_on', 'date'],
      ['created_at', 'timestamptz'],
    ],
    roles,
  );
  await write(
    'committee_seat',
    [
      ['id', 'uuid'],
      ['committee_id', 'uuid'],
      ['person_name', 'text'],
      ['unit_name', 'text'],
      ['unit_kind', 'text'],
      ['role', 'text'],
      ['term_start', 'date'],
      ['term_end', 'date'],
      ['ended_on', 'date'],
      ['created_at', 'timestamptz'],
    ],
    seats,
  );
  return result;
}
