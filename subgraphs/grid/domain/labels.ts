import { AssignmentRole, WorkerDuty } from '../entities/enums';

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
