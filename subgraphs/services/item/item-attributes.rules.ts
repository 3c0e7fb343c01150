import { badInput } from '../../../lib/errors';

/**
 * An item's intake attributes, like Open311 service definitions: what a report of this item
 * must or may say (the kind of rubbish, how many households are affected, ...). The definitions
 * are checked when an item is written; a case's values are checked against the definitions of
 * the item version it is opened with.
 */
export enum AttributeType {
  STRING = 'STRING',
  NUMBER = 'NUMBER',
  BOOLEAN = 'BOOLEAN',
  DATE = 'DATE',
  ENUM = 'ENUM',
}

export interface AttributeDefinitionData {
  name: string;
  description?: string | null;
  type: AttributeType;
  required: boolean;
  allowedValues: string[];
}

export interface AttributeValueData {
  name: string;
  value: string;
}

const NAME = /^[a-z][a-zA-Z0-9_]{0,39}$/;

export function checkDefinitions(
  definitions: AttributeDefinitionData[],
  field = 'input.attributes',
): AttributeDefinitionData[] {
  const seen = new Set<string>();
  return definitions.map((definition, index) => {
    const at = `${field}[${index}]`;
    if (!NAME.test(definition.name)) {
      throw badInput(
        `${at}.name`,
        `${at}.name must start with a lower-case letter and hold only letters, digits and _ (at most 40)`,
      );
    }
    if (seen.has(definition.name)) throw badInput(`${at}.name`, `attribute ${definition.name} is defined twice`);
    seen.add(definition.name);
    const allowedValues = [...new Set((definition.allowedValues ?? []).map((value) => value.trim()))];
    if (definition.type === AttributeType.ENUM && allowedValues.length < 2) {
      throw badInput(`${at}.allowedValues`, `ENUM attribute ${definition.name} needs at least two allowed values`);
    }
    if (definition.type !== AttributeType.ENUM && allowedValues.length) {
      throw badInput(
        `${at}.allowedValues`,
        `only ENUM attributes have allowed values; ${definition.name} is ${definition.type}`,
      );
    }
    if (allowedValues.some((value) => !value)) throw badInput(`${at}.allowedValues`, 'an allowed value is empty');
    return {
      name: definition.name,
      description: definition.description ?? null,
      type: definition.type,
      required: Boolean(definition.required),
      allowedValues,
    };
  });
}

function valueProblem(definition: AttributeDefinitionData, value: string): string | null {
  switch (definition.type) {
    case AttributeType.STRING:
      return value.trim() ? null : 'must not be empty';
    case AttributeType.NUMBER:
      return value.trim() !== '' && Number.isFinite(Number(value)) ? null : 'must be a number';
    case AttributeType.BOOLEAN:
      return value === 'true' || value === 'false' ? null : 'must be true or false';
    case AttributeType.DATE: {
      const [, year, month, day] = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) ?? [];
      const date = year && month && day ? new Date(Date.UTC(+year, +month - 1, +day)) : null;
      return date && date.getUTCDate() === Number(day) && date.getUTCMonth() === Number(month) - 1
        ? null
        : 'must be a date written YYYY-MM-DD';
    }
    case AttributeType.ENUM:
      return definition.allowedValues.includes(value) ? null : `must be one of: ${definition.allowedValues.join(', ')}`;
    default:
      return 'has an unknown type';
  }
}

/** Values of one report, checked against the item version's definitions; errors name `field[i]`. */
export function checkValues(
  definitions: AttributeDefinitionData[],
  values: AttributeValueData[],
  field = 'input.attributes',
): AttributeValueData[] {
  const byName = new Map(definitions.map((definition) => [definition.name, definition]));
  const given = new Set<string>();
  values.forEach((entry, index) => {
    const at = `${field}[${index}]`;
    const definition = byName.get(entry.name);
    if (!definition) {
      const known = definitions.map((d) => d.name);
      throw badInput(
        at,
        `${at}: the item has no attribute ${entry.name}${known.length ? `; its attributes: ${known.join(', ')}` : ''}`,
      );
    }
    if (given.has(entry.name)) throw badInput(at, `${at}: attribute ${entry.name} is given twice`);
    given.add(entry.name);
    const problem = valueProblem(definition, entry.value);
    if (problem) throw badInput(at, `${at}: ${entry.name} (${definition.type}) ${problem}, got "${entry.value}"`);
  });
  const missing = definitions.filter((definition) => definition.required && !given.has(definition.name));
  if (missing.length) {
    throw badInput(field, `${field}: required attribute(s) missing: ${missing.map((d) => d.name).join(', ')}`);
  }
  return values.map((entry) => ({ name: entry.name, value: entry.value }));
}
