import { demoDistrict, demoId } from '../../lib/demo-district';
import type { TestHub } from './test-hub';

/** Demo items (subgraphs/services/demo-data.ts): GD-02 矛盾纠纷, GD-03 环境卫生巡查 (24 h), NC-01 NOT_FOR_COMMUNITY, GA-01 admitted into grid 1. */
export const ITEMS = {
  dispute: demoId(201, 2),
  sanitation: demoId(201, 3),
  certificate: demoId(201, 5),
  admitted: demoId(201, 6),
  notForCommunity: demoId(201, 7),
};

export const CASE_FIELDS = `
  id state level version department category deadline dispatchedAt overdue reopenCount satisfaction allowedActions
  timeline { action fromState toState fromLevel toLevel actor note }
`;

export function place(gridIndex: number) {
  const demo = demoDistrict();
  const grid = demo.grids[gridIndex];
  const community = demo.communities.find((c) => c.id === grid.communityId)!;
  return { gridId: grid.id, communityId: community.id, streetId: community.streetId };
}

export async function report(hub: TestHub, input: Record<string, unknown> = {}) {
  const data = await hub.query(`mutation ($input: ReportCaseInput!) { reportCase(input: $input) { ${CASE_FIELDS} } }`, {
    input: {
      channel: 'APP_PHOTO',
      itemId: ITEMS.sanitation,
      gridId: place(0).gridId,
      description: '垃圾堆放未清运',
      attributes: [{ name: 'problem', value: '垃圾堆放' }],
      ...input,
    },
  });
  return data.reportCase;
}

export async function advance(hub: TestHub, c: { id: string; version: number }, action: string, note?: string) {
  const data = await hub.query(`mutation ($input: CaseStepInput!) { advanceCase(input: $input) { ${CASE_FIELDS} } }`, {
    input: { caseId: c.id, expectedVersion: c.version, action, note },
  });
  return data.advanceCase;
}

export async function dispatch(hub: TestHub, c: { id: string; version: number }, department?: string) {
  const data = await hub.query(
    `mutation ($input: DispatchCaseInput!) { dispatchCase(input: $input) { ${CASE_FIELDS} } }`,
    { input: { caseId: c.id, expectedVersion: c.version, department } },
  );
  return data.dispatchCase;
}

export async function rate(hub: TestHub, c: { id: string; version: number }, satisfaction: string) {
  const data = await hub.query(`mutation ($input: RateCaseInput!) { rateCase(input: $input) { ${CASE_FIELDS} } }`, {
    input: { caseId: c.id, expectedVersion: c.version, satisfaction },
  });
  return data.rateCase;
}

/** From ACCEPTED or RETURNED through dispatch to IN_PROGRESS. */
export async function dispatchAndStart(hub: TestHub, c: { id: string; version: number }) {
  return advance(hub, await dispatch(hub, c), 'START');
}

/** From IN_PROGRESS to CLOSED. */
export async function finish(hub: TestHub, c: { id: string; version: number }) {
  let current = c;
  for (const action of ['RESOLVE', 'VERIFY', 'CLOSE']) current = await advance(hub, current, action);
  return current as any;
}

/** Test-only: write a column of a case directly, for times a test cannot wait for (a deadline in the past). */
export async function setCaseColumn(hub: TestHub, caseId: string, assignment: string) {
  await hub.hub.subgraphs.services.database.orm.em
    .getConnection()
    .execute(`update services.service_case set ${assignment} where id = ?`, [caseId]);
}

export async function caseWrites(hub: TestHub) {
  return {
    cases: await hub.count('services', 'services.service_case'),
    events: await hub.count('services', 'services.case_event'),
  };
}
