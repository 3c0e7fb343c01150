import { demoDistrict, demoId } from '../lib/demo-district';
import { startTestHub, type TestHub } from './support/test-hub';

/** 微心愿: raised by or for a resident, claimed by one member or one unit at a time, fulfilled. */
let hub: TestHub;
const d = demoDistrict();
const resident = d.residents[0]; // lives in 东城第一网格, 东城社区
const taxBureau = demoId(301, 1);
const hospital = demoId(301, 2);
const taxMember = demoId(106, 2);
const missing = '0190f000-0000-7000-8000-000000000000';

const RAISE = `mutation ($r: ID!, $title: String!, $by: String) {
  raiseWish(input: { residentId: $r, title: $title, raisedOnBehalfBy: $by }) { id status version community { id name } resident { name } raisedOnBehalfBy }
}`;
const CLAIM = `mutation ($w: ID!, $m: ID, $u: ID) {
  claimWish(input: { wishId: $w, memberId: $m, unitId: $u }) { status version claimedByUnit { name } claimedByMember { id name } }
}`;

beforeAll(async () => {
  hub = await startTestHub();
  await hub.seedDemo();
  await hub.query(
    `mutation ($m: ID!, $u: ID!, $c: ID!) { reportMember(input: { memberId: $m, unitId: $u, communityId: $c, reportedOn: "2026-01-10" }) { id } }`,
    { m: taxMember, u: taxBureau, c: d.communities[0].id },
  );
});
afterAll(() => hub?.stop());

describe('wishes (微心愿)', () => {
  it('raises a wish for a resident in the community where they live, claims and fulfils it', async () => {
    const raised = await hub.query(RAISE, { r: resident.id, title: '想要一台助听器', by: '网格员张华' });
    expect(raised.raiseWish).toMatchObject({
      status: 'OPEN',
      version: 1,
      community: { id: d.communities[0].id, name: '东城社区' },
      resident: { name: resident.name },
      raisedOnBehalfBy: '网格员张华',
    });
    const wishId = raised.raiseWish.id;
    const claimed = await hub.query(CLAIM, { w: wishId, m: taxMember });
    expect(claimed.claimWish).toEqual({
      status: 'CLAIMED',
      version: 2,
      claimedByUnit: null,
      claimedByMember: { id: taxMember, name: expect.any(String) },
    });
    const fulfilled = await hub.query(
      `mutation ($w: ID!) { fulfilWish(input: { wishId: $w, note: "已送达助听器" }) { status fulfilmentNote fulfilledAt } }`,
      { w: wishId },
    );
    expect(fulfilled.fulfilWish).toMatchObject({ status: 'FULFILLED', fulfilmentNote: '已送达助听器' });
    const data = await hub.query(
      `query ($r: ID!, $c: ID!) {
        community(id: $c) { wishes { totalCount nodes { title status } } }
        resident(id: $r) { name wishes { nodes { title claimedByMember { kind } } } }
        wishes(communityId: $c, status: FULFILLED) { totalCount }
      }`,
      { r: resident.id, c: d.communities[0].id },
    );
    expect(data.community.wishes).toEqual({ totalCount: 1, nodes: [{ title: '想要一台助听器', status: 'FULFILLED' }] });
    expect(data.resident).toEqual({
      name: resident.name,
      wishes: { nodes: [{ title: '想要一台助听器', claimedByMember: { kind: 'IN_SERVICE' } }] },
    });
    expect(data.wishes.totalCount).toBe(1);
  });

  it('refuses a second claimant while the wish is claimed, and takes one after release', async () => {
    const wish = (await hub.query(RAISE, { r: resident.id, title: '阳台晾衣架维修', by: null })).raiseWish.id;
    await hub.query(CLAIM, { w: wish, u: hospital });
    const error = await hub.fail(CLAIM, { w: wish, u: taxBureau });
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.wishId' });
    expect(error.message).toBe(`the wish is already claimed by unit ${hospital}; one claimant at a time`);
    const still = await hub.query(`query ($w: ID!) { wish(id: $w) { status version claimedByUnit { name } } }`, {
      w: wish,
    });
    expect(still.wish).toEqual({ status: 'CLAIMED', version: 2, claimedByUnit: { name: '寿光市人民医院' } });
    await hub.query(`mutation ($w: ID!) { releaseWish(input: { wishId: $w }) { status } }`, { w: wish });
    const second = await hub.query(CLAIM, { w: wish, u: taxBureau });
    expect(second.claimWish).toMatchObject({ status: 'CLAIMED', version: 4, claimedByUnit: { name: '寿光市税务局' } });
  });

  it("narrows a community's and a resident's wishes to one status, each list with its own count in one request", async () => {
    const open = (await hub.query(RAISE, { r: resident.id, title: '楼道灯坏了想换', by: null })).raiseWish.id;
    const claimed = (await hub.query(RAISE, { r: resident.id, title: '想学用智能手机', by: null })).raiseWish.id;
    await hub.query(CLAIM, { w: claimed, u: hospital });
    const data = await hub.query(
      `query ($r: ID!, $c: ID!) {
        community(id: $c) {
          all: wishes(first: 100) { totalCount nodes { id status } }
          open: wishes(status: OPEN, first: 100) { totalCount nodes { id status } }
          claimed: wishes(status: CLAIMED, first: 100) { totalCount nodes { id status } }
        }
        resident(id: $r) { open: wishes(status: OPEN, first: 100) { nodes { id } } }
      }`,
      { r: resident.id, c: d.communities[0].id },
    );
    const { all, open: openList, claimed: claimedList } = data.community;
    const byStatus = (status: string) =>
      all.nodes.filter((wish: { status: string }) => wish.status === status).map((wish: { id: string }) => wish.id);
    expect(openList.nodes.map((wish: { id: string }) => wish.id)).toEqual(byStatus('OPEN'));
    expect(claimedList.nodes.map((wish: { id: string }) => wish.id)).toEqual(byStatus('CLAIMED'));
    expect(openList.nodes.map((wish: { id: string }) => wish.id)).toContain(open);
    expect(claimedList.nodes.map((wish: { id: string }) => wish.id)).toContain(claimed);
    expect(openList.totalCount).toBe(byStatus('OPEN').length);
    expect(claimedList.totalCount).toBe(byStatus('CLAIMED').length);
    expect(all.totalCount).toBe(all.nodes.length);
    expect(data.resident.open.nodes.map((wish: { id: string }) => wish.id)).toContain(open);
    expect(data.resident.open.nodes.map((wish: { id: string }) => wish.id)).not.toContain(claimed);
  });

  it('lets only one of two simultaneous claims win', async () => {
    const wish = (await hub.query(RAISE, { r: resident.id, title: '辅导孩子功课', by: null })).raiseWish.id;
    const results = await Promise.all([
      hub.post(CLAIM, { w: wish, u: hospital }),
      hub.post(CLAIM, { w: wish, m: taxMember }),
    ]);
    const winners = results.filter((r) => !r.errors);
    const losers = results.filter((r) => r.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0].errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.wishId' });
    const final = await hub.query(
      `query ($w: ID!) { wish(id: $w) { version claimedByUnit { id } claimedByMember { id } } }`,
      { w: wish },
    );
    expect(final.wish.version).toBe(2);
    expect([final.wish.claimedByUnit, final.wish.claimedByMember].filter(Boolean)).toHaveLength(1);
  });

  it("refuses an unknown resident, a withdrawn wish's claim and an unreported member, writing nothing", async () => {
    const before = await hub.count('co-building', 'co_building.wish');
    const unknown = await hub.fail(RAISE, { r: missing, title: '无此居民', by: null });
    expect(unknown.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.residentId' });
    expect(unknown.message).toBe(`Resident ${missing} does not exist`);
    expect(await hub.count('co-building', 'co_building.wish')).toBe(before);

    const wish = (await hub.query(RAISE, { r: resident.id, title: '想学剪纸', by: null })).raiseWish.id;
    const unreported = await hub.fail(CLAIM, { w: wish, m: demoId(106, 1) });
    expect(unreported.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.memberId' });
    await hub.query(`mutation ($w: ID!) { withdrawWish(input: { wishId: $w }) { status } }`, { w: wish });
    const closed = await hub.fail(CLAIM, { w: wish, u: hospital });
    expect(closed.message).toBe('a WITHDRAWN wish cannot be claimed');
    const both = await hub.fail(CLAIM, { w: wish, u: hospital, m: taxMember });
    expect(both.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.unitId' });
  });

  it("counts wishes fulfilled by the unit and by its reported members in the year's figures", async () => {
    const wish = (await hub.query(RAISE, { r: d.residents[1].id, title: '修理轮椅', by: null })).raiseWish.id;
    await hub.query(CLAIM, { w: wish, u: taxBureau });
    await hub.query(`mutation ($w: ID!) { fulfilWish(input: { wishId: $w }) { status } }`, { w: wish });
    const data = await hub.query(
      `mutation ($u: ID!, $y: Int!) { computeEvaluation(input: { unitId: $u, year: $y }) { membersReported pledgesHeld wishesFulfilled projectsDone } }`,
      { u: taxBureau, y: new Date().getUTCFullYear() },
    );
    // One fulfilled by the tax bureau's reported member, one by the bureau itself.
    expect(data.computeEvaluation).toMatchObject({ wishesFulfilled: 2 });
  });
});
