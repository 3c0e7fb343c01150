import { registerEnumType } from 'type-graphql';

export enum OrganizationLevel {
  STREET_WORKING_COMMITTEE = 'STREET_WORKING_COMMITTEE',
  COMMUNITY_COMMITTEE = 'COMMUNITY_COMMITTEE',
  GRID_BRANCH = 'GRID_BRANCH',
  BUILDING_GROUP = 'BUILDING_GROUP',
  CENTRAL_HOUSEHOLD = 'CENTRAL_HOUSEHOLD',
}
registerEnumType(OrganizationLevel, {
  name: 'OrganizationLevel',
  description: '五级组织链：街道党工委 → 社区党委/党总支 → 网格党支部 → 楼栋党小组 → 党员中心户',
});

export enum OrganizationStatus {
  ACTIVE = 'ACTIVE',
  DISSOLVED = 'DISSOLVED',
}
registerEnumType(OrganizationStatus, {
  name: 'OrganizationStatus',
  description: '党组织状态：在建、已撤销（撤销的组织保留记录与历史，不删除）',
});

export enum OrganizationChangeKind {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  MOVED = 'MOVED',
  SPLIT = 'SPLIT',
  DISSOLVED = 'DISSOLVED',
}
registerEnumType(OrganizationChangeKind, {
  name: 'OrganizationChangeKind',
  description: '组织调整：新建、修改（名称或覆盖范围）、调整隶属、拆分（网格拆分时支部随之拆分）、撤销',
});

/** Another subgraph (co-building) reads these exact values. */
export enum PartyMemberKind {
  RESIDENT = 'RESIDENT',
  IN_SERVICE = 'IN_SERVICE',
  RETIRED = 'RETIRED',
  FLOATING = 'FLOATING',
}
registerEnumType(PartyMemberKind, {
  name: 'PartyMemberKind',
  description: '党员类别：居民党员、在职党员（在单位工作，向居住地社区报到）、离退休党员、流动党员',
});

export enum PartyRoleKind {
  SECRETARY = 'SECRETARY',
  DEPUTY_SECRETARY = 'DEPUTY_SECRETARY',
  COMMITTEE_MEMBER = 'COMMITTEE_MEMBER',
}
registerEnumType(PartyRoleKind, {
  name: 'PartyRoleKind',
  description: '党内职务：书记（党小组长、中心户户主同此）、副书记、委员',
});

export enum CommitteeSeatRole {
  DEPUTY_SECRETARY = 'DEPUTY_SECRETARY',
  COMMITTEE_MEMBER = 'COMMITTEE_MEMBER',
}
registerEnumType(CommitteeSeatRole, { name: 'CommitteeSeatRole', description: '大党委兼职职务：兼职副书记、兼职委员' });

export enum SeatUnitKind {
  UNIT = 'UNIT',
  PROPERTY_COMPANY = 'PROPERTY_COMPANY',
}
registerEnumType(SeatUnitKind, { name: 'SeatUnitKind', description: '兼职委员所在单位类别：驻区单位、物业企业' });
