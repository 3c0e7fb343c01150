import type { ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { issueDevToken } from '../lib/auth/dev-token';
import { mintInternalToken } from '../lib/auth/internal-token';
import { openDatabase } from '../lib/database';
import { demoDistrict } from '../lib/demo-district';
import { SUBGRAPHS } from '../lib/subgraph-registry';
import { definitionOf } from '../scripts/subgraph-definitions';
import { startChildService, stopChildService } from './support/child-service';
import { freePort } from './support/free-port';
import { postGraphQL, type GraphQLResponse } from './support/graphql-client';
import { startHubProcess, type HubProcess } from './support/hub-process';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';
import { createTestDatabase, type TestDatabase } from './support/test-database';

/**
 * The hub as `npm start` runs it (five processes under the supervisor), its PostgreSQL behind a
 * TCP proxy the test controls, under a steady load of one query that asks all four departments:
 * each department killed (the supervisor starts it again), each hung (SIGSTOP), the database's
 * connections terminated and the database cut off for a second, the gateway stopped with
 * requests in flight. A department that fails costs only its own fields, and no request waits
 * past the gateway's deadline.
 *
 * Real PostgreSQL only (DATABASE_URL): the database's connections are what is cut, and four
 * embedded databases take longer to start than this whole file is meant to run.
 */
const describeWithPostgres = process.env.DATABASE_URL ? describe : describe.skip;

/** The gateway's deadline for one subgraph call in this hub. */
const DEADLINE_MS = 1000;
/**
 * How far past the deadline a request may finish: the deadline is behaviour (no request waits for
 * a department that does not answer), the slack is for a shared 2-core machine's scheduling.
 */
const SLACK_MS = 2500;

const QUERY = `query Chaos($code: String!, $organization: ID!, $case: ID!, $unit: ID!) {
  grid(code: $code) { name community { name pairedUnits { name } } partyBranches { name } dutyItems { code } }
  partyOrganization(id: $organization) { name grids { code } }
  case(id: $case) { state grid { code } }
  unit(id: $unit) { name pairings { nodes { community { name } } } }
}`;

/** What each department's failure nulls in the answer ('*': every element of a list). */
const LOST: Record<string, Array<Array<string>>> = {
  grid: [['grid'], ['partyOrganization', 'grids'], ['case', 'grid'], ['unit', 'pairings', 'nodes', '*', 'community']],
  'party-building': [['grid', 'partyBranches'], ['partyOrganization']],
  services: [['grid', 'dutyItems'], ['case']],
  'co-building': [['grid', 'community', 'pairedUnits'], ['unit']],
};

/** The concrete paths of a pattern in an answer. */
function expand(data: any, pattern: string[], prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (!pattern.length) return [prefix];
  const [head, ...tail] = pattern;
  if (data === null || data === undefined) return [];
  if (head === '*') return (data as unknown[]).flatMap((item, index) => expand(item, tail, [...prefix, index]));
  return expand(data[head], tail, [...prefix, head]);
}

function withNulls(data: any, paths: Array<Array<string | number>>): any {
  const copy = structuredClone(data);
  for (const p of paths) {
    let node = copy;
    for (const key of p.slice(0, -1)) node = node[key];
    node[p[p.length - 1]] = null;
  }
  return copy;
}

/** The value at a path; undefined when a field above it is null. */
function valueAt(data: any, path: Array<string | number>): unknown {
  let node = data;
  for (const key of path) {
    if (node === null || node === undefined) return undefined;
    node = node[key];
  }
  return node;
}

const startsWith = (path: ReadonlyArray<string | number>, prefix: ReadonlyArray<string | number>) =>
  prefix.every((key, i) => path[i] === key);

interface Sample {
  ms: number;
  status: number;
  body: GraphQLResponse;
}

describeWithPostgres('chaos: the hub under load while parts of it fail', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let hub: HubProcess;
  let gatewayAlone: ChildProcess;
  let aloneUrl: string;
  let ports: Record<string, number>;
  let url: string;
  let headers: Record<string, string>;
  let variables: Record<string, string>;
  let whole: any;

  const post = async (target = url, requestHeaders = headers): Promise<Sample> => {
    const started = performance.now();
    const response = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...requestHeaders },
      body: JSON.stringify({ query: QUERY, variables }),
    });
    const body = (await response.json()) as GraphQLResponse;
    return { ms: performance.now() - started, status: response.status, body };
  };

  /**
   * Four clients sending the query while `during` runs, each pausing 20 ms between answer and next
   * request (a steady load that leaves the restarting services some of the two cores); every answer.
   */
  async function underLoad(during: () => Promise<void>): Promise<Sample[]> {
    const samples: Sample[] = [];
    let running = true;
    const clients = Array.from({ length: 4 }, async () => {
      while (running) {
        samples.push(await post());
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    try {
      await during();
    } finally {
      running = false;
      await Promise.all(clients);
    }
    return samples;
  }

  /**
   * The answer is whole but for the fields of departments in `lost` (all null) and in `mayLose`
   * (each either null or whole: a request in flight as a department died may have got some of its
   * fields), every null with an error on its path from that department, and no other error.
   */
  function expectAnswer(sample: Sample, { lost = [], mayLose = [] }: { lost?: string[]; mayLose?: string[] } = {}) {
    expect(sample.status).toBe(200);
    const data = sample.body.data;
    const nulled: Array<{ department: string; path: Array<string | number> }> = [];
    for (const department of [...lost, ...mayLose]) {
      for (const path of LOST[department].flatMap((pattern) => expand(whole, pattern))) {
        const value = valueAt(data, path);
        if (value === undefined) continue; // under a field another department lost
        if (value === null) nulled.push({ department, path });
        else if (lost.includes(department)) throw new Error(`${path.join('.')} arrived though ${department} is down`);
      }
    }
    expect(data).toEqual(
      withNulls(
        whole,
        nulled.map((n) => n.path),
      ),
    );
    for (const error of sample.body.errors ?? []) {
      const owner = nulled.find((n) => startsWith(error.path ?? [], n.path));
      expect({ path: error.path, ...error.extensions }).toMatchObject({
        code: 'SUBGRAPH_UNAVAILABLE',
        serviceName: owner?.department ?? 'a department whose field is null',
      });
    }
    for (const n of nulled)
      expect(
        sample.body.errors?.some((e) => e.extensions?.serviceName === n.department && startsWith(e.path ?? [], n.path)),
      ).toBe(true);
  }

  const expectBounded = (samples: Sample[]) => {
    expect(samples.length).toBeGreaterThan(0);
    expect(Math.max(...samples.map((s) => s.ms))).toBeLessThan(DEADLINE_MS + SLACK_MS);
  };

  const ready = async () => {
    const response = await fetch(url.replace(/\/graphql$/, '/ready'));
    return {
      status: response.status,
      body: (await response.json()) as { subgraphs: Record<string, string>; down?: Record<string, string> },
    };
  };

  async function untilReady() {
    for (;;) {
      if ((await ready()).status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    // Migrate and load the demo district, each department into its schema of the test database.
    for (const entry of SUBGRAPHS) {
      const definition = definitionOf(entry.name);
      const opened = await openDatabase({
        service: entry.name,
        schema: entry.schema,
        entities: definition.entities,
        migrationsPath: definition.migrationsPath,
        url: database.databaseUrl,
        dataDir: '',
      });
      try {
        await definition.seedDemo?.(opened.orm.em.fork());
      } finally {
        await opened.close();
      }
    }
    const server = new URL(database.databaseUrl!);
    proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
    const throughProxy = new URL(database.databaseUrl!);
    throughProxy.hostname = '127.0.0.1';
    throughProxy.port = String(proxy.port);

    ports = { gateway: await freePort() };
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: throughProxy.toString(),
      PORT: String(ports.gateway),
      SUBGRAPH_TIMEOUT_MS: String(DEADLINE_MS),
      LOG_LEVEL: 'info',
      RATE_LIMIT_PER_MINUTE: '0',
      DEMO_DATA: 'off',
    };
    for (const entry of SUBGRAPHS) {
      ports[entry.name] = await freePort();
      env[`${entry.name.toUpperCase().replace(/-/g, '_')}_PORT`] = String(ports[entry.name]);
    }
    // A second gateway, started alone and given only the subgraphs' ports (it calls them there), for
    // the case that stops a gateway; it starts while the hub does.
    const alonePort = await freePort();
    const aloneEnv: NodeJS.ProcessEnv = { ...env, PORT: String(alonePort), SUBGRAPH_TIMEOUT_MS: '5000' };
    [hub, gatewayAlone] = await Promise.all([
      startHubProcess(env),
      startChildService(path.resolve(__dirname, '../gateway/index.js'), aloneEnv, 'gateway ready'),
    ]);
    aloneUrl = `http://127.0.0.1:${alonePort}/graphql`;
    url = `http://127.0.0.1:${ports.gateway}/graphql`;
    headers = { authorization: `Bearer ${await issueDevToken({ role: 'CITY_ADMIN', subject: 'chaos' })}` };

    const code = demoDistrict().grids[0].code;
    const idsQuery = `query ($code: String!) {
      grid(code: $code) { partyBranches { id } cases(first: 1) { nodes { id } } community { pairedUnits { id } } } }`;
    // A cold hub's first answers can pass the short deadline on a loaded machine: warm it up first.
    let ids = await postGraphQL(url, idsQuery, { code }, headers);
    for (let attempt = 0; ids.errors && attempt < 10; attempt += 1)
      ids = await postGraphQL(url, idsQuery, { code }, headers);
    const grid = ids.data.grid;
    variables = {
      code,
      organization: grid.partyBranches[0].id,
      case: grid.cases.nodes[0].id,
      unit: grid.community.pairedUnits[0].id,
    };
    const first = await post();
    expect(first.body.errors).toBeUndefined();
    whole = first.body.data;
    // The query does reach into every department, and across them.
    expect(whole.grid.community.pairedUnits.length).toBeGreaterThan(0);
    expect(whole.partyOrganization.grids.length).toBeGreaterThan(0);
    expect(whole.case.grid.code).toMatch(/^370783/);
    expect(whole.unit.pairings.nodes.length).toBeGreaterThan(0);
  }, 180_000);

  afterAll(async () => {
    if (gatewayAlone?.exitCode === null) gatewayAlone.kill('SIGKILL');
    expect(await hub?.stop()).toBe(0);
    await proxy?.close();
    await database?.drop();
  });

  it.each(SUBGRAPHS.map((s) => s.name))(
    "%s hung: requests end at the deadline with the other departments' fields",
    async (department) => {
      const pid = hub.pidOf(department);
      let whileHung: Sample | undefined;
      let readiness: Awaited<ReturnType<typeof ready>> | undefined;
      const samples = await underLoad(async () => {
        process.kill(pid, 'SIGSTOP');
        try {
          [whileHung, readiness] = await Promise.all([post(), ready()]);
        } finally {
          process.kill(pid, 'SIGCONT');
        }
      });
      expectAnswer(whileHung!, { lost: [department] });
      expect(whileHung!.body.errors![0].message).toBe(
        `The ${department} service did not answer within ${DEADLINE_MS} ms`,
      );
      expect(readiness!.status).toBe(503);
      expect(readiness!.body.down).toEqual({ [department]: `no answer within ${DEADLINE_MS} ms` });
      for (const sample of samples) expectAnswer(sample, { mayLose: [department] });
      expectBounded(samples);
      await untilReady();
      expectAnswer(await post());
    },
  );

  it('each subgraph killed in turn: the others keep answering, /ready names it, and the supervisor starts it again', async () => {
    // Killed one after another without waiting for the restarts, so the restarts overlap: while
    // one department is down, the ones killed before it may still be starting, the ones after it
    // must answer in full.
    const order = ['co-building', 'services', 'party-building', 'grid'];
    const from = hub.lineCount();
    const pids = Object.fromEntries(order.map((department) => [department, hub.pidOf(department)]));
    const samples = await underLoad(async () => {
      for (const [index, department] of order.entries()) {
        process.kill(pids[department], 'SIGKILL');
        const logged = await hub.waitForLog(
          new RegExp(`^${department} stopped unexpectedly \\(signal SIGKILL\\); restarting it in 500 ms`),
          from,
        );
        expect(logged).toMatchObject({ service: department, attempt: 1, delayMs: 500 });
        // The supervisor waits half a second, and a department takes longer than that to listen again.
        const [whileDown, readiness] = await Promise.all([post(), ready()]);
        expectAnswer(whileDown, { lost: [department], mayLose: order.slice(0, index) });
        expect(whileDown.body.errors!.find((e) => e.extensions?.serviceName === department)!.message).toBe(
          `The ${department} service is unavailable`,
        );
        expect(readiness.status).toBe(503);
        expect(readiness.body.down).toMatchObject({ [department]: 'not reachable' });
        for (const other of order.slice(index + 1)) expect(readiness.body.subgraphs[other]).toBe('ok');
      }
      for (const department of order) await hub.waitForLog(new RegExp(`^${department} is back`), from);
    });
    for (const sample of samples) expectAnswer(sample, { mayLose: order });
    for (const department of order) expect(hub.pidOf(department)).not.toBe(pids[department]);
    await untilReady();
    expectAnswer(await post());
  });

  /** Answers under load while `disturb` runs, then until every department answers from the database again. */
  async function whileTheDatabaseFails(disturb: () => Promise<void>): Promise<Sample[]> {
    return underLoad(async () => {
      await disturb();
      // Reconnected: a whole answer again, every department having read its database.
      for (;;) {
        const sample = await post();
        if (!sample.body.errors) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
  }

  /** A request in flight when the database failed may fail, on the fields of its department, never for long. */
  function expectFailuresOnlyWhereTheDatabaseWasNeeded(samples: Sample[]) {
    expectBounded(samples);
    for (const sample of samples) {
      expect(sample.status).toBe(200);
      if (sample.body.errors) for (const error of sample.body.errors) expect(error.path?.length).toBeGreaterThan(0);
      else expect(sample.body.data).toEqual(whole);
    }
    expect(samples.filter((s) => !s.body.errors).length).toBeGreaterThan(0);
  }

  it('PostgreSQL ends every connection of the hub (pg_terminate_backend): the subgraphs reconnect', async () => {
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    const name = new URL(database.databaseUrl!).pathname.slice(1);
    try {
      let terminated = 0;
      const samples = await whileTheDatabaseFails(async () => {
        const { rows } = await admin.query(
          'select count(*) filter (where pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
          [name],
        );
        terminated = rows[0].n;
      });
      // Each of the four subgraphs held at least one connection.
      expect(terminated).toBeGreaterThanOrEqual(4);
      expectFailuresOnlyWhereTheDatabaseWasNeeded(samples);
    } finally {
      await admin.end();
    }
    await untilReady();
  });

  it('the database goes away for a second (the proxy cuts and refuses connections): requests fail fast, then the hub answers again', async () => {
    const samples = await whileTheDatabaseFails(async () => {
      proxy.cut(1000);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    });
    expectFailuresOnlyWhereTheDatabaseWasNeeded(samples);
    await untilReady();
  });

  it('the gateway stopped with requests in flight finishes every one of them, then exits 0', async () => {
    expectAnswer(await post(aloneUrl));

    const served = async () => {
      const internal = await mintInternalToken(
        { subject: 'service:chaos', role: 'SERVICE', claims: {}, territory: null },
        60,
      );
      const text = await (
        await fetch(`http://127.0.0.1:${ports.grid}/metrics`, { headers: { authorization: `Bearer ${internal}` } })
      ).text();
      return Number(/hub_graphql_requests_total\{[^}]*\} (\d+)/.exec(text)![1]);
    };
    const before = await served();
    // The database holds every answer, so the requests wait inside the gateway for the grid subgraph.
    proxy.hold();
    try {
      // Different callers: identical reads in flight together would be one call to the subgraph.
      const callers = await Promise.all(
        [1, 2, 3, 4, 5, 6].map(async (n) => ({
          authorization: `Bearer ${await issueDevToken({ role: 'CITY_ADMIN', subject: `in-flight-${n}` })}`,
        })),
      );
      const answers = Promise.all(callers.map((caller) => post(aloneUrl, caller)));
      while ((await served()) < before + callers.length) await new Promise((resolve) => setTimeout(resolve, 20));
      const exited = stopChildService(gatewayAlone, 'SIGTERM');
      // Stopping: the gateway takes no new connection, and still owes six answers.
      while (await accepts(Number(new URL(aloneUrl).port))) await new Promise((resolve) => setTimeout(resolve, 20));
      proxy.resume();
      const samples = await answers;
      expect(samples).toHaveLength(callers.length);
      for (const sample of samples) expectAnswer(sample);
      expect(await exited).toBe(0);
    } finally {
      proxy.resume();
    }
  });
});

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
