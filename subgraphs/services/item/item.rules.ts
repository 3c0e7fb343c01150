import { badInput } from '../../../lib/errors';
import { ItemList, type HandlingLevel } from './item.entity';
import { checkDefinitions, type AttributeDefinitionData } from './item-attributes.rules';

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
    throw badInput(
      `${field}.timeLimitHours`,
      `${field}.timeLimitHours must be a whole number of hours between 1 and ${24 * 365}`,
    );
  }
  const lists = [...new Set(fields.lists)];
  if (!lists.length) throw badInput(`${field}.lists`, 'an item belongs to at least one list');
  const communityLists = [
    ItemList.GRID_DUTY,
    ItemList.GRID_ADMITTED,
    ItemList.COMMUNITY_DUTY,
    ItemList.COMMUNITY_ASSIST,
    ItemList.CERTIFICATE,
  ];
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

export function checkItemCode(code: string, field = 'input.code'): string {
  const checked = code.trim();
  if (!/^[A-Z0-9][A-Z0-9-]{1,31}$/.test(checked)) {
    throw badInput(field, `${field} must be 2–32 upper-case letters, digits or -`);
  }
  return checked;
}
