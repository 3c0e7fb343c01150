import { registerEnumType } from 'type-graphql';
import { AdmissionDecision, AdmissionStatus, AdmissionTarget } from '../admission/admission.rules';
import { CaseAction, CaseState, Satisfaction } from '../case/case-state-machine.rules';
import { CaseLevel } from '../case/case-escalation.rules';
import { AttributeType } from '../item/item-attributes.rules';

export {
  AdmissionDecision,
  AdmissionStatus,
  AdmissionTarget,
  AttributeType,
  CaseAction,
  CaseLevel,
  CaseState,
  Satisfaction,
};

export enum CaseChannel {
  HOTLINE = 'HOTLINE',
  APP_PHOTO = 'APP_PHOTO',
  GRID_WORKER = 'GRID_WORKER',
  WECHAT = 'WECHAT',
  WALK_IN = 'WALK_IN',
}

export enum ExtensionStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

registerEnumType(AttributeType, { name: 'AttributeType', description: '受理要素类型：文本、数字、是否、日期、枚举' });
registerEnumType(AdmissionTarget, { name: 'AdmissionTarget', description: '准入对象：入格（网格）或进社区' });
registerEnumType(AdmissionStatus, { name: 'AdmissionStatus', description: '准入申请状态：待审、批准、驳回' });
registerEnumType(AdmissionDecision, { name: 'AdmissionDecision', description: '准入审议结论' });
registerEnumType(CaseChannel, {
  name: 'CaseChannel',
  description: '诉求来源：热线、随手拍、网格员上报、微信群、来访',
});
registerEnumType(CaseState, {
  name: 'CaseState',
  description: '工单状态：上报、受理、派遣、处置中、挂账、处置完成、核查通过、结案、回退、作废',
});
registerEnumType(CaseAction, { name: 'CaseAction', description: '工单操作（时间轴上的一步）' });
registerEnumType(CaseLevel, { name: 'CaseLevel', description: '办理层级：网格、社区、街道、部门、市级' });
registerEnumType(Satisfaction, {
  name: 'Satisfaction',
  description: '满意度：满意、基本满意、不满意（不满意则推倒重来）',
});
registerEnumType(ExtensionStatus, { name: 'ExtensionStatus', description: '延期申请状态' });
