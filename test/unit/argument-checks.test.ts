import { buildSchema, getOperationAST, parse } from 'graphql';
import { argumentRefusal, operationNameRefusal } from '../../gateway/argument-checks';

const schema = buildSchema(`
  scalar DateTimeISO
  input Part { code: String!, buildingIds: [ID!]! }
  input Split { gridId: ID!, note: String, parts: [Part!]! }
  type Grid { id: ID!, visits(from: DateTimeISO): Int }
  type Query { grid(id: ID!): Grid, grids(names: [String!]): [Grid!]! }
  type Mutation { splitGrid(input: Split!): Grid }
`);
const ID = '0190f000-0000-7000-8000-000000000001';

function refusal(query: string, variables: Record<string, unknown> = {}, operationName?: string) {
  const document = parse(query);
  const found = argumentRefusal(schema, document, getOperationAST(document, operationName)!, variables);
  return found && { code: found.code, field: found.field, message: found.message };
}

describe('the arguments of the operation a client runs', () => {
  it('names a value deep in an input by its path, written or sent', () => {
    const split = (parts: unknown) => ({ input: { gridId: ID, parts } });
    const mutation = `mutation ($input: Split!) { splitGrid(input: $input) { id } }`;
    expect(
      refusal(
        mutation,
        split([
          { code: 'a', buildingIds: [ID] },
          { code: 'b', buildingIds: [ID, 'x'] },
        ]),
      )?.field,
    ).toBe('input.parts[1].buildingIds[1]');
    expect(refusal(mutation, split([{ code: 'a\u0000', buildingIds: [] }]))?.field).toBe('input.parts[0].code');
    expect(
      refusal(
        `mutation ($b: ID!) { splitGrid(input: { gridId: "${ID}", parts: [{ code: "a", buildingIds: [$b] }] }) { id } }`,
        { b: 'x' },
      ),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.parts[0].buildingIds[0]',
      message: 'input.parts[0].buildingIds[0] is not an id',
    });
  });

  it("reads arguments in fragments, nested fields and variables' defaults", () => {
    expect(
      refusal(`query ($g: ID!) { grid(id: $g) { ...F } } fragment F on Grid { visits(from: "2026-01-01") }`, { g: ID })
        ?.field,
    ).toBe('from');
    expect(refusal(`query ($names: [String!] = ["东城", "a\\u0007"]) { grids(names: $names) { id } }`)?.message).toBe(
      'names[1] contains a control character (U+0007) at position 1; send text without it',
    );
    expect(
      refusal(`query ($names: [String!] = ["a\\u0007"]) { grids(names: $names) { id } }`, { names: ['东城'] }),
    ).toBeNull();
  });

  it('checks only the operation that runs', () => {
    const document = `query A { grid(id: "x") { id } } query B { grids { id } }`;
    expect(refusal(document, {}, 'B')).toBeNull();
    expect(refusal(document, {}, 'A')?.field).toBe('id');
  });

  it('names the operation the document does not hold', () => {
    const document = parse(`query A { grids { id } } query B { grids { id } }`);
    expect(operationNameRefusal(document, 'C').message).toBe('the document has no operation named "C"');
    expect(operationNameRefusal(document, undefined).message).toBe(
      'the document has 2 operations; name the one to run in operationName',
    );
  });
});
