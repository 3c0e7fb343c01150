import type { GraphQLResolveInfo } from 'graphql';
import { conflict } from '../../../lib/errors';
import { newId } from '../../../lib/ids';
import { paginate } from '../../../lib/pagination';
import { requireRecord } from '../../../lib/records';
import { requireCatalogueEditor, requireCatalogueReader } from '../access';
import type { ServicesContext } from '../context';
import { ServiceItemConnection } from '../shared/connections';
import { ItemList, ServiceItem } from './item.entity';
import type { CreateServiceItemInput, ServiceItemFilter, UpdateServiceItemInput } from './item.inputs';
import { checkItemCode, checkItemFields, type ItemFields } from './item.rules';
import { isItemCodeTaken, itemListConditions, writeVersion } from './item.store';

export function findItem(ctx: ServicesContext, id: string): Promise<ServiceItem | null> {
  requireCatalogueReader(ctx.viewer);
  return ctx.loaders.item.load(id);
}

export function itemsOfList(ctx: ServicesContext, list: ItemList): Promise<ServiceItem[]> {
  requireCatalogueReader(ctx.viewer);
  return ctx.loaders.itemsOfList.load(list);
}

export async function listItems(ctx: ServicesContext, filter: ServiceItemFilter, info: GraphQLResolveInfo) {
  requireCatalogueReader(ctx.viewer);
  return new ServiceItemConnection(
    await paginate(ctx.em, ServiceItem, (parameter) => itemListConditions(filter, parameter), filter, info),
  );
}

export function createItem(ctx: ServicesContext, input: CreateServiceItemInput): Promise<ServiceItem> {
  requireCatalogueEditor(ctx.viewer, 'creating a service item');
  return ctx.em.transactional(async (em) => {
    const code = checkItemCode(input.code);
    if (await isItemCodeTaken(em, code)) throw conflict('input.code', `item code ${code} is taken`);
    const now = new Date();
    const item = em.create(ServiceItem, {
      id: newId(),
      code,
      ...checkItemFields(input),
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    writeVersion(em, item, now);
    return item;
  });
}

/** A change is a new version; cases opened earlier keep pointing at theirs. */
export function changeItem(ctx: ServicesContext, input: UpdateServiceItemInput): Promise<ServiceItem> {
  requireCatalogueEditor(ctx.viewer, 'changing a service item');
  const { id, expectedVersion, ...change } = input;
  return ctx.em.transactional(async (em) => {
    const item = await requireRecord(em, ServiceItem, id, 'input.id');
    if (item.version !== expectedVersion) {
      throw conflict(
        'input.expectedVersion',
        `item ${item.code} is at version ${item.version}, not ${expectedVersion}; reload it and apply the change again`,
      );
    }
    const defined = Object.fromEntries(
      Object.entries(change).filter(([, value]) => value !== undefined && value !== null),
    );
    const fields = checkItemFields({ ...item, ...defined } as ItemFields);
    Object.assign(item, fields, { version: item.version + 1, updatedAt: new Date() });
    writeVersion(em, item, item.updatedAt);
    return item;
  });
}
