import { Client } from 'pg';
import { issueDevToken, type DevTokenRequest } from '../lib/auth/dev-token';
import { demoDistrict } from '../lib/demo-district';
import { PURPOSE_HEADER } from '../lib/viewer';
import { startHub, type Hub } from '../scripts/start-hub';
import { definitionOf } from '../scripts/subgraph-definitions';
import { expectData, expectError } from './support/graphql-client';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/**
 * The hub run as a database role that owns nothing (docs/database-roles.md): the owner's URL
 * migrates and grants, the runtime role's serves. The audit records work as before, and neither
 * role can wipe them: the runtime role has no UPDATE, DELETE or TRUNCATE on them, and the owner's
 * triggers refuse all three. Needs a PostgreSQL server (roles are the server's).
 */
const describeOnPostgres = process.env.DATABASE_URL ? describe : describe.skip;

const AUDIT_TABLES = ['grid.personal_data_access', 'party_building.personal_data_access', 'services.case_event'];
const demo = demoDistrict();

let database: TestDatabase;
let hub: Hub;
let ownerUrl: string;
let runtimeUrl: string;
const role = `hub_runtime_${process.pid}_${Math.floor(Math.random() * 1e6)}`;

async function onServer<T>(url: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** The error PostgreSQL gives a statement, or null when it runs. */
const refusalOf = (url: string, sql: string) =>
  onServer(url, (client) =>
    client.query(sql).then(
      () => null,
      (error: Error & { code?: string }) => ({ code: error.code, message: error.message }),
    ),
  );

const as = async (request: DevTokenRequest, purpose?: string) => ({
  authorization: `Bearer ${await issueDevToken(request)}`,
  ...(purpose ? { [PURPOSE_HEADER]: encodeURIComponent(purpose) } : {}),
});

describeOnPostgres('a subgraph running as a runtime role that owns nothing', () => {
  beforeAll(async () => {
    process.env.LOG_LEVEL ??= 'warn';
    database = await createTestDatabase();
    ownerUrl = database.databaseUrl!;
    await onServer(process.env.DATABASE_URL!, (client) => client.query(`create role "${role}" login`));
    const url = new URL(ownerUrl);
    url.username = role;
    runtimeUrl = url.toString();
    hub = await startHub({
      gatewayPort: 0,
      subgraphPorts: { grid: 0, 'party-building': 0, services: 0, 'co-building': 0 },
      databaseUrl: runtimeUrl,
      migrationDatabaseUrl: ownerUrl,
      demoOnFirstStart: false,
    });
    // The demo district is written by the runtime role, as any data the service writes.
    for (const running of Object.values(hub.subgraphs))
      await definitionOf(running.name).seedDemo?.(running.database.orm.em.fork());
  }, 240_000);

  afterAll(async () => {
    await hub?.stop();
    await database?.drop();
    await onServer(process.env.DATABASE_URL!, (client) => client.query(`drop role if exists "${role}"`));
  });

  it('serves through its runtime role, which owns none of the tables', async () => {
    for (const running of Object.values(hub.subgraphs)) {
      const [{ user }] = await running.database.orm.em.getConnection().execute('select current_user as "user"');
      expect(user).toBe(role);
    }
    const owned = await onServer(ownerUrl, (client) =>
      client.query(`select count(*)::int as n from pg_tables where tableowner = $1`, [role]),
    );
    expect(owned.rows[0].n).toBe(0);
  });

  it('writes and reads the access records: a full read is recorded and the auditor sees it', async () => {
    const resident = demo.residents[0];
    const read = await expectData(
      hub.gateway.url,
      'query ($id: ID!) { resident(id: $id) { idNumber } }',
      { id: resident.id },
      await as({ role: 'CITY_ADMIN', subject: 'runtime-admin' }, '核实低保申请'),
    );
    expect(read.resident.idNumber).toBe(resident.idNumber);
    const records = await expectData(
      hub.gateway.url,
      'query ($r: ID!) { gridPersonalDataAccesses(filter: { recordId: $r }) { totalCount nodes { actor purpose field outcome } } }',
      { r: resident.id },
      await as({ role: 'AUDITOR', subject: 'runtime-auditor' }),
    );
    expect(records.gridPersonalDataAccesses.nodes).toEqual([
      { actor: 'runtime-admin', purpose: '核实低保申请', field: 'idNumber', outcome: 'GRANTED' },
    ]);
    const member = await expectData(
      hub.gateway.url,
      '{ partyMembers(first: 1) { nodes { id phone } } }',
      {},
      await as({ role: 'CITY_ADMIN', subject: 'runtime-admin' }, '组织关系核对'),
    );
    const memberRecords = await expectData(
      hub.gateway.url,
      'query ($r: ID!) { partyPersonalDataAccesses(filter: { recordId: $r }) { nodes { actor purpose field outcome } } }',
      { r: member.partyMembers.nodes[0].id },
      await as({ role: 'AUDITOR', subject: 'runtime-auditor' }),
    );
    expect(memberRecords.partyPersonalDataAccesses.nodes).toEqual([
      { actor: 'runtime-admin', purpose: '组织关系核对', field: 'phone', outcome: 'GRANTED' },
    ]);
    // A case's steps are written to its timeline by the runtime role too.
    const cases = await expectData(
      hub.gateway.url,
      '{ cases(first: 1) { nodes { timeline { action } } } }',
      {},
      await as({ role: 'CITY_ADMIN' }),
    );
    expect(cases.cases.nodes[0].timeline.length).toBeGreaterThan(0);
  });

  it.each(AUDIT_TABLES)(
    'refuses the runtime role UPDATE, DELETE and TRUNCATE of %s, and its triggers',
    async (table) => {
      expect(
        Number((await onServer(runtimeUrl, (client) => client.query(`select count(*) from ${table}`))).rows[0].count),
      ).toBeGreaterThan(0);
      for (const sql of [
        `update ${table} set id = id`,
        `delete from ${table}`,
        `truncate ${table}`,
        `alter table ${table} disable trigger user`,
      ]) {
        const refusal = await refusalOf(runtimeUrl, sql);
        expect({ sql, code: refusal?.code }).toEqual({ sql, code: '42501' });
      }
    },
  );

  it.each(AUDIT_TABLES)('refuses the owner UPDATE, DELETE and TRUNCATE of %s (the triggers)', async (table) => {
    const before = (await onServer(ownerUrl, (client) => client.query(`select count(*)::int as n from ${table}`)))
      .rows[0].n;
    for (const [sql, op] of [
      [`update ${table} set id = id`, 'UPDATE'],
      [`delete from ${table}`, 'DELETE'],
      [`truncate ${table}`, 'TRUNCATE'],
    ]) {
      const refusal = await refusalOf(ownerUrl, sql);
      expect(refusal?.code).toBe('P0001');
      expect(refusal?.message).toBe(
        table === 'services.case_event'
          ? `case_event is append-only: ${op} refused`
          : 'personal data access records cannot be changed or deleted',
      );
    }
    expect(
      (await onServer(ownerUrl, (client) => client.query(`select count(*)::int as n from ${table}`))).rows[0].n,
    ).toBe(before);
  });

  it('keeps the migrations to the owner', async () => {
    expect((await refusalOf(runtimeUrl, 'select * from grid.mikro_orm_migrations'))?.code).toBe('42501');
    expect((await refusalOf(runtimeUrl, 'create table grid.extra (id int)'))?.code).toBe('42501');
    // The API has no way to the records either.
    const error = await expectError(
      hub.gateway.url,
      'mutation { deletePersonalDataAccess(id: "x") }',
      {},
      await as({ role: 'CITY_ADMIN' }),
    );
    expect(error.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
