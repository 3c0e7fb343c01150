import type { EntityManager } from '@mikro-orm/postgresql';
import { demoDistrict, demoId } from '../../lib/demo-district';
import { itemAt } from '../../lib/lists';
import type { AttributeDefinitionData } from './item/item-attributes.rules';
import { AdmissionRequest } from './admission/admission-request.entity';
import { ItemAssignment } from './admission/item-assignment.entity';
import { CaseEvent } from './case/case-event.entity';
import { ServiceCase } from './case/case.entity';
import { ServiceItemVersion } from './item/item-version.entity';
import { HandlingLevel, ItemList, ServiceItem } from './item/item.entity';
import {
  AdmissionStatus,
  AdmissionTarget,
  AttributeType,
  CaseAction,
  CaseChannel,
  CaseLevel,
  CaseState,
  Satisfaction,
} from './shared/enums';

const enumOf = (name: string, description: string, values: string[], required = true): AttributeDefinitionData => ({
  name,
  description,
  type: AttributeType.ENUM,
  required,
  allowedValues: values,
});

/**
 * Rows of the grid responsibility list and the certificate list (沂水, 五华), one item admitted
 * into grids (寿光's 入格事项), one a community may not be asked for, and three cases in the demo
 * grids: one closed and rated, one in progress, one overdue. Ids are fixed (demoId 201–205).
 */
const ITEMS: Array<
  [string, string, string, string, HandlingLevel, number, boolean, ItemList[], AttributeDefinitionData[]]
> = [
  ['GD-01', '实有人口信息采集', '基础信息', '综治办', HandlingLevel.GRID, 72, false, [ItemList.GRID_DUTY], []],
  [
    'GD-02',
    '矛盾纠纷排查调解',
    '平安建设',
    '司法所',
    HandlingLevel.GRID,
    48,
    false,
    [ItemList.GRID_DUTY],
    [
      enumOf('disputeKind', '纠纷类型', ['邻里纠纷', '物业纠纷', '婚姻家庭', '其他']),
      { name: 'parties', description: '当事人数', type: AttributeType.NUMBER, required: false, allowedValues: [] },
    ],
  ],
  [
    'GD-03',
    '环境卫生巡查',
    '城市管理',
    '城管局',
    HandlingLevel.GRID,
    24,
    false,
    [ItemList.GRID_DUTY],
    [
      enumOf('problem', '问题类型', ['垃圾堆放', '占道经营', '污水外溢', '其他']),
      {
        name: 'photoTaken',
        description: '是否已拍照',
        type: AttributeType.BOOLEAN,
        required: false,
        allowedValues: [],
      },
    ],
  ],
  [
    'GD-04',
    '高龄津贴代办',
    '便民服务',
    '民政局',
    HandlingLevel.COMMUNITY,
    120,
    true,
    [ItemList.GRID_DUTY, ItemList.COMMUNITY_DUTY],
    [{ name: 'birthDate', description: '老人出生日期', type: AttributeType.DATE, required: true, allowedValues: [] }],
  ],
  [
    'CE-01',
    '居住证明',
    '证明盖章',
    '社区居委会',
    HandlingLevel.COMMUNITY,
    24,
    false,
    [ItemList.CERTIFICATE],
    [{ name: 'purpose', description: '用途', type: AttributeType.STRING, required: true, allowedValues: [] }],
  ],
  ['GA-01', '独居老人定期探访', '民生服务', '民政局', HandlingLevel.GRID, 168, true, [ItemList.GRID_ADMITTED], []],
  [
    'NC-01',
    '招商引资任务',
    '经济发展',
    '商务局',
    HandlingLevel.DEPARTMENT,
    720,
    false,
    [ItemList.NOT_FOR_COMMUNITY],
    [],
  ],
];

const at = (iso: string) => new Date(iso);

/** All or nothing: a second load fails on the first row and leaves the first load as it was. */
export function seedServicesDemo(em: EntityManager): Promise<void> {
  return em.transactional((tx) => seedAll(tx));
}

async function seedAll(em: EntityManager): Promise<void> {
  const created = at('2026-01-01T00:00:00Z');
  const items = ITEMS.map(
    ([code, name, category, department, level, timeLimitHours, homeService, lists, attributes], i) => ({
      id: demoId(201, i + 1),
      code,
      name,
      category,
      department,
      level,
      timeLimitHours,
      homeService,
      lists,
      attributes,
      version: 1,
      createdAt: created,
      updatedAt: created,
    }),
  );
  await em.insertMany(ServiceItem, items);
  await em.insertMany(
    ServiceItemVersion,
    items.map(({ id, code: _code, updatedAt: _updated, ...fields }, i) => ({
      ...fields,
      id: demoId(206, i + 1),
      item: id,
      version: 1,
    })),
  );
  await em.insertMany(AdmissionRequest, [
    {
      id: demoId(202, 1),
      department: '民政局',
      item: demoId(201, 6),
      target: AdmissionTarget.GRID,
      reason: '独居老人安全风险高，需要网格员就近定期探访',
      tasks: '每月至少探访一次，记入走访台账',
      authorityConfirmed: true,
      trainingConfirmed: true,
      fundingConfirmed: true,
      status: AdmissionStatus.APPROVED,
      decisionReason: '两明确、三到位，同意入格',
      decidedBy: '社区工作准入委员会',
      decidedAt: at('2026-01-10T02:00:00Z'),
      submittedAt: at('2026-01-05T02:00:00Z'),
    },
  ]);
  const demo = demoDistrict();
  await em.insertMany(ItemAssignment, [
    {
      id: demoId(203, 1),
      item: demoId(201, 6),
      gridId: itemAt(demo.grids, 0).id,
      assignedBy: '社区工作准入委员会',
      assignedAt: at('2026-01-11T02:00:00Z'),
    },
  ]);
  await seedDemoCases(em);
}

async function seedDemoCases(em: EntityManager): Promise<void> {
  const demo = demoDistrict();
  const placeOf = (g: number) => {
    const grid = itemAt(demo.grids, g);
    const community = demo.communities.find((c) => c.id === grid.communityId)!;
    return { gridId: grid.id, communityId: community.id, streetId: community.streetId };
  };
  const cases = [
    {
      id: demoId(204, 1),
      channel: CaseChannel.APP_PHOTO,
      item: demoId(201, 3),
      itemVersion: demoId(206, 3),
      category: '城市管理',
      department: '城管局',
      ...placeOf(0),
      reporterResidentId: itemAt(demo.residents, 0).id,
      description: '小区东门垃圾堆放三天未清运',
      location: '东门',
      attributes: [
        { name: 'problem', value: '垃圾堆放' },
        { name: 'photoTaken', value: 'true' },
      ],
      state: CaseState.CLOSED,
      level: CaseLevel.GRID,
      version: 7,
      satisfaction: Satisfaction.SATISFIED,
      reportedAt: at('2026-02-02T01:00:00Z'),
      acceptedAt: at('2026-02-02T01:10:00Z'),
      dispatchedAt: at('2026-02-02T01:20:00Z'),
      deadline: at('2026-02-03T01:20:00Z'),
      resolvedAt: at('2026-02-02T06:00:00Z'),
      closedAt: at('2026-02-02T08:00:00Z'),
      updatedAt: at('2026-02-02T09:00:00Z'),
    },
    {
      id: demoId(204, 2),
      channel: CaseChannel.HOTLINE,
      item: demoId(201, 2),
      itemVersion: demoId(206, 2),
      category: '平安建设',
      department: '司法所',
      ...placeOf(2),
      reporterResidentId: itemAt(demo.residents, 10).id,
      description: '楼上漏水引发邻里纠纷',
      location: null,
      attributes: [{ name: 'disputeKind', value: '邻里纠纷' }],
      state: CaseState.IN_PROGRESS,
      level: CaseLevel.GRID,
      version: 4,
      reportedAt: at('2026-02-03T02:00:00Z'),
      acceptedAt: at('2026-02-03T02:05:00Z'),
      dispatchedAt: at('2026-02-03T02:10:00Z'),
      deadline: at('2026-02-05T02:10:00Z'),
      updatedAt: at('2026-02-03T03:00:00Z'),
    },
    {
      id: demoId(204, 3),
      channel: CaseChannel.GRID_WORKER,
      item: demoId(201, 4),
      itemVersion: demoId(206, 4),
      category: '便民服务',
      department: '民政局',
      ...placeOf(4),
      reporterResidentId: null,
      description: '高龄老人津贴申请代办',
      location: null,
      attributes: [{ name: 'birthDate', value: '1940-05-01' }],
      state: CaseState.ACCEPTED,
      level: CaseLevel.GRID,
      version: 2,
      reportedAt: at('2026-02-04T02:00:00Z'),
      acceptedAt: at('2026-02-04T02:30:00Z'),
      updatedAt: at('2026-02-04T02:30:00Z'),
    },
  ];
  await em.insertMany(ServiceCase, cases);
  const steps: Array<[number, CaseAction, CaseState | null, CaseState, string, string | null]> = [
    [1, CaseAction.REPORT, null, CaseState.REPORTED, '2026-02-02T01:00:00Z', 'APP_PHOTO'],
    [1, CaseAction.ACCEPT, CaseState.REPORTED, CaseState.ACCEPTED, '2026-02-02T01:10:00Z', null],
    [1, CaseAction.DISPATCH, CaseState.ACCEPTED, CaseState.DISPATCHED, '2026-02-02T01:20:00Z', 'to 城管局'],
    [1, CaseAction.START, CaseState.DISPATCHED, CaseState.IN_PROGRESS, '2026-02-02T02:00:00Z', null],
    [1, CaseAction.RESOLVE, CaseState.IN_PROGRESS, CaseState.RESOLVED, '2026-02-02T06:00:00Z', '已清运'],
    [1, CaseAction.VERIFY, CaseState.RESOLVED, CaseState.VERIFIED, '2026-02-02T07:00:00Z', '网格员现场核查'],
    [1, CaseAction.CLOSE, CaseState.VERIFIED, CaseState.CLOSED, '2026-02-02T08:00:00Z', null],
    [1, CaseAction.RATE, CaseState.CLOSED, CaseState.CLOSED, '2026-02-02T09:00:00Z', 'SATISFIED'],
    [2, CaseAction.REPORT, null, CaseState.REPORTED, '2026-02-03T02:00:00Z', 'HOTLINE'],
    [2, CaseAction.ACCEPT, CaseState.REPORTED, CaseState.ACCEPTED, '2026-02-03T02:05:00Z', null],
    [2, CaseAction.DISPATCH, CaseState.ACCEPTED, CaseState.DISPATCHED, '2026-02-03T02:10:00Z', 'to 司法所'],
    [2, CaseAction.START, CaseState.DISPATCHED, CaseState.IN_PROGRESS, '2026-02-03T03:00:00Z', null],
    [3, CaseAction.REPORT, null, CaseState.REPORTED, '2026-02-04T02:00:00Z', 'GRID_WORKER'],
    [3, CaseAction.ACCEPT, CaseState.REPORTED, CaseState.ACCEPTED, '2026-02-04T02:30:00Z', null],
  ];
  await em.insertMany(
    CaseEvent,
    steps.map(([c, action, fromState, toState, when, note], i) => ({
      id: demoId(205, i + 1),
      serviceCase: demoId(204, c),
      action,
      fromState,
      toState,
      fromLevel: fromState ? CaseLevel.GRID : null,
      toLevel: CaseLevel.GRID,
      actor: 'demo',
      note,
      occurredAt: at(when),
    })),
  );
}
