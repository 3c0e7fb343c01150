import { createHash } from 'node:crypto';
import { issueDevToken } from '../lib/auth/dev-token';
import { demoDistrict } from '../lib/demo-district';
import { PURPOSE_HEADER } from '../lib/viewer';
import { startGateway, type RunningGateway } from '../gateway/server';
import type { GraphQLResponse } from './support/graphql-client';
import { ITEMS, place } from './support/services-cases';
import { useProductionSecrets } from './support/production-env';
import { startTestHub, type TestHub } from './support/test-hub';

/**
 * Every bad input gets a clear error naming what is wrong, never an internal one: through the
 * gateway in development (the test hub) and in production, the answer is BAD_USER_INPUT with the
 * argument's path, no SQL, no internal address, and nothing is written.
 */
let hub: TestHub;
let production: RunningGateway;
let secrets: { restore(): void };
const demo = demoDistrict();
const resident = demo.residents.find((r) => r.phone)!;

/** What no answer may ever hold, in any mode: a statement, a table, a subgraph's address, the database's own words. */
const INTERNALS = /insert into|select |"services"\.|personal_data_access|127\.0\.0\.1|http:\/\/|invalid byte sequence/i;

async function raw(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: GraphQLResponse }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse };
}

const admin = async () => ({
  authorization: `Bearer ${await issueDevToken({ role: 'CITY_ADMIN', subject: 'bad-input-admin' })}`,
});

/** The same operation through both gateways: one refusal each, BAD_USER_INPUT on `field`, with status 400 and nothing internal. */
async function expectRefused(
  body: { query: string; variables?: Record<string, unknown>; operationName?: string },
  field: string,
  message?: string | RegExp,
) {
  for (const url of [hub.url, production.url]) {
    const answer = await raw(url, body, await admin());
    expect({
      url: url === hub.url ? 'development' : 'production',
      status: answer.status,
      errors: answer.body.errors,
    }).toEqual({
      url: url === hub.url ? 'development' : 'production',
      status: 400,
      errors: [{ message: message ?? expect.any(String), extensions: { code: 'BAD_USER_INPUT', field } }],
    });
    expect(JSON.stringify(answer.body)).not.toMatch(INTERNALS);
    if (url === production.url) expect(JSON.stringify(answer.body)).not.toContain('stacktrace');
  }
}

beforeAll(async () => {
  secrets = useProductionSecrets();
  hub = await startTestHub();
  await hub.seedDemo();
  const subgraphUrls = Object.fromEntries(Object.values(hub.hub.subgraphs).map((s) => [s.name, s.url]));
  production = await startGateway({ port: 0, production: true, subgraphUrls });
});
afterAll(async () => {
  await production?.stop();
  await hub?.stop();
  secrets?.restore();
});

describe('text with a control character, in any argument', () => {
  it("refuses a NUL in a report's description, naming input.description, and writes nothing", async () => {
    const before = await hub.count('services', 'services.service_case');
    await expectRefused(
      {
        query: `mutation ($input: ReportCaseInput!) { reportCase(input: $input) { id } }`,
        variables: {
          input: {
            channel: 'APP_PHOTO',
            itemId: ITEMS.sanitation,
            gridId: place(0).gridId,
            description: '垃圾\u0000堆放',
            attributes: [],
          },
        },
      },
      'input.description',
      'input.description contains a control character (U+0000) at position 2; send text without it',
    );
    expect(await hub.count('services', 'services.service_case')).toBe(before);
  });

  it('refuses it written in the operation, in a list filter and on the public card', async () => {
    await expectRefused({ query: `{ cases(department: "城管\\u0000局") { totalCount } }` }, 'department');
    await expectRefused({ query: `{ gridCard(code: "370783\\u0000") { gridName } }` }, 'code');
    const anonymous = await raw(hub.url, { query: `{ gridCard(code: "370783\\u0000") { gridName } }` });
    expect([anonymous.status, anonymous.body.errors?.[0]?.extensions]).toEqual([
      400,
      { code: 'BAD_USER_INPUT', field: 'code' },
    ]);
  });

  it('refuses a service post named with a NUL, and other control characters anywhere in an input', async () => {
    const { communities } = await hub.query(`{ communities(first: 1) { nodes { id } } }`);
    const { serviceCategories } = await hub.query(`{ serviceCategories(first: 1) { nodes { id } } }`);
    const before = await hub.count('co-building', 'co_building.service_post');
    const input = {
      communityId: communities.nodes[0].id,
      categoryId: serviceCategories.nodes[0].id,
      name: '政策\u0000宣传',
    };
    await expectRefused(
      {
        query: `mutation ($input: CreateServicePostInput!) { createServicePost(input: $input) { id } }`,
        variables: { input },
      },
      'input.name',
    );
    await expectRefused(
      {
        query: `mutation ($input: CreateServicePostInput!) { createServicePost(input: $input) { id } }`,
        variables: { input: { ...input, name: '宣传', description: 'ok\u001b[31m' } },
      },
      'input.description',
      'input.description contains a control character (U+001B) at position 2; send text without it',
    );
    expect(await hub.count('co-building', 'co_building.service_post')).toBe(before);
  });

  it('takes line breaks and tabs in free text', async () => {
    const { reportCase } = await hub.query(
      `mutation ($input: ReportCaseInput!) { reportCase(input: $input) { description } }`,
      {
        input: {
          channel: 'APP_PHOTO',
          itemId: ITEMS.sanitation,
          gridId: place(0).gridId,
          description: '东门\n\t垃圾堆放',
          attributes: [{ name: 'problem', value: '垃圾堆放' }],
        },
      },
    );
    expect(reportCase.description).toBe('东门\n\t垃圾堆放');
  });
});

describe('ids', () => {
  it.each([
    ['case', '{ case(id: "not-a-uuid") { id } }'],
    ['grid', '{ grid(id: "not-a-uuid") { id } }'],
    ['resident', '{ resident(id: "not-a-uuid") { id } }'],
    ['partyMember', '{ partyMember(id: "not-a-uuid") { id } }'],
    ['wish', '{ wish(id: "not-a-uuid") { id } }'],
    ['serviceItem', '{ serviceItem(id: "not-a-uuid") { id } }'],
  ])('refuses a malformed id in %s(id:) instead of answering null', async (_field, query) => {
    await expectRefused({ query }, 'id', 'id is not an id');
  });

  it('refuses one inside an input or a list, by its path, and writes nothing', async () => {
    await expectRefused(
      {
        query: `mutation ($input: CaseStepInput!) { advanceCase(input: $input) { id } }`,
        variables: { input: { caseId: 'x', expectedVersion: 1, action: 'ACCEPT' } },
      },
      'input.caseId',
      'input.caseId is not an id',
    );
    await expectRefused(
      {
        query: `query ($ids: [ID!]!) { gridsWithoutPartyBranch(gridIds: $ids) { totalCount } }`,
        variables: { ids: [place(0).gridId, '12'] },
      },
      'gridIds[1]',
      'gridIds[1] is not an id',
    );
  });
});

describe('dates and times', () => {
  it.each([
    ['a plain date', '2026-01-01'],
    ['an impossible date', '2026-13-45T00:00:00Z'],
    ['words', 'yesterday'],
  ])('refuses %s for visits(from:), written in the operation or as a variable', async (_name, value) => {
    const message = `from must be a date and time with its offset (ISO 8601), as 2026-01-31T08:00:00+08:00, not ${JSON.stringify(value)}`;
    await expectRefused({ query: `{ visits(from: ${JSON.stringify(value)}) { totalCount } }` }, 'from', message);
    await expectRefused(
      { query: `query ($from: DateTimeISO) { visits(from: $from) { totalCount } }`, variables: { from: value } },
      'from',
      message,
    );
  });

  it('takes a date and time with its offset', async () => {
    const { visits } = await hub.query(`{ visits(from: "2020-01-01T00:00:00+08:00") { totalCount } }`);
    expect(visits.totalCount).toBeGreaterThan(0);
  });
});

describe('the request itself', () => {
  it('refuses an operationName the document does not hold with 400, not 500', async () => {
    await expectRefused(
      { query: '{ __typename }', operationName: 'Nope' },
      'operationName',
      'the document has no operation named "Nope"',
    );
    await expectRefused(
      { query: 'query A { __typename } query B { __typename }' },
      'operationName',
      'the document has 2 operations; name the one to run in operationName',
    );
    const named = await raw(
      hub.url,
      { query: 'query A { __typename } query B { streets(first: 1) { totalCount } }', operationName: 'A' },
      await admin(),
    );
    expect(named.body).toEqual({ data: { __typename: 'Query' } });
  });

  it("refuses a persisted query whose hash is not its text's, naming the hash", async () => {
    const query = '{ __typename }';
    const wrong = { query, extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } };
    await expectRefused(wrong, 'extensions.persistedQuery.sha256Hash');
    const right = {
      query,
      extensions: { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } },
    };
    expect((await raw(hub.url, right)).body).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('the stated purpose of a full read (x-access-purpose)', () => {
  const query = `query ($id: ID!) { resident(id: $id) { phone } }`;
  const lastRecord = async () => {
    const { gridPersonalDataAccesses } = await hub.query(
      `query ($id: ID!) { gridPersonalDataAccesses(filter: { recordId: $id }, first: 100) { nodes { purpose field outcome reason } } }`,
      { id: resident.id },
    );
    return gridPersonalDataAccesses.nodes.at(-1);
  };
  let headers: Record<string, string>;
  beforeAll(async () => {
    headers = await admin();
  });
  const readAs = (purpose: string) =>
    raw(hub.url, { query, variables: { id: resident.id } }, { ...headers, [PURPOSE_HEADER]: purpose });

  it('stores percent-encoded and raw UTF-8 text as meant', async () => {
    expect((await readAs(encodeURIComponent('入户走访核实'))).body).toEqual({
      data: { resident: { phone: resident.phone } },
    });
    expect(await lastRecord()).toEqual({ purpose: '入户走访核实', field: 'phone', outcome: 'GRANTED', reason: null });
    // Raw UTF-8 bytes: what a client sends when it does not encode (fetch sends each character below 256 as one byte).
    expect((await readAs(Buffer.from('低保复核', 'utf8').toString('latin1'))).body).toEqual({
      data: { resident: { phone: resident.phone } },
    });
    expect(await lastRecord()).toEqual({ purpose: '低保复核', field: 'phone', outcome: 'GRANTED', reason: null });
  });

  it.each([
    ['a NUL', 'a%00b', 'a\\u0000b', 'U+0000'],
    ['a line break', '%E6%A0%B8%E5%AE%9E%0D%0AX-Forged: 1', '核实\\u000d\\u000aX-Forged: 1', 'U+000D'],
  ])(
    'refuses a purpose with %s, naming the header, and records the refusal as stated',
    async (_name, header, stated, code) => {
      const answer = await readAs(header);
      const reason = `the stated purpose contains a control character (${code}); state it as one line of text`;
      expect(answer.body.errors).toEqual([
        expect.objectContaining({
          message: `phone in full: ${reason}`,
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: PURPOSE_HEADER }),
        }),
      ]);
      expect(answer.body.data).toEqual({ resident: { phone: null } });
      expect(JSON.stringify(answer.body)).not.toMatch(INTERNALS);
      expect(await lastRecord()).toEqual({ purpose: stated, field: 'phone', outcome: 'REFUSED', reason });
    },
  );

  it('refuses a purpose over 200 characters instead of cutting it, and records the refusal', async () => {
    const long = '核'.repeat(201);
    const answer = await readAs(encodeURIComponent(long));
    const reason = 'the stated purpose is 201 characters long; at most 200 are allowed';
    expect(answer.body.errors?.[0]).toMatchObject({
      message: `phone in full: ${reason}`,
      extensions: { code: 'BAD_USER_INPUT', field: PURPOSE_HEADER },
    });
    expect(await lastRecord()).toEqual({ purpose: long, field: 'phone', outcome: 'REFUSED', reason });
  });
});

describe('an internal error', () => {
  it('leaves the department without its statement, even called directly in development', async () => {
    const direct = await hub.direct('services', {
      subject: 'direct-admin',
      role: 'CITY_ADMIN',
      claims: {},
      territory: null,
    });
    const answer = await direct.post(`mutation ($input: ReportCaseInput!) { reportCase(input: $input) { id } }`, {
      input: {
        channel: 'APP_PHOTO',
        itemId: ITEMS.sanitation,
        gridId: place(0).gridId,
        description: 'a\u0000b',
        attributes: [{ name: 'problem', value: '垃圾堆放' }],
      },
    });
    expect(answer.errors).toEqual([
      {
        message: 'Internal error: the request could not be completed',
        locations: [{ line: 1, column: 39 }],
        path: ['reportCase'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ]);
  });
});
