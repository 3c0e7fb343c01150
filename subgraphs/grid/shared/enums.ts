import { registerEnumType } from 'type-graphql';

export enum GridKind {
  RESIDENTIAL = 'RESIDENTIAL',
  COMMERCIAL = 'COMMERCIAL',
  MIXED = 'MIXED',
  ENTERPRISE_PARK = 'ENTERPRISE_PARK',
}
registerEnumType(GridKind, { name: 'GridKind', description: '网格分类：住宅、商业、混合、企业/园区' });

export enum GridStatus {
  ACTIVE = 'ACTIVE',
  RETIRED = 'RETIRED',
}
registerEnumType(GridStatus, {
  name: 'GridStatus',
  description: '网格状态：在用、已撤销（撤销的网格保留历史，不删除）',
});

export enum CommunityStatus {
  ACTIVE = 'ACTIVE',
  MERGED = 'MERGED',
}
registerEnumType(CommunityStatus, { name: 'CommunityStatus', description: '社区状态：在用、已合并（见 mergedInto）' });

export enum Tenure {
  OWNER_OCCUPIED = 'OWNER_OCCUPIED',
  RENTED = 'RENTED',
  VACANT = 'VACANT',
}
registerEnumType(Tenure, { name: 'Tenure', description: '房屋使用：自住、出租、空置' });

export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
registerEnumType(Gender, { name: 'Gender', description: '性别' });

export enum RelationToHead {
  HEAD = 'HEAD',
  SPOUSE = 'SPOUSE',
  CHILD = 'CHILD',
  PARENT = 'PARENT',
  GRANDCHILD = 'GRANDCHILD',
  SIBLING = 'SIBLING',
  TENANT = 'TENANT',
  OTHER = 'OTHER',
}
registerEnumType(RelationToHead, { name: 'RelationToHead', description: '与户主关系' });

export enum ResidenceType {
  REGISTERED = 'REGISTERED',
  PERMANENT = 'PERMANENT',
  FLOATING = 'FLOATING',
}
registerEnumType(ResidenceType, { name: 'ResidenceType', description: '人口类型：户籍、常住、流动' });

export enum CareTag {
  OVER_80 = 'OVER_80',
  DISABLED = 'DISABLED',
  LOW_INCOME = 'LOW_INCOME',
  LIVING_ALONE = 'LIVING_ALONE',
  LEFT_BEHIND_CHILD = 'LEFT_BEHIND_CHILD',
  VETERAN = 'VETERAN',
  SPECIAL_HARDSHIP = 'SPECIAL_HARDSHIP',
}
registerEnumType(CareTag, {
  name: 'CareTag',
  description: '重点人群标签：80岁以上、残疾、低保、独居、留守儿童、退役军人、特困',
});

export enum WorkerKind {
  FULL_TIME = 'FULL_TIME',
  PART_TIME = 'PART_TIME',
  COORDINATOR = 'COORDINATOR',
}
registerEnumType(WorkerKind, { name: 'WorkerKind', description: '网格员类别：专职、兼职、协管员' });

export enum AssignmentRole {
  GRID_CHIEF = 'GRID_CHIEF',
  FULL_TIME = 'FULL_TIME',
  PART_TIME = 'PART_TIME',
  COORDINATOR = 'COORDINATOR',
}
registerEnumType(AssignmentRole, {
  name: 'AssignmentRole',
  description: '网格内角色：网格长、专职网格员、兼职网格员、协管员',
});

export enum WorkerDuty {
  INFORMATION_COLLECTION = 'INFORMATION_COLLECTION',
  SANITATION_SUPERVISION = 'SANITATION_SUPERVISION',
  DISPUTE_MEDIATION = 'DISPUTE_MEDIATION',
  POLICY_PUBLICITY = 'POLICY_PUBLICITY',
  CITY_MANAGEMENT_PATROL = 'CITY_MANAGEMENT_PATROL',
  AFFAIRS_ON_BEHALF = 'AFFAIRS_ON_BEHALF',
}
registerEnumType(WorkerDuty, {
  name: 'WorkerDuty',
  description:
    '网格员六大职责：信息采集员、环境卫生监督员、矛盾纠纷调解员、政策法规宣传员、城市管理巡查员、便民服务代办员',
});

export enum GridChangeKind {
  CREATED = 'CREATED',
  SPLIT = 'SPLIT',
  MERGED = 'MERGED',
  RETIRED = 'RETIRED',
  BUILDING_MOVED = 'BUILDING_MOVED',
  COMMUNITY_MERGED = 'COMMUNITY_MERGED',
}
registerEnumType(GridChangeKind, {
  name: 'GridChangeKind',
  description: '网格调整类型：新建、拆分、合并、撤销、楼栋调整、社区合并',
});

/** Stored as the entity's type name, so the log reads the same in SQL as in the graph. */
export enum RecordType {
  RESIDENT = 'Resident',
  HOUSEHOLD = 'Household',
  BUILDING = 'Building',
}
registerEnumType(RecordType, { name: 'RecordType', description: '登记信息类别：人（居民）、户、房（楼栋）' });

export enum RecordAction {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  MOVED = 'MOVED',
}
registerEnumType(RecordAction, {
  name: 'RecordAction',
  description: '变更类型：新增、修改、迁移（居民换户、楼栋调整网格）',
});

/** The words residents read on a grid's public card (网格公示牌). */
export const ROLE_LABELS: Record<AssignmentRole, string> = {
  [AssignmentRole.GRID_CHIEF]: '网格长',
  [AssignmentRole.FULL_TIME]: '专职网格员',
  [AssignmentRole.PART_TIME]: '兼职网格员',
  [AssignmentRole.COORDINATOR]: '协管员',
};

/** 荆州's six duties of a grid worker (六大员). */
export const DUTY_LABELS: Record<WorkerDuty, string> = {
  [WorkerDuty.INFORMATION_COLLECTION]: '信息采集员',
  [WorkerDuty.SANITATION_SUPERVISION]: '环境卫生监督员',
  [WorkerDuty.DISPUTE_MEDIATION]: '矛盾纠纷调解员',
  [WorkerDuty.POLICY_PUBLICITY]: '政策法规宣传员',
  [WorkerDuty.CITY_MANAGEMENT_PATROL]: '城市管理巡查员',
  [WorkerDuty.AFFAIRS_ON_BEHALF]: '便民服务代办员',
};
