import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict } from '../../../lib/errors';
import { newId } from '../../../lib/ids';
import { HandlingLevel, ItemList, ServiceItem, ServiceItemVersion } from '../entities';
import { checkDefinitions, type AttributeDefinitionData } from './intake-attributes';
import { requireRecord } from '../../../lib/records';

export interface ItemFields {
  name: string;
  category: string;
  department: string;
  level: HandlingLevel;
  timeLimitHours: number;
  homeService: boolean;
  lists: ItemList[];
  attributes: AttributeDefinitionData[];
}

function text(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > max) throw badInput(field, `${field} must be 1–${max} characters`);
  return trimmed;
}

/** The rules an item's fields obey, whether new or changed. */
export function checkItemFields(fields: ItemFields, field = 'input'): ItemFields {
  if (!Number.isInteger(fields.timeLimitHours) || fields.timeLimitHours < 1 || fields.timeLimitHours > 24 * 365) {
    throw badInput(`${field}.timeLimitHours`, `${field}.timeLimitHours must be a whole number of hours between 1 and ${24 * 365}`);
  }
  const lists = [...new Set(fields.lists)];
  if (!lists.length) throw badInput(`${field}.lists`, 'an item belongs to at least one list');
  const communityLists = [ItemList.GRID_DUTY, ItemList.GRID_ADMITTED, ItemList.COMMUNITY_DUTY, ItemList.COMMUNITY_ASSIST, ItemList.CERTIFICATE];
  if (lists.includes(ItemList.NOT_FOR_COMMUNITY) && lists.some((list) => communityLists.includes(list))) {
    throw badInput(`${field}.lists`, 'a NOT_FOR_COMMUNITY item cannot also be on a grid or community list');
  }
  return {
    name: text(fields.name, `${field}.name`, 200),
    category: text(fields.category, `${field}.category`, 50),
    department: text(fields.department, `${field}.department`, 100),
    level: fields.level,
    timeLimitHours: fields.timeLimitHours,
    homeService: fields.homeService,
    lists,
    attributes: checkDefinitions(fields.attributes, `${field}.attributes`),
  };
}

function writeVersion(em: EntityManager, item: ServiceItem, at: Date): ServiceItemVersion {
  return em.create(ServiceItemVersion, {
    id: newId(), item, version: item.version, name: item.name, category: item.category, department: item.department,
    level: item.level, timeLimitHours: item.timeLimitHours, homeService: item.homeService, lists: item.lists,
    attributes: item.attributes, createdAt: at,
  });
}

export async function createItem(em: EntityManager, code: string, fields: ItemFields): Promise<ServiceItem> {
  const checkedCode = code.trim();
  if (!/^[A-Z0-9][A-Z0-9-]{1,31}$/.test(checkedCode)) {
    throw badInput('input.code', 'input.code must be 2–32 upper-case letters, digits or -');
  }
  if (await em.count(ServiceItem, { code: checkedCode })) throw conflict('input.code', `item code ${checkedCode} is taken`);
  const now = new Date();
  const item = em.create(ServiceItem, { id: newId(), code: checkedCode, ...checkItemFields(fields), version: 1, createdAt: now, updatedAt: now });
  writeVersion(em, item, now);
  return item;
}

/** A change is a new version; cases opened earlier keep pointing at theirs. */
export async function changeItem(
  em: EntityManager,
  id: string,
  expectedVersion: number,
  change: Partial<ItemFields>,
): Promise<ServiceItem> {
  const item = await requireRecord(em, ServiceItem, id, 'input.id');
  if (item.version !== expectedVersion) {
    throw conflict('input.expectedVersion', `item ${item.code} is at version ${item.version}, not ${expectedVersion}; reload it and apply the change again`);
  }
  const defined = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined && value !== null));
  const fields = checkItemFields({ ...item, ...defined } as ItemFields);
  Object.assign(item, fields, { version: item.version + 1, updatedAt: new Date() });
  writeVersion(em, item, item.updatedAt);
  return item;
}
