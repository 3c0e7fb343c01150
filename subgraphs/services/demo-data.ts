import type { EntityManager } from '@mikro-orm/postgresql';
import { demoId } from '../../lib/demo-district';
import { HandlingLevel, ItemList, ServiceItem } from './entities/service-item';

/** A few rows of the grid responsibility list and the certificate list (沂水, 五华). */
const ITEMS: Array<[string, string, string, string, HandlingLevel, number, boolean, ItemList[]]> = [
  ['GD-01', '实有人口信息采集', '基础信息', '综治办', HandlingLevel.GRID, 72, false, [ItemList.GRID_DUTY]],
  ['GD-02', '矛盾纠纷排查调解', '平安建设', '司法所', HandlingLevel.GRID, 48, false, [ItemList.GRID_DUTY]],
  ['GD-03', '环境卫生巡查', '城市管理', '城管局', HandlingLevel.GRID, 24, false, [ItemList.GRID_DUTY]],
  ['GD-04', '高龄津贴代办', '便民服务', '民政局', HandlingLevel.COMMUNITY, 120, true, [ItemList.GRID_DUTY, ItemList.COMMUNITY_DUTY]],
  ['CE-01', '居住证明', '证明盖章', '社区居委会', HandlingLevel.COMMUNITY, 24, false, [ItemList.CERTIFICATE]],
];

export async function seedServicesDemo(em: EntityManager): Promise<void> {
  await em.insertMany(ServiceItem, ITEMS.map(([code, name, category, department, level, timeLimitHours, homeService, lists], i) => ({
    id: demoId(201, i + 1), code, name, category, department, level, timeLimitHours, homeService, lists,
    createdAt: new Date('2026-01-01T00:00:00Z'),
  })));
}
