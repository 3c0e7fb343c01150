import { randomUUID } from 'node:crypto';
import { demoDistrict } from '../lib/demo-district';
import { advance, dispatch, finish, place, rate, report, setCaseColumn } from './support/services-cases';
import { startTestHub, type TestClient, type TestHub } from './support/test-hub';

/**
 * Case.allowedActions through the gateway, for a sample of cases and callers (every state,
 * role and condition is covered by test/unit/case-actions.test.ts): each step a caller is
 * offered goes through on a case in that condition, and each one it is not offered is refused
 * and leaves the case as it was.
 */
let hub: TestHub;
const demo = demoDistrict();
const A = place(0);
const reporter = demo.residents[0].id;
const callers: Record<string, TestClient> = {};

type Case = { id: string; version: number };

/** The conditions sampled, each built afresh by the city administrator for every step that goes through. */
const CONDITIONS: Record<string, () => Promise<Case>> = {
  'a new report': () => report(hub, { reporterResidentId: reporter }),
  'a dispatched case with an extension waiting': async () => {
    const dispatched = await dispatch(
      hub,
      await advance(hub, await report(hub, { reporterResidentId: reporter }), 'ACCEPT'),
    );
    await hub.query(`mutation ($input: RequestExtensionInput!) { requestCaseExtension(input: $input) { id } }`, {
      input: { caseId: dispatched.id, expectedVersion: dispatched.version, hours: 24, reason: '材料未齐' },
    });
    return { id: dispatched.id, version: dispatched.version + 1 };
  },
  'an overdue case in progress': async () => {
    const started = await advance(
      hub,
      await dispatch(hub, await advance(hub, await report(hub, { reporterResidentId: reporter }), 'ACCEPT')),
      'START',
    );
    await setCaseColumn(hub, started.id, `deadline = now() - interval '1 hour'`);
    return started;
  },
  'a closing not yet rated': async () =>
    finish(
      hub,
      await advance(
        hub,
        await dispatch(hub, await advance(hub, await report(hub, { reporterResidentId: reporter }), 'ACCEPT')),
        'START',
      ),
    ),
  'a rated closing': async () => {
    const closed = await CONDITIONS['a closing not yet rated']();
    return rate(hub, closed, 'SATISFIED');
  },
};

const STEPS = [
  'ACCEPT',
  'CANCEL',
  'DISPATCH',
  'START',
  'RETURN',
  'PARK',
  'RESUME',
  'RESOLVE',
  'VERIFY',
  'CLOSE',
  'ESCALATE',
  'REQUEST_EXTENSION',
  'DECIDE_EXTENSION',
  'SUPERVISE',
  'RATE',
];

/** Take one step on a case as a caller, through the mutation that takes it. */
async function take(client: TestClient, c: Case, action: string) {
  const input = { caseId: c.id, expectedVersion: c.version };
  switch (action) {
    case 'DISPATCH':
      return client.post(`mutation ($input: DispatchCaseInput!) { dispatchCase(input: $input) { id } }`, { input });
    case 'RATE':
      return client.post(`mutation ($input: RateCaseInput!) { rateCase(input: $input) { id } }`, {
        input: { ...input, satisfaction: 'BASIC' },
      });
    case 'REQUEST_EXTENSION':
      return client.post(`mutation ($input: RequestExtensionInput!) { requestCaseExtension(input: $input) { id } }`, {
        input: { ...input, hours: 12, reason: '需要协调' },
      });
    case 'DECIDE_EXTENSION': {
      const { case: found } = await hub.query(`query ($id: ID!) { case(id: $id) { extensions { id } } }`, { id: c.id });
      const extensionId = found.extensions[0]?.id ?? randomUUID();
      return client.post(`mutation ($input: DecideExtensionInput!) { decideCaseExtension(input: $input) { id } }`, {
        input: { ...input, extensionId, approve: true },
      });
    }
    case 'SUPERVISE':
      return client.post(`mutation ($input: SuperviseCaseInput!) { superviseCase(input: $input) { id } }`, { input });
    default:
      return client.post(`mutation ($input: CaseStepInput!) { advanceCase(input: $input) { id } }`, {
        input: { ...input, action, note: '说明' },
      });
  }
}

const versionOf = async (id: string) =>
  (await hub.query(`query ($id: ID!) { case(id: $id) { version } }`, { id })).case.version;

beforeAll(async () => {
  hub = await startTestHub();
  await hub.seedDemo();
  callers.CITY_ADMIN = hub;
  callers.STREET_STAFF = await hub.as({ role: 'STREET_STAFF', claims: { streetId: A.streetId }, subject: 'street-1' });
  callers.GRID_WORKER = await hub.as({
    role: 'GRID_WORKER',
    claims: { workerId: demo.workers[0].id },
    subject: 'worker-1',
  });
  callers.DEPARTMENT = await hub.as({ role: 'DEPARTMENT', claims: { department: '城管局' }, subject: 'cgj-1' });
  callers.RESIDENT = await hub.as({ role: 'RESIDENT', claims: { residentId: reporter }, subject: 'resident-1' });
});
afterAll(() => hub?.stop());

const OFFERED: Record<string, Record<string, string[]>> = {
  'a new report': {
    CITY_ADMIN: ['ACCEPT', 'CANCEL'],
    STREET_STAFF: ['ACCEPT', 'CANCEL'],
    GRID_WORKER: ['ACCEPT', 'CANCEL'],
    DEPARTMENT: [],
    RESIDENT: [],
  },
  'a dispatched case with an extension waiting': {
    CITY_ADMIN: ['START', 'RETURN', 'ESCALATE', 'DECIDE_EXTENSION'],
    STREET_STAFF: ['ESCALATE', 'DECIDE_EXTENSION'],
    GRID_WORKER: ['ESCALATE'],
    DEPARTMENT: ['START', 'RETURN'],
    RESIDENT: [],
  },
  'an overdue case in progress': {
    CITY_ADMIN: ['RETURN', 'PARK', 'RESOLVE', 'ESCALATE', 'REQUEST_EXTENSION', 'SUPERVISE'],
    STREET_STAFF: ['PARK', 'ESCALATE', 'SUPERVISE'],
    GRID_WORKER: ['PARK', 'ESCALATE'],
    DEPARTMENT: ['RETURN', 'RESOLVE', 'REQUEST_EXTENSION'],
    RESIDENT: [],
  },
  'a closing not yet rated': {
    CITY_ADMIN: ['RATE'],
    STREET_STAFF: [],
    GRID_WORKER: [],
    DEPARTMENT: [],
    RESIDENT: ['RATE'],
  },
  'a rated closing': { CITY_ADMIN: [], STREET_STAFF: [], GRID_WORKER: [], DEPARTMENT: [], RESIDENT: [] },
};

describe.each(Object.keys(CONDITIONS))('%s', (condition) => {
  it.each(Object.keys(OFFERED[condition]))('%s is offered what it may take now, and refused the rest', async (role) => {
    const c = await CONDITIONS[condition]();
    const client = callers[role];
    // A case the caller may not see offers it nothing (a department sees a case once it is dispatched to it).
    const seen: { data?: any; errors?: any[] } = await client.post(
      `query ($id: ID!) { case(id: $id) { allowedActions } }`,
      { id: c.id },
    );
    const offered: string[] =
      seen.data?.case?.allowedActions ?? (seen.errors?.[0]?.extensions?.code === 'FORBIDDEN' ? [] : seen.errors);
    expect(offered).toEqual(OFFERED[condition][role]);

    for (const action of STEPS) {
      if (offered.includes(action)) {
        const answer = await take(client, await CONDITIONS[condition](), action);
        expect({ action, errors: answer.errors ?? [] }).toEqual({ action, errors: [] });
      } else {
        const answer = await take(client, c, action);
        // Deciding an extension names one: with none on the case, the one named does not exist.
        const refusals = action === 'DECIDE_EXTENSION' ? /^(FORBIDDEN|CONFLICT|NOT_FOUND)$/ : /^(FORBIDDEN|CONFLICT)$/;
        expect({ action, code: answer.errors?.[0]?.extensions?.code }).toEqual({
          action,
          code: expect.stringMatching(refusals),
        });
      }
    }
    expect(await versionOf(c.id)).toBe(c.version);
  });
});
