import {
  checkCityAdmin,
  checkCommunityOrUnitWrite,
  checkCommunityWrite,
  checkGradingParty,
  checkRaiseWish,
  checkUnitWrite,
  checkWishClaimant,
  checkWithdrawWish,
  mayReadReport,
  mayReadWish,
  reportScope,
  requireSignedIn,
  wishScope,
} from '../../subgraphs/co-building/access';
import { reportConditions } from '../../subgraphs/co-building/member-report/member-report.store';
import { wishConditions } from '../../subgraphs/co-building/wish/wish.store';
import { writtenConditions } from './written-conditions';
import { domainErrorOf } from './expect-domain-error';
import { viewerOf } from './viewers';

/** Who may read and change co-building data: the rules of subgraphs/co-building/access.ts. */
const territory = { streetIds: ['s1'], communityIds: ['c1', 'c2'], gridIds: ['g1', 'g2', 'g3'] };
const admin = viewerOf('CITY_ADMIN');
const analyst = viewerOf('ANALYST');
const auditor = viewerOf('AUDITOR');
const service = viewerOf('SERVICE');
const street = viewerOf('STREET_STAFF', { claims: { streetId: 's1' }, territory });
const community = viewerOf('COMMUNITY_STAFF', {
  claims: { communityId: 'c1' },
  territory: { streetIds: ['s1'], communityIds: ['c1'], gridIds: ['g1'] },
});
const worker = viewerOf('GRID_WORKER', {
  claims: { workerId: 'w1' },
  territory: { streetIds: ['s1'], communityIds: ['c1'], gridIds: ['g1'] },
});
const liaison = viewerOf('UNIT_LIAISON', { claims: { unitId: 'u1' } });
const partyOrg = viewerOf('PARTY_ORG', { claims: { organizationId: 'o1' } });
const resident = viewerOf('RESIDENT', { claims: { residentId: 'r1' } });
const department = viewerOf('DEPARTMENT', { claims: { department: '民政' } });
const anonymous = viewerOf('ANONYMOUS');

const report = (communityId: string, unitId: string, unitPartyOrganizationId: string | null = null) => ({
  communityId,
  unitId,
  unitPartyOrganizationId,
});
const wish = (
  over: Partial<{ communityId: string; residentId: string; status: string; claimedByUnitId: string | null }> = {},
) => ({
  communityId: 'c9',
  residentId: 'r9',
  status: 'CLAIMED',
  claimedByUnitId: null,
  ...over,
});

describe('signing in', () => {
  it('asks an anonymous caller to sign in, for every field of the subgraph', () => {
    const error = domainErrorOf(() => requireSignedIn(anonymous, 'Query.publishedReportsOfCommunity'));
    expect({ code: error.code, field: error.field, message: error.message }).toEqual({
      code: 'UNAUTHENTICATED',
      field: 'authorization',
      message: 'Query.publishedReportsOfCommunity needs a signed-in caller',
    });
    for (const viewer of [resident, department, liaison, service])
      expect(() => requireSignedIn(viewer, 'Query.units')).not.toThrow();
  });
});

describe('reading member reports and pledges (about people)', () => {
  it('lets the district-wide roles read every report', () => {
    for (const viewer of [admin, analyst, auditor, service]) {
      expect(reportScope(viewer).all).toBe(true);
      expect(mayReadReport(viewer, report('c9', 'u9'))).toBe(true);
    }
  });

  it('lets street, community and grid staff read the reports to the communities of their territory', () => {
    expect(reportScope(street)).toEqual({
      all: false,
      communityIds: ['c1', 'c2'],
      unitIds: [],
      partyOrganizationIds: [],
    });
    expect(mayReadReport(street, report('c2', 'u9'))).toBe(true);
    expect(mayReadReport(community, report('c1', 'u9'))).toBe(true);
    expect(mayReadReport(community, report('c2', 'u9'))).toBe(false);
    expect(mayReadReport(worker, report('c1', 'u9'))).toBe(true);
    expect(mayReadReport(worker, report('c3', 'u9'))).toBe(false);
  });

  it("lets a unit's liaison read its own members' reports wherever they live", () => {
    expect(reportScope(liaison)).toEqual({ all: false, communityIds: [], unitIds: ['u1'], partyOrganizationIds: [] });
    expect(mayReadReport(liaison, report('c9', 'u1'))).toBe(true);
    expect(mayReadReport(liaison, report('c1', 'u2'))).toBe(false);
  });

  it('lets a Party organisation read the reports from the units it is the Party organisation of', () => {
    expect(mayReadReport(partyOrg, report('c9', 'u9', 'o1'))).toBe(true);
    expect(mayReadReport(partyOrg, report('c9', 'u9', 'o2'))).toBe(false);
    expect(mayReadReport(partyOrg, report('c9', 'u9', null))).toBe(false);
  });

  it('shows residents, departments and anonymous callers none', () => {
    for (const viewer of [resident, department, anonymous]) {
      expect(reportScope(viewer)).toEqual({ all: false, communityIds: [], unitIds: [], partyOrganizationIds: [] });
      expect(mayReadReport(viewer, report('c1', 'u1', 'o1'))).toBe(false);
    }
  });

  it('turns the scope into one SQL condition: none for all, any-of for some, no row for nothing', () => {
    const conditionsOf = (viewer: typeof admin) => writtenConditions((p) => reportConditions(reportScope(viewer), p));
    expect(conditionsOf(admin)).toEqual({ conditions: [], values: [] });
    expect(conditionsOf(street)).toEqual({ conditions: ['"community_id" = any($1)'], values: [['c1', 'c2']] });
    expect(conditionsOf(liaison)).toEqual({ conditions: ['"unit_id" = any($1)'], values: [['u1']] });
    expect(conditionsOf(partyOrg)).toEqual({
      conditions: ['"unit_id" in (select "id" from "co_building"."unit" where "party_organization_id" = any($1))'],
      values: [['o1']],
    });
    expect(conditionsOf(resident)).toEqual({ conditions: ['false'], values: [] });
  });
});

describe('reading wishes', () => {
  it('lets a resident read their own wishes only', () => {
    expect(mayReadWish(resident, wish({ residentId: 'r1' }))).toBe(true);
    expect(mayReadWish(resident, wish({ residentId: 'r2', status: 'OPEN' }))).toBe(false);
    expect(writtenConditions((p) => wishConditions(wishScope(resident), p))).toEqual({
      conditions: ['"resident_id" = any($1)'],
      values: [['r1']],
    });
  });

  it('lets staff read the wishes of their communities, and the district-wide roles all', () => {
    expect(mayReadWish(community, wish({ communityId: 'c1' }))).toBe(true);
    expect(mayReadWish(community, wish({ communityId: 'c2' }))).toBe(false);
    expect(mayReadWish(street, wish({ communityId: 'c2' }))).toBe(true);
    expect(mayReadWish(analyst, wish())).toBe(true);
    expect(writtenConditions((p) => wishConditions(wishScope(admin), p))).toEqual({ conditions: [], values: [] });
  });

  it("lets a unit's liaison read the open wishes and those its unit claimed", () => {
    expect(mayReadWish(liaison, wish({ status: 'OPEN' }))).toBe(true);
    expect(mayReadWish(liaison, wish({ status: 'FULFILLED', claimedByUnitId: 'u1' }))).toBe(true);
    expect(mayReadWish(liaison, wish({ status: 'CLAIMED', claimedByUnitId: 'u2' }))).toBe(false);
    expect(mayReadWish(liaison, wish({ status: 'CLAIMED' }))).toBe(false);
    expect(writtenConditions((p) => wishConditions(wishScope(liaison), p))).toEqual({
      conditions: ['"status" = $1 or "claimed_by_unit_id" = any($2)'],
      values: ['OPEN', ['u1']],
    });
  });

  it('shows Party organisations, departments and anonymous callers none', () => {
    for (const viewer of [partyOrg, department, anonymous]) {
      expect(mayReadWish(viewer, wish({ status: 'OPEN', residentId: 'r1', communityId: 'c1' }))).toBe(false);
      expect(writtenConditions((p) => wishConditions(wishScope(viewer), p))).toEqual({
        conditions: ['false'],
        values: [],
      });
    }
  });
});

describe('changing organisational data', () => {
  it('keeps the unit register, categories, pledge limit and figures to the city administrator', () => {
    expect(() => checkCityAdmin(admin, 'registering a unit')).not.toThrow();
    const error = domainErrorOf(() => checkCityAdmin(community, 'registering a unit'));
    expect({ code: error.code, message: error.message, scope: error.details.scope }).toEqual({
      code: 'FORBIDDEN',
      message: 'registering a unit is for CITY_ADMIN; the caller is COMMUNITY_STAFF',
      scope: 'CITY_ADMIN',
    });
    expect(domainErrorOf(() => checkCityAdmin(anonymous, 'registering a unit')).code).toBe('UNAUTHENTICATED');
  });

  it("lets a community's and a street's staff change their communities' lists, not another's", () => {
    expect(() => checkCommunityWrite(community, 'c1', 'creating a service post', 'input.communityId')).not.toThrow();
    expect(() => checkCommunityWrite(street, 'c2', 'creating a service post', 'input.communityId')).not.toThrow();
    expect(() => checkCommunityWrite(admin, 'c9', 'creating a service post', 'input.communityId')).not.toThrow();
    const error = domainErrorOf(() =>
      checkCommunityWrite(community, 'c2', 'creating a service post', 'input.communityId'),
    );
    expect({ code: error.code, field: error.field, message: error.message, scope: error.details.scope }).toEqual({
      code: 'FORBIDDEN',
      field: 'input.communityId',
      message: 'creating a service post: input.communityId is outside the scope of this COMMUNITY_STAFF',
      scope: 'COMMUNITY_STAFF:communityId=c1',
    });
    // Grid workers and liaisons do not run a community's lists; analysts never write.
    for (const viewer of [worker, liaison, analyst]) {
      expect(
        domainErrorOf(() => checkCommunityWrite(viewer, 'c1', 'creating a service post', 'input.communityId')).details
          .scope,
      ).toBe('CITY_ADMIN|STREET_STAFF|COMMUNITY_STAFF');
    }
  });

  it("lets a unit's liaison act for its own unit only", () => {
    expect(() => checkUnitWrite(liaison, 'u1', 'claiming a project', 'input.unitId')).not.toThrow();
    expect(() => checkUnitWrite(admin, 'u2', 'claiming a project', 'input.unitId')).not.toThrow();
    const error = domainErrorOf(() => checkUnitWrite(liaison, 'u2', 'claiming a project', 'input.unitId'));
    expect({ code: error.code, field: error.field, scope: error.details.scope }).toEqual({
      code: 'FORBIDDEN',
      field: 'input.unitId',
      scope: 'UNIT_LIAISON:unitId=u1',
    });
    expect(
      domainErrorOf(() => checkUnitWrite(community, 'u1', 'claiming a project', 'input.unitId')).details.scope,
    ).toBe('CITY_ADMIN|UNIT_LIAISON');
    expect(domainErrorOf(() => checkUnitWrite(liaison, null, 'confirming for the unit', 'input.projectId')).field).toBe(
      'input.projectId',
    );
  });

  it("lets either the community's staff or the unit's liaison change what both share, naming the side at fault", () => {
    const fields = { community: 'input.communityId', unit: 'input.unitId' };
    expect(() =>
      checkCommunityOrUnitWrite(liaison, { communityId: 'c9', unitId: 'u1' }, 'reporting a member', fields),
    ).not.toThrow();
    expect(() =>
      checkCommunityOrUnitWrite(community, { communityId: 'c1', unitId: 'u9' }, 'reporting a member', fields),
    ).not.toThrow();
    expect(
      domainErrorOf(() =>
        checkCommunityOrUnitWrite(liaison, { communityId: 'c1', unitId: 'u2' }, 'reporting a member', fields),
      ).field,
    ).toBe('input.unitId');
    expect(
      domainErrorOf(() =>
        checkCommunityOrUnitWrite(community, { communityId: 'c2', unitId: 'u1' }, 'reporting a member', fields),
      ).field,
    ).toBe('input.communityId');
    expect(
      domainErrorOf(() =>
        checkCommunityOrUnitWrite(liaison, { communityId: 'c1', unitId: null }, 'adding a resource', fields),
      ).message,
    ).toBe('adding a resource: input.unitId is outside the scope of this UNIT_LIAISON');
    expect(
      domainErrorOf(() =>
        checkCommunityOrUnitWrite(resident, { communityId: 'c1', unitId: 'u1' }, 'reporting a member', fields),
      ).code,
    ).toBe('FORBIDDEN');
  });

  it('lets the city administrator grade, and a Party organisation only in its own name', () => {
    expect(() => checkGradingParty(admin, 'o9', 'input.gradedByOrganizationId')).not.toThrow();
    expect(() => checkGradingParty(partyOrg, 'o1', 'input.gradedByOrganizationId')).not.toThrow();
    expect(domainErrorOf(() => checkGradingParty(partyOrg, 'o2', 'input.gradedByOrganizationId')).details.scope).toBe(
      'PARTY_ORG:organizationId=o1',
    );
    expect(domainErrorOf(() => checkGradingParty(street, 'o1', 'input.gradedByOrganizationId')).details.scope).toBe(
      'CITY_ADMIN|PARTY_ORG',
    );
  });
});

describe('changing wishes', () => {
  const home = { gridId: 'g1', communityId: 'c1' };

  it('lets a resident raise their own wish and staff raise one for a resident of their grid or community', () => {
    expect(() => checkRaiseWish(resident, 'r1', home, 'input.residentId')).not.toThrow();
    expect(() => checkRaiseWish(worker, 'r7', home, 'input.residentId')).not.toThrow();
    expect(() => checkRaiseWish(community, 'r7', home, 'input.residentId')).not.toThrow();
    expect(domainErrorOf(() => checkRaiseWish(resident, 'r2', home, 'input.residentId')).details.scope).toBe(
      'RESIDENT:residentId=r1',
    );
    expect(
      domainErrorOf(() => checkRaiseWish(worker, 'r7', { gridId: 'g2', communityId: 'c1' }, 'input.residentId')).field,
    ).toBe('input.residentId');
    expect(domainErrorOf(() => checkRaiseWish(liaison, 'r7', home, 'input.residentId')).details.scope).toBe(
      'CITY_ADMIN|STREET_STAFF|COMMUNITY_STAFF|GRID_WORKER|RESIDENT',
    );
  });

  it("lets a liaison claim for its own unit and the community's staff record any claim there", () => {
    const fields = { wish: 'input.wishId', claimant: 'input.unitId' };
    const open = { id: 'w1', communityId: 'c1' };
    expect(() => checkWishClaimant(liaison, open, 'u1', 'claiming a wish', fields)).not.toThrow();
    expect(() => checkWishClaimant(community, open, null, 'claiming a wish', fields)).not.toThrow();
    expect(domainErrorOf(() => checkWishClaimant(liaison, open, 'u2', 'claiming a wish', fields)).field).toBe(
      'input.unitId',
    );
    expect(
      domainErrorOf(() =>
        checkWishClaimant(liaison, open, null, 'claiming a wish', { ...fields, claimant: 'input.memberId' }),
      ).field,
    ).toBe('input.memberId');
    const other = domainErrorOf(() =>
      checkWishClaimant(community, { id: 'w2', communityId: 'c2' }, null, 'claiming a wish', fields),
    );
    expect({ field: other.field, message: other.message }).toEqual({
      field: 'input.wishId',
      message: 'claiming a wish: input.wishId is outside the scope of this COMMUNITY_STAFF',
    });
    expect(domainErrorOf(() => checkWishClaimant(resident, open, null, 'claiming a wish', fields)).code).toBe(
      'FORBIDDEN',
    );
  });

  it("lets the resident or the community's staff withdraw a wish", () => {
    expect(() =>
      checkWithdrawWish(resident, { id: 'w1', communityId: 'c1', residentId: 'r1' }, 'input.wishId'),
    ).not.toThrow();
    expect(() =>
      checkWithdrawWish(community, { id: 'w1', communityId: 'c1', residentId: 'r2' }, 'input.wishId'),
    ).not.toThrow();
    expect(
      domainErrorOf(() =>
        checkWithdrawWish(resident, { id: 'w1', communityId: 'c1', residentId: 'r2' }, 'input.wishId'),
      ).code,
    ).toBe('FORBIDDEN');
    expect(
      domainErrorOf(() => checkWithdrawWish(liaison, { id: 'w1', communityId: 'c1', residentId: 'r2' }, 'input.wishId'))
        .details.scope,
    ).toBe('CITY_ADMIN|STREET_STAFF|COMMUNITY_STAFF|RESIDENT');
  });
});
