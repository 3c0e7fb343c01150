import type { Role } from '../../lib/auth/roles';
import {
  checkCareTagFilter,
  checkPeopleWrite,
  checkStreetWrite,
  checkStructureWrite,
  checkVisitWrite,
  householdInScope,
  outsideScope,
  peopleScope,
  requirePeopleScope,
  requireSignedIn,
  requireVisitLogScope,
  residentInScope,
  seesCareTags,
  visitInScope,
  workerPhoneInScope,
} from '../../subgraphs/grid/access';
import { domainErrorOf } from './expect-domain-error';
import { viewerOf } from './viewers';

const S1 = '0190f000-0000-7000-8000-000000000001';
const S2 = '0190f000-0000-7000-8000-000000000002';
const GRID_A = '0190f000-0000-7000-8000-00000000000a';
const GRID_B = '0190f000-0000-7000-8000-00000000000b';
const ME = '0190f000-0000-7000-8000-0000000000e1';
const OTHER = '0190f000-0000-7000-8000-0000000000e2';
const MY_HOUSEHOLD = '0190f000-0000-7000-8000-0000000000f1';
const WORKER = '0190f000-0000-7000-8000-0000000000c1';

const territory = { streetIds: [S1], communityIds: ['c1'], gridIds: [GRID_A] };
const worker = viewerOf('GRID_WORKER', { claims: { workerId: WORKER }, territory });
const street = viewerOf('STREET_STAFF', { claims: { streetId: S1 }, territory });
const community = viewerOf('COMMUNITY_STAFF', { claims: { communityId: 'c1' }, territory });
const resident = viewerOf('RESIDENT', { claims: { residentId: ME } });
const anonymous = viewerOf('ANONYMOUS');
const roleOnly = (role: Role) => viewerOf(role);

describe('who may read the grid map', () => {
  it('asks an anonymous caller to sign in and lets every signed-in role through', () => {
    expect(domainErrorOf(() => requireSignedIn(anonymous, 'the query grids'))).toMatchObject({
      code: 'UNAUTHENTICATED',
      field: 'authorization',
    });
    for (const role of [
      'CITY_ADMIN',
      'ANALYST',
      'DEPARTMENT',
      'PARTY_ORG',
      'UNIT_LIAISON',
      'RESIDENT',
      'SERVICE',
    ] as Role[]) {
      expect(() => requireSignedIn(roleOnly(role), 'the query grids')).not.toThrow();
    }
  });
});

describe('the people records each role sees', () => {
  it('gives district-wide roles the district, territorial roles their grids and a resident themself', () => {
    for (const role of ['CITY_ADMIN', 'ANALYST', 'AUDITOR', 'SERVICE'] as Role[])
      expect(peopleScope(roleOnly(role))).toEqual({ kind: 'DISTRICT' });
    expect(peopleScope(worker)).toEqual({ kind: 'GRIDS', gridIds: [GRID_A] });
    expect(peopleScope(street)).toEqual({ kind: 'GRIDS', gridIds: [GRID_A] });
    expect(peopleScope(viewerOf('GRID_WORKER', { claims: { workerId: WORKER } }))).toEqual({
      kind: 'GRIDS',
      gridIds: [],
    });
    expect(peopleScope(resident)).toEqual({ kind: 'SELF', residentId: ME });
  });

  it('gives departments, Party organisations, unit liaisons, anonymous callers and malformed resident claims none', () => {
    expect(peopleScope(viewerOf('DEPARTMENT', { claims: { department: '民政局' } }))).toEqual({ kind: 'NONE' });
    expect(peopleScope(viewerOf('PARTY_ORG', { claims: { organizationId: S1 } }))).toEqual({ kind: 'NONE' });
    expect(peopleScope(viewerOf('UNIT_LIAISON', { claims: { unitId: S1 } }))).toEqual({ kind: 'NONE' });
    expect(peopleScope(anonymous)).toEqual({ kind: 'NONE' });
    expect(peopleScope(viewerOf('RESIDENT', { claims: { residentId: 'not-a-uuid' } }))).toEqual({ kind: 'NONE' });
  });

  it('refuses a people list to a role that sees none, naming the scope, and asks the anonymous caller to sign in', () => {
    const error = domainErrorOf(() =>
      requirePeopleScope(viewerOf('PARTY_ORG', { claims: { organizationId: S1 } }), 'residents'),
    );
    expect(error).toMatchObject({
      code: 'FORBIDDEN',
      message: 'residents are not open to PARTY_ORG',
      details: { scope: 'people-records' },
    });
    expect(domainErrorOf(() => requirePeopleScope(anonymous, 'residents')).code).toBe('UNAUTHENTICATED');
    expect(requirePeopleScope(resident, 'residents')).toEqual({ kind: 'SELF', residentId: ME });
  });

  it('keeps the visit log from residents', () => {
    expect(domainErrorOf(() => requireVisitLogScope(resident))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'visits are not open to RESIDENT',
    });
    expect(requireVisitLogScope(worker)).toEqual({ kind: 'GRIDS', gridIds: [GRID_A] });
    expect(visitInScope(worker, { gridId: GRID_A })).toBe(true);
    expect(visitInScope(worker, { gridId: GRID_B })).toBe(false);
    expect(visitInScope(resident, { gridId: GRID_A })).toBe(false);
    expect(visitInScope(roleOnly('AUDITOR'), { gridId: GRID_B })).toBe(true);
  });

  it("places a resident by the grid of their household's building", () => {
    expect(residentInScope(worker, { id: OTHER, gridId: GRID_A })).toBe(true);
    expect(residentInScope(worker, { id: OTHER, gridId: GRID_B })).toBe(false);
    expect(residentInScope(community, { id: OTHER, gridId: null })).toBe(false);
    expect(residentInScope(roleOnly('ANALYST'), { id: OTHER, gridId: null })).toBe(true);
    expect(residentInScope(resident, { id: ME, gridId: null })).toBe(true);
    expect(residentInScope(resident, { id: OTHER, gridId: GRID_A })).toBe(false);
    expect(
      residentInScope(viewerOf('DEPARTMENT', { claims: { department: '民政局' } }), { id: OTHER, gridId: GRID_A }),
    ).toBe(false);
    expect(residentInScope(anonymous, { id: OTHER, gridId: GRID_A })).toBe(false);
  });

  it('lets a resident see the household they live in and no other', () => {
    expect(householdInScope(resident, { id: MY_HOUSEHOLD, gridId: null }, MY_HOUSEHOLD)).toBe(true);
    expect(householdInScope(resident, { id: OTHER, gridId: GRID_A }, MY_HOUSEHOLD)).toBe(false);
    expect(householdInScope(resident, { id: MY_HOUSEHOLD, gridId: null }, null)).toBe(false);
    expect(householdInScope(street, { id: OTHER, gridId: GRID_A }, null)).toBe(true);
    expect(householdInScope(street, { id: OTHER, gridId: GRID_B }, null)).toBe(false);
  });

  it("names the caller's scope when a record asked for by id lies outside it", () => {
    expect(outsideScope(worker, 'Household', OTHER, 'id')).toMatchObject({
      code: 'FORBIDDEN',
      field: 'id',
      message: `Household ${OTHER} is outside the scope of this GRID_WORKER`,
      details: { scope: `GRID_WORKER:workerId=${WORKER}` },
    });
  });
});

describe('care tags', () => {
  it('shows them to the city, to territorial staff in scope and to the resident; never to analysts, auditors or services', () => {
    expect(seesCareTags(roleOnly('CITY_ADMIN'), true)).toBe(true);
    expect(seesCareTags(worker, true)).toBe(true);
    expect(seesCareTags(worker, false)).toBe(false);
    expect(seesCareTags(resident, true)).toBe(true);
    for (const role of ['ANALYST', 'AUDITOR', 'SERVICE', 'DEPARTMENT'] as Role[])
      expect(seesCareTags(roleOnly(role), true)).toBe(false);
  });

  it('refuses a care-tag filter to those who may not see the tags, naming the field', () => {
    const error = domainErrorOf(() => checkCareTagFilter(roleOnly('ANALYST')));
    expect(error).toMatchObject({ code: 'FORBIDDEN', field: 'careTags', details: { scope: 'care-tags' } });
    expect(() => checkCareTagFilter(street)).not.toThrow();
    expect(() => checkCareTagFilter(roleOnly('CITY_ADMIN'))).not.toThrow();
  });
});

describe("a worker's own phone in full", () => {
  /** The worker's grids, as a look-up that says whether it was made. */
  const gridsOf = (ids: string[]) => jest.fn(async () => ids);

  it('is in scope for the city and for the worker themself without looking up their grids', async () => {
    const grids = gridsOf([GRID_B]);
    expect(await workerPhoneInScope(roleOnly('CITY_ADMIN'), WORKER, grids)).toBe(true);
    expect(await workerPhoneInScope(worker, WORKER, grids)).toBe(true);
    expect(grids).not.toHaveBeenCalled();
  });

  it("is in scope for staff whose territory holds one of the worker's grids, and for no one else", async () => {
    expect(await workerPhoneInScope(street, OTHER, gridsOf([GRID_B, GRID_A]))).toBe(true);
    expect(await workerPhoneInScope(community, OTHER, gridsOf([GRID_B]))).toBe(false);
    expect(await workerPhoneInScope(worker, OTHER, gridsOf([]))).toBe(false);
    const grids = gridsOf([GRID_A]);
    expect(await workerPhoneInScope(roleOnly('ANALYST'), OTHER, grids)).toBe(false);
    expect(await workerPhoneInScope(resident, OTHER, grids)).toBe(false);
    expect(grids).not.toHaveBeenCalled();
  });
});

describe('writing the map', () => {
  const inStreet = { field: 'input.gridId', place: { gridId: GRID_B, communityId: 'c9', streetId: S1 } };
  const elsewhere = { field: 'input.gridId', place: { gridId: GRID_B, communityId: 'c9', streetId: S2 } };

  it("lets the city write anywhere and a street's staff within their street, whatever their cached grid list says", () => {
    expect(() => checkStructureWrite(roleOnly('CITY_ADMIN'), 'creating a building', [elsewhere])).not.toThrow();
    expect(() => checkStructureWrite(street, 'creating a building', [inStreet])).not.toThrow();
    // An unknown record is left to the write itself, which refuses it as NOT_FOUND.
    expect(() =>
      checkStructureWrite(street, 'creating a building', [{ field: 'input.gridId', place: null }]),
    ).not.toThrow();
  });

  it("refuses a street's staff outside their street, naming the field and the caller's street, not the record's", () => {
    const error = domainErrorOf(() =>
      checkStructureWrite(street, 'merging grids', [inStreet, { ...elsewhere, field: 'input.gridIds[1]' }]),
    );
    expect(error).toMatchObject({
      code: 'FORBIDDEN',
      field: 'input.gridIds[1]',
      details: { scope: `STREET_STAFF:streetId=${S1}` },
    });
    expect(error.message).toBe("merging grids: input.gridIds[1] lies outside the caller's street");
  });

  it('refuses every other role, and asks the anonymous caller to sign in', () => {
    for (const viewer of [community, worker, resident, roleOnly('ANALYST'), roleOnly('AUDITOR'), roleOnly('SERVICE')]) {
      expect(domainErrorOf(() => checkStructureWrite(viewer, 'creating a grid', [inStreet])).code).toBe('FORBIDDEN');
    }
    expect(domainErrorOf(() => checkStructureWrite(anonymous, 'creating a grid', [inStreet])).code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('keeps streets themselves to the city', () => {
    expect(() => checkStreetWrite(roleOnly('CITY_ADMIN'), 'creating a street')).not.toThrow();
    expect(domainErrorOf(() => checkStreetWrite(street, 'creating a street'))).toMatchObject({
      code: 'FORBIDDEN',
      details: { scope: 'CITY_ADMIN' },
    });
  });
});

describe('writing people records', () => {
  const inA = { field: 'input.householdId', place: { gridId: GRID_A, communityId: 'c1', streetId: S1 } };
  const inB = { field: 'input.toHouseholdId', place: { gridId: GRID_B, communityId: 'c1', streetId: S1 } };

  it('lets the city and territorial staff write in their grids', () => {
    for (const viewer of [roleOnly('CITY_ADMIN'), street, community, worker]) {
      expect(() => checkPeopleWrite(viewer, 'registering a resident', [inA])).not.toThrow();
    }
  });

  it("refuses a grid outside the territory, naming the field and the caller's scope, not the record's grid", () => {
    const error = domainErrorOf(() => checkPeopleWrite(worker, 'moving a resident', [inA, inB]));
    expect(error).toMatchObject({
      code: 'FORBIDDEN',
      field: 'input.toHouseholdId',
      details: { scope: `GRID_WORKER:workerId=${WORKER}` },
    });
    expect(error.message).toBe("moving a resident: input.toHouseholdId lies outside the caller's territory");
  });

  it('refuses analysts, auditors, residents, departments and services', () => {
    for (const role of ['ANALYST', 'AUDITOR', 'DEPARTMENT', 'PARTY_ORG', 'UNIT_LIAISON', 'SERVICE'] as Role[]) {
      expect(domainErrorOf(() => checkPeopleWrite(roleOnly(role), 'registering a resident', [inA])).code).toBe(
        'FORBIDDEN',
      );
    }
    expect(domainErrorOf(() => checkPeopleWrite(resident, 'updating a resident', [inA])).code).toBe('FORBIDDEN');
  });

  it('lets a grid worker record their own visits only', () => {
    const grid = { field: 'input.gridId', place: inA.place };
    expect(() => checkVisitWrite(worker, { workerId: WORKER, grid })).not.toThrow();
    expect(domainErrorOf(() => checkVisitWrite(worker, { workerId: OTHER, grid }))).toMatchObject({
      code: 'FORBIDDEN',
      field: 'input.workerId',
    });
    expect(() => checkVisitWrite(community, { workerId: OTHER, grid })).not.toThrow();
    expect(
      domainErrorOf(() => checkVisitWrite(worker, { workerId: WORKER, grid: { ...grid, place: inB.place } })).code,
    ).toBe('FORBIDDEN');
  });
});
