import { registerEnumType } from 'type-graphql';

export enum PairingStatus {
  ACTIVE = 'ACTIVE',
  ENDED = 'ENDED',
}
registerEnumType(PairingStatus, { name: 'PairingStatus', description: '结对状态：在期、已结束' });

export enum ReportStatus {
  ACTIVE = 'ACTIVE',
  ENDED = 'ENDED',
}
registerEnumType(ReportStatus, { name: 'ReportStatus', description: '报到状态：在册、已结束（如迁居、调离）' });

export enum PledgeStatus {
  ACTIVE = 'ACTIVE',
  ENDED = 'ENDED',
}
registerEnumType(PledgeStatus, { name: 'PledgeStatus', description: '履岗承诺状态：履岗中、已结束' });

export enum WishStatus {
  OPEN = 'OPEN',
  CLAIMED = 'CLAIMED',
  FULFILLED = 'FULFILLED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(WishStatus, { name: 'WishStatus', description: '微心愿状态：待认领、已认领、已实现、已撤回' });

export enum ProjectStatus {
  PROPOSED = 'PROPOSED',
  CLAIMED = 'CLAIMED',
  AGREED = 'AGREED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ProjectStatus, {
  name: 'ProjectStatus',
  description: '共建项目状态：待认领、已认领（待双向确认）、已签双向认领协议、实施中、已完成、已取消',
});

export enum AgreementParty {
  COMMUNITY = 'COMMUNITY',
  UNIT = 'UNIT',
}
registerEnumType(AgreementParty, { name: 'AgreementParty', description: '双向认领的一方：社区党委、共建单位' });

export enum Grade {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
}
registerEnumType(Grade, { name: 'Grade', description: '年度综合评价档次（街道党工委评定）：A、B、C、D' });
