import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { byIdLoader, childrenLoader } from '../../../lib/loaders';
import { equalTo, type SqlParameter } from '../../../lib/sql-rows';
import { newId } from '../../../lib/ids';
import { ItemList, ServiceItem } from './item.entity';
import { ServiceItemVersion } from './item-version.entity';

/** The item module's per-request loaders. */
export function itemLoaders(em: EntityManager) {
  return {
    item: byIdLoader(em, ServiceItem),
    itemVersion: byIdLoader(em, ServiceItemVersion),
    /** Items of one list, loaded once per request however many grids ask. */
    itemsOfList: new DataLoader<ItemList, ServiceItem[]>(async (lists) => {
      const rows = await em.find(ServiceItem, { lists: { $overlap: [...lists] } }, { orderBy: { code: 'asc' } });
      return lists.map((list) => rows.filter((row) => row.lists.includes(list)));
    }),
    versionsOfItem: childrenLoader(em, ServiceItemVersion, 'item', { version: 'asc' }),
  };
}

/** The catalogue's filters as SQL conditions on services.service_item. */
export function itemListConditions(
  filter: { list?: ItemList | null; category?: string | null; department?: string | null },
  parameter: SqlParameter,
): string[] {
  return [
    ...(filter.list ? [`"lists" && ${parameter([filter.list])}`] : []),
    ...equalTo(parameter, { category: filter.category, department: filter.department }),
  ];
}

export async function isItemCodeTaken(em: EntityManager, code: string): Promise<boolean> {
  return (await em.count(ServiceItem, { code })) > 0;
}

/** The item as it stands now, written as its version `item.version`. */
export function writeVersion(em: EntityManager, item: ServiceItem, at: Date): ServiceItemVersion {
  return em.create(ServiceItemVersion, {
    id: newId(),
    item,
    version: item.version,
    name: item.name,
    category: item.category,
    department: item.department,
    level: item.level,
    timeLimitHours: item.timeLimitHours,
    homeService: item.homeService,
    lists: item.lists,
    attributes: item.attributes,
    createdAt: at,
  });
}
