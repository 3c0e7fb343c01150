import { domainErrorOf } from './expect-domain-error';
import {
  AttributeType,
  checkDefinitions,
  checkValues,
  type AttributeDefinitionData,
} from '../../subgraphs/services/item/item-attributes.rules';

const definitions: AttributeDefinitionData[] = [
  {
    name: 'problem',
    description: '问题类型',
    type: AttributeType.ENUM,
    required: true,
    allowedValues: ['垃圾堆放', '占道经营'],
  },
  { name: 'households', description: null, type: AttributeType.NUMBER, required: false, allowedValues: [] },
  { name: 'photoTaken', description: null, type: AttributeType.BOOLEAN, required: false, allowedValues: [] },
  { name: 'since', description: null, type: AttributeType.DATE, required: false, allowedValues: [] },
  { name: 'detail', description: null, type: AttributeType.STRING, required: false, allowedValues: [] },
];

describe('intake attribute values', () => {
  it('accepts values of every type that match their definitions', () => {
    const values = [
      { name: 'problem', value: '占道经营' },
      { name: 'households', value: '12.5' },
      { name: 'photoTaken', value: 'false' },
      { name: 'since', value: '2026-02-28' },
      { name: 'detail', value: '早市' },
    ];
    expect(checkValues(definitions, values)).toEqual(values);
  });

  it.each([
    [{ name: 'problem', value: '噪声' }, 'must be one of: 垃圾堆放, 占道经营'],
    [{ name: 'households', value: 'twelve' }, 'must be a number'],
    [{ name: 'photoTaken', value: 'yes' }, 'must be true or false'],
    [{ name: 'since', value: '2026-02-30' }, 'must be a date written YYYY-MM-DD'],
    [{ name: 'detail', value: '  ' }, 'must not be empty'],
    [{ name: 'colour', value: 'red' }, 'the item has no attribute colour'],
  ])('refuses %j naming input.attributes[1]', (bad, message) => {
    const first = bad.name === 'problem' ? { name: 'households', value: '3' } : { name: 'problem', value: '垃圾堆放' };
    const error = domainErrorOf(() => checkValues(definitions, [first, bad]));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.field).toBe('input.attributes[1]');
    expect(error.message).toContain(message);
  });

  it('refuses a missing required value and a value given twice', () => {
    const missing = domainErrorOf(() => checkValues(definitions, [{ name: 'households', value: '3' }]));
    expect(missing.field).toBe('input.attributes');
    expect(missing.message).toContain('required attribute(s) missing: problem');
    const twice = domainErrorOf(() =>
      checkValues(definitions, [
        { name: 'problem', value: '垃圾堆放' },
        { name: 'problem', value: '占道经营' },
      ]),
    );
    expect(twice.field).toBe('input.attributes[1]');
  });
});

describe('intake attribute definitions', () => {
  it('keeps allowed values for ENUM only and needs two of them', () => {
    expect(domainErrorOf(() => checkDefinitions([{ ...definitions[0], allowedValues: ['一'] }])).field).toBe(
      'input.attributes[0].allowedValues',
    );
    expect(
      domainErrorOf(() => checkDefinitions([definitions[0], { ...definitions[1], allowedValues: ['1'] }])).field,
    ).toBe('input.attributes[1].allowedValues');
    expect(domainErrorOf(() => checkDefinitions([definitions[0], definitions[0]])).message).toContain('defined twice');
    expect(domainErrorOf(() => checkDefinitions([{ ...definitions[1], name: '户数' }])).field).toBe(
      'input.attributes[0].name',
    );
    expect(checkDefinitions(definitions)).toHaveLength(5);
  });
});
