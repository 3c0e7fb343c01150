import type { EntityManager } from '@mikro-orm/postgresql';
import { demoDistrict, demoId } from '../../lib/demo-district';
import { itemAt } from '../../lib/lists';
import { CommitteeSeat } from './organization/committee-seat.entity';
import { MembershipPeriod } from './member/membership-period.entity';
import { OrganizationChange } from './organization/organization-change.entity';
import { PartyMember } from './member/member.entity';
import { PartyOrganization } from './organization/organization.entity';
import { PartyRole } from './member/party-role.entity';
import {
  CommitteeSeatRole,
  OrganizationChangeKind,
  OrganizationLevel,
  PartyMemberKind,
  PartyRoleKind,
  SeatUnitKind,
} from './shared/enums';

/**
 * The demo district's Party organisations: a working committee per street (ids demoId(101, n)),
 * a committee per community (102), branches on the first four grids (103), building groups on
 * the first grid's two buildings (104), a central household (105), four members (106) with
 * their offices (107) and two part-time seats on 东城社区党委 (108).
 */
/** What the organisation covers at its own level, as its history records it. */
function coverageOf(o: Record<string, any>): string[] {
  switch (o.level as OrganizationLevel) {
    case OrganizationLevel.STREET_WORKING_COMMITTEE:
      return [o.streetId];
    case OrganizationLevel.COMMUNITY_COMMITTEE:
      return [o.communityId];
    case OrganizationLevel.GRID_BRANCH:
      return o.gridIds;
    case OrganizationLevel.BUILDING_GROUP:
      return o.buildingIds;
    default:
      return [o.householdId];
  }
}

export async function seedPartyDemo(em: EntityManager): Promise<void> {
  const d = demoDistrict();
  const at = new Date('2026-01-01T00:00:00Z');
  const org = (row: Record<string, unknown>): Record<string, any> => ({
    parent: null,
    streetId: null,
    communityId: null,
    gridIds: [],
    buildingIds: [],
    householdId: null,
    createdAt: at,
    ...row,
  });
  const streetOf = (communityId: string) => d.communities.find((c) => c.id === communityId)!.streetId;
  const organizations = [
    ...d.streets.map((street, i) =>
      org({
        id: demoId(101, i + 1),
        name: `${street.name}党工委`,
        level: OrganizationLevel.STREET_WORKING_COMMITTEE,
        streetId: street.id,
      }),
    ),
    ...d.communities.map((community, i) =>
      org({
        id: demoId(102, i + 1),
        name: `${community.name}党委`,
        level: OrganizationLevel.COMMUNITY_COMMITTEE,
        parent: demoId(101, d.streets.findIndex((s) => s.id === community.streetId) + 1),
        streetId: community.streetId,
        communityId: community.id,
      }),
    ),
    ...d.grids.slice(0, 4).map((grid, i) =>
      org({
        id: demoId(103, i + 1),
        name: `${grid.name}党支部`,
        level: OrganizationLevel.GRID_BRANCH,
        parent: demoId(102, d.communities.findIndex((c) => c.id === grid.communityId) + 1),
        streetId: streetOf(grid.communityId),
        communityId: grid.communityId,
        gridIds: [grid.id],
      }),
    ),
    ...d.buildings.slice(0, 2).map((building, i) =>
      org({
        id: demoId(104, i + 1),
        name: `${itemAt(d.grids, 0).name}${i + 1}号楼党小组`,
        level: OrganizationLevel.BUILDING_GROUP,
        parent: demoId(103, 1),
        streetId: itemAt(d.streets, 0).id,
        communityId: itemAt(d.communities, 0).id,
        buildingIds: [building.id],
      }),
    ),
    org({
      id: demoId(105, 1),
      name: `${itemAt(d.residents, 0).name}党员中心户`,
      level: OrganizationLevel.CENTRAL_HOUSEHOLD,
      parent: demoId(104, 1),
      streetId: itemAt(d.streets, 0).id,
      communityId: itemAt(d.communities, 0).id,
      householdId: itemAt(d.residents, 0).householdId,
    }),
  ];
  await em.insertMany(PartyOrganization, organizations as any);
  await em.insertMany(
    OrganizationChange,
    organizations.map((o, i) => ({
      id: demoId(109, i + 1),
      organizationId: o.id,
      kind: OrganizationChangeKind.CREATED,
      parentAfterId: o.parent,
      coverageBefore: [],
      coverageAfter: coverageOf(o),
      relatedOrganizationIds: [],
      changedFields: [],
      actor: 'demo',
      occurredAt: at,
    })) as any,
  );

  const gridOfResident = (index: number) => {
    const household = d.households.find((h) => h.id === itemAt(d.residents, index).householdId)!;
    return d.buildings.find((b) => b.id === household.buildingId)!.gridId;
  };
  const thirdGridResident = d.residents.findIndex((_, i) => gridOfResident(i) === itemAt(d.grids, 2).id);
  const members = [
    { n: 1, resident: 0, kind: PartyMemberKind.RESIDENT, organization: demoId(103, 1), shows: true, unit: null },
    {
      n: 2,
      resident: 2,
      kind: PartyMemberKind.IN_SERVICE,
      organization: demoId(103, 1),
      shows: true,
      unit: '寿光市税务局',
    },
    {
      n: 3,
      resident: thirdGridResident,
      kind: PartyMemberKind.RETIRED,
      organization: demoId(103, 3),
      shows: false,
      unit: null,
    },
    { n: 4, resident: null, kind: PartyMemberKind.FLOATING, organization: demoId(102, 1), shows: false, unit: null },
  ].map((m) => {
    const resident = m.resident === null ? null : d.residents[m.resident];
    return {
      id: demoId(106, m.n),
      name: resident?.name ?? '流动党员甲',
      kind: m.kind,
      organization: m.organization,
      residentId: resident?.id ?? null,
      homeGridId: m.resident === null ? null : gridOfResident(m.resident),
      workUnitName: m.unit,
      showsIdentityPublicly: m.shows,
      joinedOn: '2001-07-01',
      idNumber: resident?.idNumber ?? null,
      phone: resident?.phone ?? null,
      createdAt: at,
    };
  });
  await em.insertMany(PartyMember, members as any);
  await em.insertMany(
    MembershipPeriod,
    members.map((m, i) => ({
      id: demoId(110, i + 1),
      member: m.id,
      organization: m.organization,
      since: at,
      until: null,
      note: null,
    })) as any,
  );
  const role = (n: number, member: number, organization: string, kind: PartyRoleKind) => ({
    id: demoId(107, n),
    member: demoId(106, member),
    organization,
    role: kind,
    termStart: '2024-01-01',
    termEnd: '2028-12-31',
    endedOn: null,
    createdAt: at,
  });
  await em.insertMany(PartyRole, [
    role(1, 1, demoId(103, 1), PartyRoleKind.SECRETARY),
    role(2, 2, demoId(103, 1), PartyRoleKind.COMMITTEE_MEMBER),
    role(3, 3, demoId(103, 3), PartyRoleKind.SECRETARY),
    role(4, 1, demoId(105, 1), PartyRoleKind.SECRETARY),
  ] as any);
  const seat = (
    n: number,
    personName: string,
    unitName: string,
    unitKind: SeatUnitKind,
    seatRole: CommitteeSeatRole,
  ) => ({
    id: demoId(108, n),
    committee: demoId(102, 1),
    personName,
    unitName,
    unitKind,
    role: seatRole,
    termStart: '2024-01-01',
    termEnd: '2028-12-31',
    endedOn: null,
    createdAt: at,
  });
  await em.insertMany(CommitteeSeat, [
    seat(1, '王建华', '寿光市人民医院', SeatUnitKind.UNIT, CommitteeSeatRole.DEPUTY_SECRETARY),
    seat(2, '李秀英', '东城物业服务有限公司', SeatUnitKind.PROPERTY_COMPANY, CommitteeSeatRole.COMMITTEE_MEMBER),
  ] as any);
}
