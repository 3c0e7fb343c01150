import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { generateKeyPair, importJWK, SignJWT } from 'jose';
import { authConfig } from '../lib/auth/auth-config';
import { DEV_CLIENT_PRIVATE_JWK } from '../lib/auth/dev-keys';
import { issueDevToken } from '../lib/auth/dev-token';
import { INTERNAL_AUDIENCE, INTERNAL_ISSUER } from '../lib/auth/internal-token';
import { demoDistrict } from '../lib/demo-district';
import { SUBGRAPHS } from '../lib/subgraph-registry';
import { postGraphQL } from './support/graphql-client';
import { startTestHub, type TestHub } from './support/test-hub';

/**
 * Identity end to end: the gateway verifies client tokens and refuses bad ones with 401; each
 * subgraph refuses any call without the hub's internal token; a territorial caller's grids come
 * from the grid subgraph's assignments; `npm run token` issues development tokens.
 */
let hub: TestHub;
const demo = demoDistrict();
beforeAll(async () => {
  hub = await startTestHub();
  await hub.seedDemo();
});
afterAll(() => hub?.stop());

async function rawPost(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

describe('a subgraph called around the gateway', () => {
  const calls = {
    _service: { query: '{ _service { sdl } }' },
    _entities: {
      query: 'query ($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
      variables: { r: [] },
    },
  };

  it.each(SUBGRAPHS.map((s) => s.name))(
    '%s refuses calls without a token, with a forged one and with an expired one',
    async (name) => {
      const url = hub.hub.subgraphs[name].url;
      const forgedSecret = new TextEncoder().encode('another-secret-of-at-least-thirty-two-characters');
      const forged = await new SignJWT({ role: 'CITY_ADMIN', scope: {} })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(INTERNAL_ISSUER)
        .setAudience(INTERNAL_AUDIENCE)
        .setExpirationTime('5m')
        .sign(forgedSecret);
      const expired = await new SignJWT({ role: 'CITY_ADMIN', scope: {} })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(INTERNAL_ISSUER)
        .setAudience(INTERNAL_AUDIENCE)
        .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
        .sign(new TextEncoder().encode(authConfig().internalSecret));
      // A client token is not an internal token: passing the caller's JWT straight through is refused too.
      const clientToken = await issueDevToken({ role: 'CITY_ADMIN' });
      for (const body of Object.values(calls)) {
        for (const headers of [
          {} as Record<string, string>,
          { authorization: `Bearer ${forged}` },
          { authorization: `Bearer ${expired}` },
          { authorization: `Bearer ${clientToken}` },
        ]) {
          const { status, body: answer } = await rawPost(url, body, headers);
          expect(status).toBe(401);
          expect(answer.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', field: 'authorization' });
          expect(answer.data).toBeUndefined();
        }
      }
      const allowed = await rawPost(url, calls._service, await hub.internalHeaders());
      expect(allowed.status).toBe(200);
      expect(allowed.body.data._service.sdl).toContain('@key(fields: "id")');
    },
  );
});

describe('client tokens at the gateway', () => {
  const streets = '{ streets { nodes { name } } }';

  async function refusal(token: string) {
    const response = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: streets }),
    });
    const body = (await response.json()) as any;
    expect(response.status).toBe(401);
    expect(body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', field: 'authorization' });
    return body.errors[0].message as string;
  }

  /** Signed with a key the hub has never seen. */
  async function signedElsewhere(claims: Record<string, unknown>) {
    const { privateKey } = await generateKeyPair('EdDSA');
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA' })
      .setIssuer(authConfig().issuer)
      .setAudience(authConfig().audience)
      .setSubject('x')
      .setExpirationTime('1h')
      .sign(privateKey);
  }

  it('accepts a development token and reads with it', async () => {
    const analyst = await hub.as({ role: 'ANALYST' });
    const data = await analyst.query(streets);
    expect(data.streets.nodes.map((s: any) => s.name).sort()).toEqual(demo.streets.map((s) => s.name).sort());
  });

  it('refuses a token signed with another key, an expired one, one for another audience, and a malformed header', async () => {
    expect(await refusal(await signedElsewhere({ role: 'CITY_ADMIN' }))).toBe('the token could not be verified');
    expect(await refusal(await issueDevToken({ role: 'CITY_ADMIN', expiresInSeconds: -60 }))).toBe(
      'the token has expired',
    );
    expect(await refusal(await devSigned({ role: 'CITY_ADMIN' }, 'another-system'))).toBe(
      "the token's aud claim is not accepted here",
    );
    const response = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic dXNlcjpwYXNz' },
      body: JSON.stringify({ query: streets }),
    });
    expect(response.status).toBe(401);
  });

  it('refuses a role it does not know, a scoped role without its claim, and a worker the grid service does not know', async () => {
    expect(await refusal(await devSigned({ role: 'MAYOR' }))).toMatch(
      /^the token's role claim must be one of CITY_ADMIN, ANALYST/,
    );
    expect(await refusal(await devSigned({ role: 'GRID_WORKER' }))).toBe('a GRID_WORKER token needs a workerId claim');
    expect(
      await refusal(
        await issueDevToken({ role: 'GRID_WORKER', claims: { workerId: '0190f000-0000-7000-8000-0000000000ff' } }),
      ),
    ).toBe("the token's workerId 0190f000-0000-7000-8000-0000000000ff is not known to the grid service");
  });

  /** Signed with the development key, as `npm run token` would, but with claims it would not write. */
  async function devSigned(claims: Record<string, unknown>, audience = authConfig().audience) {
    const key = await importJWK(DEV_CLIENT_PRIVATE_JWK, 'EdDSA');
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA' })
      .setIssuer(authConfig().issuer)
      .setAudience(audience)
      .setSubject('x')
      .setExpirationTime('1h')
      .sign(key);
  }

  it('does not expose the territory look-up in the public graph', async () => {
    const error = await hub.fail('{ accessTerritory(workerId: "x") { gridIds } }');
    expect(error.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('territory of a caller, from the grid subgraph', () => {
  const territoryQuery =
    'query ($s: ID, $c: ID, $w: ID) { accessTerritory(streetId: $s, communityId: $c, workerId: $w) { streetIds communityIds gridIds } }';

  it('gives a grid worker the grids of their current assignments, and staff their community or street', async () => {
    const grid = await hub.direct('grid');
    // Worker 4 serves two grids (one person, several grids): 西关商业网格 and 文家第一网格, in two streets.
    const worker = demo.workers[3];
    const byWorker = (await grid.query(territoryQuery, { w: worker.id })).accessTerritory;
    expect(byWorker.gridIds.sort()).toEqual([demo.grids[3].id, demo.grids[4].id].sort());
    expect(byWorker.communityIds.sort()).toEqual([demo.communities[1].id, demo.communities[2].id].sort());
    expect(byWorker.streetIds.sort()).toEqual([demo.streets[0].id, demo.streets[1].id].sort());

    const byCommunity = (await grid.query(territoryQuery, { c: demo.communities[0].id })).accessTerritory;
    expect(byCommunity.gridIds.sort()).toEqual(
      demo.grids
        .filter((g) => g.communityId === demo.communities[0].id)
        .map((g) => g.id)
        .sort(),
    );
    const byStreet = (await grid.query(territoryQuery, { s: demo.streets[0].id })).accessTerritory;
    expect(byStreet.communityIds.sort()).toEqual([demo.communities[0].id, demo.communities[1].id].sort());
    expect(byStreet.gridIds).toHaveLength(4);
    expect((await grid.query(territoryQuery, { w: 'not-an-id' })).accessTerritory).toBeNull();
  });

  it('answers only services', async () => {
    const asAdmin = await hub.direct('grid', { subject: 'admin', role: 'CITY_ADMIN', claims: {}, territory: null });
    const error = await asAdmin.fail(territoryQuery, { w: demo.workers[0].id });
    expect(error.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('npm run token', () => {
  const run = promisify(execFile);
  const script = path.resolve(__dirname, '../scripts/issue-token.js');

  it('prints a token the gateway accepts for the role and scope asked for', async () => {
    const worker = demo.workers[0];
    const { stdout } = await run(process.execPath, [
      script,
      '--role',
      'GRID_WORKER',
      '--workerId',
      worker.id,
      '--sub',
      'wang.wei',
    ]);
    const token = stdout.trim();
    const [, payload] = token.split('.');
    expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toMatchObject({
      role: 'GRID_WORKER',
      workerId: worker.id,
      sub: 'wang.wei',
    });
    const answer = await postGraphQL(hub.url, '{ streets { totalCount } }', {}, { authorization: `Bearer ${token}` });
    expect(answer.data?.streets.totalCount).toBe(demo.streets.length);
  });

  it('says what is missing and exits 2', async () => {
    await expect(run(process.execPath, [script, '--role', 'GRID_WORKER'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('a GRID_WORKER token needs --workerId'),
    });
    await expect(run(process.execPath, [script, '--role', 'KING'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('usage: npm run token'),
    });
  });
});
