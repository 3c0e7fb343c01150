import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { byIdLoader } from '../../lib/loaders';
import type { SubgraphContext } from '../../lib/subgraph-server';
import { ItemList, ServiceItem } from './entities/service-item';

export function createServicesLoaders(em: EntityManager) {
  return {
    item: byIdLoader(em, ServiceItem),
    /** Items of one list, loaded once per request however many grids ask. */
    itemsOfList: new DataLoader<ItemList, ServiceItem[]>(async (lists) => {
      const rows = await em.find(ServiceItem, { lists: { $overlap: [...lists] } }, { orderBy: { code: 'asc' } });
      return lists.map((list) => rows.filter((row) => row.lists.includes(list)));
    }),
  };
}

export type ServicesLoaders = ReturnType<typeof createServicesLoaders>;
export type ServicesContext = SubgraphContext<ServicesLoaders>;
