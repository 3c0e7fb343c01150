import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { startGateway, type RunningGateway } from '../gateway/server';
import { authSettings } from '../lib/config';
import { DEV_CLIENT_PUBLIC_JWK, DEV_INTERNAL_SECRET } from '../lib/auth/dev-keys';
import { demoDistrict, demoId } from '../lib/demo-district';
import { issueDevToken } from '../lib/auth/dev-token';
import { mintInternalToken, resetInternalSecret } from '../lib/auth/internal-token';
import { startSubgraph } from '../lib/subgraph-server';
import { startHub, type Hub } from '../scripts/start-hub';
import { definitionOf } from '../scripts/subgraph-definitions';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/**
 * The endpoint in production against what an attacker tries: a budget bought with respelt or
 * random tokens, a service started without a real secret, graphql-cop's twelve checks, pages of
 * other origins, lists asked without a page size, a token signed with an algorithm the key was
 * not meant for, the subgraphs' counters, slow and hoarding connections. One production hub on
 * PostgreSQL; the gateways with other settings share its subgraphs.
 */
const PRODUCTION_ENV = {
  AUTH_PUBLIC_KEY: JSON.stringify({ ...DEV_CLIENT_PUBLIC_JWK, alg: 'EdDSA' }),
  HUB_INTERNAL_SECRET: 'security-test-internal-secret-0123456789',
};
const CONSOLE_ORIGIN = 'https://console.example.gov.cn';

let database: TestDatabase;
let hub: Hub;
let subgraphUrls: Record<string, string>;
const gateways: RunningGateway[] = [];
const savedEnv: Record<string, string | undefined> = {};

/** Run with some environment variables set (or removed, when undefined), restoring them after. */
async function withEnv<T>(vars: Record<string, string | undefined>, run: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  apply(vars);
  try {
    return await run();
  } finally {
    apply(saved);
  }
}

/** A production gateway with some settings of its own, in front of the hub's subgraphs. */
async function gatewayWith(vars: Record<string, string | undefined>, urls = subgraphUrls): Promise<string> {
  const gateway = await withEnv(vars, () => startGateway({ port: 0, production: true, subgraphUrls: urls }));
  gateways.push(gateway);
  return gateway.url;
}

beforeAll(async () => {
  for (const [name, value] of Object.entries(PRODUCTION_ENV)) {
    savedEnv[name] = process.env[name];
    process.env[name] = value;
  }
  process.env.LOG_LEVEL ??= 'warn';
  resetInternalSecret();
  database = await createTestDatabase();
  hub = await startHub({
    production: true,
    gatewayPort: 0,
    subgraphPorts: { grid: 0, 'party-building': 0, services: 0, 'co-building': 0 },
    databaseUrl: database.databaseUrl,
    dataDir: database.dataDir,
    demoOnFirstStart: false,
  });
  for (const running of Object.values(hub.subgraphs))
    await definitionOf(running.name).seedDemo?.(running.database.orm.em.fork());
  subgraphUrls = Object.fromEntries(Object.values(hub.subgraphs).map((s) => [s.name, s.url]));
}, 240_000);

afterAll(async () => {
  for (const gateway of gateways) await gateway.stop();
  await hub?.stop();
  await database?.drop();
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetInternalSecret();
});

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: any;
}

async function send(url: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, text, body };
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  send(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

const bearer = async (subject: string) => `Bearer ${await issueDevToken({ role: 'CITY_ADMIN', subject })}`;

describe('rate limit keyed on the verified caller (RATE_LIMIT_PER_MINUTE=3, behind one proxy)', () => {
  let limited: string;
  beforeAll(async () => {
    limited = await gatewayWith({ RATE_LIMIT_PER_MINUTE: '3', TRUST_PROXY: '1' });
  });
  const streets = { query: '{ streets { totalCount } }' };

  it('gives a token respelt with more spaces no budget of its own, nor another token of the same caller', async () => {
    const token = (await bearer('spacey-admin')).slice('Bearer '.length);
    const statuses: number[] = [];
    for (let spaces = 0; spaces < 6; spaces += 1) {
      statuses.push((await post(limited, streets, { authorization: `Bearer${' '.repeat(spaces)} ${token}` })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
    const second = await issueDevToken({ role: 'CITY_ADMIN', subject: 'spacey-admin', expiresInSeconds: 3600 });
    expect(second).not.toBe(token);
    const refused = await post(limited, streets, { authorization: `Bearer ${second}` });
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    // Another caller from the same place goes on.
    expect((await post(limited, streets, { authorization: await bearer('calm-admin') })).body).toEqual({
      data: { streets: { totalCount: 2 } },
    });
  });

  it('counts tokens that do not verify by the address they come from, with callers without a token', async () => {
    const from = (address: string, headers: Record<string, string> = {}) =>
      post(limited, streets, { 'x-forwarded-for': address, ...headers });
    const random = () => ({ authorization: `Bearer ${randomUUID()}` });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await from('203.0.113.20', random())).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect((await from('203.0.113.20')).status).toBe(429);
    // A verified caller behind that address keeps its own budget; another address its own.
    expect((await from('203.0.113.20', { authorization: await bearer('admin-at-20') })).status).toBe(200);
    expect((await from('203.0.113.21', random())).status).toBe(401);
  });
});

describe('secrets at start (production)', () => {
  const coBuilding = (vars: Record<string, string | undefined>) =>
    withEnv(vars, () =>
      startSubgraph(definitionOf('co-building'), {
        port: 0,
        production: true,
        databaseUrl: database.databaseUrl,
        dataDir: database.dataDir,
        demoOnFirstStart: false,
      }),
    );

  it('refuses to start a subgraph with no secret, the development secret or a short one, saying why', async () => {
    await expect(coBuilding({ HUB_INTERNAL_SECRET: undefined })).rejects.toThrow(
      'HUB_INTERNAL_SECRET is not set: production needs HUB_INTERNAL_SECRET, a secret of at least 32 characters shared by the gateway and the subgraphs',
    );
    await expect(coBuilding({ HUB_INTERNAL_SECRET: DEV_INTERNAL_SECRET })).rejects.toThrow(
      /^HUB_INTERNAL_SECRET is the development secret, which is published with the code/,
    );
    await expect(coBuilding({ HUB_INTERNAL_SECRET: 'short-secret' })).rejects.toThrow(
      /^HUB_INTERNAL_SECRET has 12 characters: production needs/,
    );
  });

  it('refuses to start a gateway without a client key or with a short secret', async () => {
    await expect(
      withEnv({ AUTH_PUBLIC_KEY: undefined }, () => startGateway({ port: 0, production: true, subgraphUrls })),
    ).rejects.toThrow(
      'Production needs AUTH_JWKS_URL or AUTH_PUBLIC_KEY to verify client tokens (the development key is refused)',
    );
    await expect(
      withEnv({ HUB_INTERNAL_SECRET: 'x'.repeat(31) }, () => startGateway({ port: 0, production: true, subgraphUrls })),
    ).rejects.toThrow(/^HUB_INTERNAL_SECRET has 31 characters/);
  });

  it('starts a subgraph without AUTH_PUBLIC_KEY, which it does not use, and it answers through the gateway', async () => {
    const alone = await coBuilding({ AUTH_PUBLIC_KEY: undefined });
    try {
      const url = await gatewayWith({}, { ...subgraphUrls, 'co-building': alone.url });
      const answer = await post(
        url,
        { query: '{ units { totalCount } }' },
        { authorization: await bearer('unit-reader') },
      );
      expect(answer.body).toEqual({ data: { units: { totalCount: 3 } } });
    } finally {
      await alone.stop();
    }
  });
});

describe("graphql-cop's checks, as it sends them, find nothing in production", () => {
  /** graphql-cop's JSON POST: the operation named "cop". */
  const cop = (query: string) => post(hub.gateway.url, { query, operationName: 'cop' });
  const checks: Record<string, () => Promise<{ found: boolean; answer: Answer }>> = {
    'alias overloading': async () => {
      const answer = await cop(
        `query cop { ${Array.from({ length: 101 }, (_, i) => `alias${i}:__typename`).join('\n')} }`,
      );
      return { found: Boolean(answer.body?.data?.alias100), answer };
    },
    'batch queries': async () => {
      const answer = await post(
        hub.gateway.url,
        Array.from({ length: 10 }, () => ({ query: 'query cop { __typename }' })),
      );
      return { found: Array.isArray(answer.body) && answer.body.length >= 10, answer };
    },
    'field duplication': async () => {
      const answer = await cop(`query cop { ${'__typename \n'.repeat(500)}} `);
      return { found: Boolean(answer.body?.data?.__typename), answer };
    },
    'directive overloading': async () => {
      const answer = await cop('query cop { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }');
      return { found: answer.body?.errors?.length === 10, answer };
    },
    'circular introspection': async () => {
      const answer = await cop(
        'query cop { __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }',
      );
      return { found: (answer.body?.data?.__schema?.types?.length ?? 0) > 25, answer };
    },
    'GET-based mutation': async () => {
      const answer = await send(`${hub.gateway.url}?${new URLSearchParams({ query: 'mutation cop {__typename}' })}`);
      return { found: Boolean(answer.body?.data?.__typename), answer };
    },
    'GET-based query (CSRF)': async () => {
      const answer = await send(`${hub.gateway.url}?${new URLSearchParams({ query: 'query cop {__typename}' })}`);
      return { found: Boolean(answer.body?.data?.__typename), answer };
    },
    'GraphiQL / IDE': async () => {
      const answer = await send(hub.gateway.url, { headers: { accept: 'text/html' } });
      return {
        found: ['graphiql.min.css', 'GraphQL Playground', 'GraphiQL', 'graphql-playground'].some((word) =>
          answer.text.includes(word),
        ),
        answer,
      };
    },
    introspection: async () => {
      const answer = await cop('query cop { __schema { types { name fields { name } } } }');
      return { found: Boolean(answer.body?.data?.__schema?.types), answer };
    },
    'field suggestions': async () => {
      const answer = await cop('query cop { __schema { directive } }');
      return { found: String(answer.body?.errors?.[0]?.message ?? '').includes('Did you mean'), answer };
    },
    'trace mode': async () => {
      const answer = await cop('query cop { __typename }');
      return {
        found:
          Boolean(answer.body?.errors?.[0]?.extensions?.tracing) || /'extensions': \{'tracing':/i.test(answer.text),
        answer,
      };
    },
    'unhandled errors': async () => {
      const answer = await cop('qwerty cop { abc }');
      return {
        found: Boolean(answer.body?.errors?.[0]?.extensions?.exception) || /exception|stacktrace/i.test(answer.text),
        answer,
      };
    },
    'POST url-encoded (CSRF)': async () => {
      const answer = await send(hub.gateway.url, {
        method: 'POST',
        body: new URLSearchParams({ query: 'query cop { __typename }' }),
      });
      return { found: Boolean(answer.body?.data?.__typename), answer };
    },
  };

  it('finds none of its twelve issues (thirteen requests)', async () => {
    const found: string[] = [];
    for (const [name, check] of Object.entries(checks)) if ((await check()).found) found.push(name);
    expect(found).toEqual([]);
    // The server is still recognisably GraphQL to it: the check is not passed by answering nothing.
    expect((await cop('query cop { __typename }')).body).toEqual({ data: { __typename: 'Query' } });
  });

  it('counts aliases of __typename against MAX_ALIASES', async () => {
    const { answer } = await checks['alias overloading']();
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      expect.objectContaining({
        extensions: { code: 'BAD_USER_INPUT', field: 'query', limit: 'aliases', max: 15, found: 101 },
      }),
    ]);
  });

  it('answers repeated or unknown directives with one error, and a field written twice in one selection with one refusal', async () => {
    const directives = (await checks['directive overloading']()).answer;
    expect(directives.status).toBe(400);
    expect(directives.body).toEqual({
      errors: [{ message: 'Unknown directive "@aa".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
    });
    const repeated = await cop(`query cop { __typename ${'@include(if: true) '.repeat(10)}}`);
    expect(repeated.body).toEqual({
      errors: [
        {
          message: 'The directive "@include" can only be used once at this location.',
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ],
    });
    const fields = (await checks['field duplication']()).answer;
    expect(fields.status).toBe(400);
    expect(fields.body).toEqual({
      errors: [
        {
          message:
            'The field "__typename" is selected 500 times in one selection set; select it once (an alias asks for another copy)',
          extensions: { code: 'BAD_USER_INPUT', field: 'query', limit: 'fieldRepeats', max: 1, found: 500 },
        },
      ],
    });
    // Aliases name real copies, and the same field in two selection sets is two fields.
    const fine = await post(hub.gateway.url, {
      query: '{ a: gridCard(code: "370783001001001") { gridName } b: gridCard(code: "370783001001002") { gridName } }',
    });
    expect(fine.body.data).toEqual({ a: { gridName: '东城第一网格' }, b: { gridName: expect.any(String) } });
  });
});

describe('CORS', () => {
  let withOrigins: string;
  beforeAll(async () => {
    withOrigins = await gatewayWith({ CORS_ORIGINS: `${CONSOLE_ORIGIN}, https://mobile.example.gov.cn` });
  });
  const preflight = (url: string, origin: string) =>
    send(url, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, x-access-purpose',
      },
    });

  it('answers the preflight of an allowed origin, then its request, with the origin allowed', async () => {
    const answer = await preflight(withOrigins, CONSOLE_ORIGIN);
    expect(answer.status).toBe(204);
    expect(
      Object.fromEntries(
        [
          'access-control-allow-origin',
          'access-control-allow-methods',
          'access-control-allow-headers',
          'access-control-max-age',
          'vary',
        ].map((h) => [h, answer.headers.get(h)]),
      ),
    ).toEqual({
      'access-control-allow-origin': CONSOLE_ORIGIN,
      'access-control-allow-methods': 'GET,POST',
      'access-control-allow-headers':
        'content-type,authorization,x-access-purpose,apollo-require-preflight,x-apollo-operation-name',
      'access-control-max-age': '600',
      vary: 'Origin',
    });
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull();
    const request = await post(
      withOrigins,
      { query: '{ streets { totalCount } }' },
      { origin: CONSOLE_ORIGIN, authorization: await bearer('console-user') },
    );
    expect(request.body).toEqual({ data: { streets: { totalCount: 2 } } });
    expect(request.headers.get('access-control-allow-origin')).toBe(CONSOLE_ORIGIN);
    expect(request.headers.get('access-control-expose-headers')).toBe('retry-after');
  });

  it('allows no other origin, and none at all by default', async () => {
    for (const [url, origin] of [
      [withOrigins, 'https://evil.example.com'],
      [hub.gateway.url, CONSOLE_ORIGIN],
    ]) {
      const answer = await preflight(url, origin);
      expect(answer.status).toBe(204);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
      expect(answer.headers.get('allow')).toBe('GET, POST, OPTIONS');
      const request = await post(url, { query: '{ __typename }' }, { origin });
      expect(request.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('operation cost of lists asked without a page size', () => {
  const nested = (first: string) =>
    `{ grids${first} { nodes { buildings${first} { nodes { households${first} { nodes { unit residents${first} { nodes { name } } } } } } } } }`;

  it('counts the default page (20), as if first: 20 were written', async () => {
    const written = await post(
      hub.gateway.url,
      { query: nested('(first: 20)') },
      { authorization: await bearer('cost-admin') },
    );
    const defaulted = await post(hub.gateway.url, { query: nested('') }, { authorization: await bearer('cost-admin') });
    expect(written.status).toBe(400);
    expect(written.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'cost', max: 50_000 });
    expect(defaulted.status).toBe(400);
    expect(defaulted.body.errors[0].extensions).toEqual(written.body.errors[0].extensions);
    // A page-size variable left unset is the default page too.
    const unset = await post(
      hub.gateway.url,
      { query: `query ($n: Int) ${nested('(first: $n)')}` },
      { authorization: await bearer('cost-admin') },
    );
    expect(unset.body.errors[0].extensions).toEqual(written.body.errors[0].extensions);
  });

  it('still runs what a client asks of one default page', async () => {
    const answer = await post(
      hub.gateway.url,
      { query: '{ grids { totalCount nodes { code buildings { totalCount } } } }' },
      { authorization: await bearer('cost-admin') },
    );
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.grids.nodes).toHaveLength(5);
  });
});

describe('client token algorithms pinned to the configured key', () => {
  it('accepts RS256 for an RS256 key and refuses RS512, PS256 and an HMAC keyed with the public key', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const pem = await exportSPKI(publicKey);
    const url = await gatewayWith({ AUTH_PUBLIC_KEY: pem, AUTH_PUBLIC_KEY_ALG: 'RS256' });
    const { issuer, audience } = authSettings();
    const signed = (alg: string, key: Parameters<SignJWT['sign']>[0]) =>
      new SignJWT({ role: 'CITY_ADMIN' })
        .setProtectedHeader({ alg })
        .setIssuer(issuer)
        .setAudience(audience)
        .setSubject('rsa-admin')
        .setExpirationTime('1h')
        .sign(key);
    const asked = async (token: string) =>
      post(url, { query: '{ streets { totalCount } }' }, { authorization: `Bearer ${token}` });
    expect((await asked(await signed('RS256', privateKey))).body).toEqual({ data: { streets: { totalCount: 2 } } });
    for (const token of [
      await signed('RS512', privateKey),
      await signed('PS256', privateKey),
      await signed('HS256', new TextEncoder().encode(pem)),
    ]) {
      const refused = await asked(token);
      expect(refused.status).toBe(401);
      expect(refused.body.errors[0]).toMatchObject({
        message: 'the token could not be verified',
        extensions: { code: 'UNAUTHENTICATED', field: 'authorization' },
      });
    }
  });
});

describe('subgraph metrics', () => {
  it("are served to the hub's services only, not to whoever reaches the port, and not by the gateway", async () => {
    const metrics = hub.subgraphs.grid.url.replace(/\/graphql$/, '/metrics');
    const open = await send(metrics);
    expect(open.status).toBe(401);
    expect(open.text).not.toContain('hub_sql_statements_total');
    const token = await mintInternalToken(
      { subject: 'service:prometheus', role: 'SERVICE', claims: {}, territory: null },
      60,
    );
    const served = await send(metrics, { headers: { authorization: `Bearer ${token}` } });
    expect(served.status).toBe(200);
    expect(served.text).toMatch(/^hub_sql_statements_total\{service="grid"\} \d+$/m);
    expect((await send(hub.gateway.url.replace(/\/graphql$/, '/metrics'))).status).toBe(404);
  });
});

describe('connections (REQUEST_TIMEOUT_MS=1000, MAX_CONNECTIONS_PER_ADDRESS=3)', () => {
  let port: number;
  beforeAll(async () => {
    port = Number(new URL(await gatewayWith({ REQUEST_TIMEOUT_MS: '1000', MAX_CONNECTIONS_PER_ADDRESS: '3' })).port);
  });

  /** A raw connection: what it was sent back, and whether the gateway closed it. */
  function connect(): Promise<{ socket: net.Socket; received: () => string; closed: Promise<void> }> {
    return new Promise((resolve, reject) => {
      let received = '';
      const socket = net.connect(port, '127.0.0.1');
      const closed = new Promise<void>((done) => socket.once('close', () => done()));
      socket.on('data', (chunk) => (received += chunk.toString()));
      socket.on('error', () => undefined);
      socket.once('connect', () => resolve({ socket, received: () => received, closed }));
      socket.once('error', reject);
    });
  }

  it('answers 408 and closes a connection whose body or headers arrive too slowly', async () => {
    const slowBody = await connect();
    slowBody.socket.write(
      `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":`,
    );
    const slowHeaders = await connect();
    slowHeaders.socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\n');
    await Promise.all([slowBody.closed, slowHeaders.closed]);
    expect(slowBody.received()).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(slowHeaders.received()).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
  });

  it('closes a fourth connection from one address at once, and takes a new one when one closes', async () => {
    const held = [await connect(), await connect(), await connect()];
    const fourth = await connect();
    await fourth.closed;
    expect(fourth.received()).toBe('');
    held[0].socket.destroy();
    await held[0].closed;
    // The gateway counts the connection out when it sees it close, a moment after this side does.
    let answer = '';
    for (let attempt = 0; attempt < 50 && !answer; attempt += 1) {
      const again = await connect();
      again.socket.write('GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      await again.closed;
      answer = again.received();
      if (!answer) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*\{"status":"ok"\}$/);
    for (const connection of held.slice(1)) connection.socket.destroy();
  });
});

describe('refused writes say no more than a read would', () => {
  const d = demoDistrict();
  const dongcheng = d.communities[0].id;
  const [taxBureau, hospital] = [demoId(301, 1), demoId(301, 2)];
  const taxMember = demoId(106, 2); // in service, lives in 东城第一网格
  const PLEDGE = `mutation ($m: ID!, $p: ID!) { signPledge(input: { memberId: $m, postId: $p, pledgeText: "履岗承诺", signedOn: "2026-02-02" }) { id } }`;
  const as = async (
    role: 'UNIT_LIAISON' | 'COMMUNITY_STAFF',
    claims: Record<string, string>,
    query: string,
    variables: Record<string, unknown>,
  ) =>
    post(
      hub.gateway.url,
      { query, variables },
      { authorization: `Bearer ${await issueDevToken({ role, claims, subject: `${role}-writer` })}` },
    );
  let reportId: string;

  beforeAll(async () => {
    const reported = await post(
      hub.gateway.url,
      {
        query:
          'mutation ($m: ID!, $u: ID!, $c: ID!) { reportMember(input: { memberId: $m, unitId: $u, communityId: $c, reportedOn: "2026-02-01" }) { id } }',
        variables: { m: taxMember, u: taxBureau, c: dongcheng },
      },
      { authorization: await bearer('report-admin') },
    );
    reportId = reported.body.data.reportMember.id;
  });

  it("names the argument and the caller's scope, not the unit or community of another unit's record", async () => {
    const refused = await as(
      'UNIT_LIAISON',
      { unitId: hospital },
      'mutation ($r: ID!) { endMemberReport(input: { reportId: $r, endedOn: "2026-03-01" }) { id } }',
      { r: reportId },
    );
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        message: 'ending a member report: input.reportId is outside the scope of this UNIT_LIAISON',
        extensions: {
          code: 'FORBIDDEN',
          field: 'input.reportId',
          scope: `UNIT_LIAISON:unitId=${hospital}`,
          serviceName: 'co-building',
        },
      }),
    ]);
    expect(refused.text).not.toContain(taxBureau);
    expect(refused.text).not.toContain(dongcheng);
  });

  it("checks the scope of signPledge before the member's report: an outsider cannot tell a reported member from one who is not", async () => {
    const unreported = randomUUID();
    const answers = [
      await as('UNIT_LIAISON', { unitId: hospital }, PLEDGE, { m: taxMember, p: demoId(304, 1) }),
      await as('UNIT_LIAISON', { unitId: hospital }, PLEDGE, { m: unreported, p: demoId(304, 1) }),
    ];
    for (const answer of answers) {
      expect(answer.body.errors.map((e: any) => [e.message, e.extensions])).toEqual([
        [
          'signing a pledge: input.memberId is outside the scope of this UNIT_LIAISON',
          {
            code: 'FORBIDDEN',
            field: 'input.memberId',
            scope: `UNIT_LIAISON:unitId=${hospital}`,
            serviceName: 'co-building',
          },
        ],
      ]);
    }
    // The community's own staff, in scope, are told that the member has not reported.
    const staff = await as('COMMUNITY_STAFF', { communityId: dongcheng }, PLEDGE, { m: unreported, p: demoId(304, 1) });
    expect(staff.body.errors[0].extensions).toEqual({
      code: 'CONFLICT',
      field: 'input.memberId',
      serviceName: 'co-building',
    });
  });
});
