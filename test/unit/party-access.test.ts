import { decidePersonalAccess } from '../../lib/auth/personal-access';
import {
  canSeeMember,
  checkInsideSubtree,
  memberScopeOf,
  memberWhere,
  memberConditions,
  personalValuesInScope,
  requireSignedIn,
  scopingOrganizationOf,
  type MemberPlace,
  type MemberScope,
} from '../../subgraphs/party-building/access';
import { domainErrorOf } from './expect-domain-error';
import { writtenConditions } from './written-conditions';
import { viewerOf } from './viewers';

const COMMITTEE = '0190a000-0000-7000-8000-000000000102';
const BRANCH = '0190a000-0000-7000-8000-000000000103';
const OTHER_BRANCH = '0190a000-0000-7000-8000-000000000203';
const SUBTREE = [COMMITTEE, BRANCH];
const territory = { streetIds: ['s1'], communityIds: ['c1'], gridIds: ['g1', 'g2'] };

const partyOrg = viewerOf('PARTY_ORG', { claims: { organizationId: COMMITTEE } });
const member = (place: Partial<MemberPlace>): MemberPlace => ({
  organizationId: BRANCH,
  homeGridId: 'g1',
  residentId: 'r1',
  ...place,
});

describe('whose member records a viewer sees', () => {
  it('gives district-wide roles everything, a Party organisation its subtree, staff their grids, a resident themself', () => {
    for (const role of ['CITY_ADMIN', 'ANALYST', 'AUDITOR', 'SERVICE'] as const) {
      expect(memberScopeOf(viewerOf(role), [])).toEqual({ kind: 'DISTRICT' });
    }
    expect(memberScopeOf(partyOrg, SUBTREE)).toEqual({ kind: 'ORGANIZATIONS', organizationIds: SUBTREE });
    expect(memberScopeOf(viewerOf('GRID_WORKER', { claims: { workerId: 'w1' }, territory }), [])).toEqual({
      kind: 'GRIDS',
      gridIds: ['g1', 'g2'],
    });
    expect(memberScopeOf(viewerOf('COMMUNITY_STAFF', { claims: { communityId: 'c1' }, territory }), [])).toEqual({
      kind: 'GRIDS',
      gridIds: ['g1', 'g2'],
    });
    expect(memberScopeOf(viewerOf('STREET_STAFF', { claims: { streetId: 's1' } }), [])).toEqual({
      kind: 'GRIDS',
      gridIds: [],
    });
    expect(memberScopeOf(viewerOf('RESIDENT', { claims: { residentId: 'r1' } }), [])).toEqual({
      kind: 'RESIDENT',
      residentId: 'r1',
    });
    expect(memberScopeOf(viewerOf('DEPARTMENT', { claims: { department: '民政局' } }), [])).toEqual({ kind: 'NONE' });
    expect(memberScopeOf(viewerOf('UNIT_LIAISON', { claims: { unitId: 'u1' } }), [])).toEqual({ kind: 'NONE' });
    expect(memberScopeOf(viewerOf('ANONYMOUS'), [])).toEqual({ kind: 'NONE' });
  });

  it('needs the subtree only for a Party organisation with a well-formed claim', () => {
    expect(scopingOrganizationOf(partyOrg)).toBe(COMMITTEE);
    expect(scopingOrganizationOf(viewerOf('PARTY_ORG', { claims: { organizationId: 'not-an-id' } }))).toBeNull();
    expect(scopingOrganizationOf(viewerOf('CITY_ADMIN', { claims: { organizationId: COMMITTEE } }))).toBeNull();
  });

  it('checks one record against the scope', () => {
    const organizations: MemberScope = { kind: 'ORGANIZATIONS', organizationIds: SUBTREE };
    expect(canSeeMember(organizations, member({}))).toBe(true);
    expect(canSeeMember(organizations, member({ organizationId: OTHER_BRANCH }))).toBe(false);
    const grids: MemberScope = { kind: 'GRIDS', gridIds: ['g1', 'g2'] };
    expect(canSeeMember(grids, member({ homeGridId: 'g2' }))).toBe(true);
    expect(canSeeMember(grids, member({ homeGridId: 'g9' }))).toBe(false);
    // A member not linked to a resident lives in no known grid: no territory covers them.
    expect(canSeeMember(grids, member({ homeGridId: null }))).toBe(false);
    expect(canSeeMember({ kind: 'RESIDENT', residentId: 'r1' }, member({}))).toBe(true);
    expect(canSeeMember({ kind: 'RESIDENT', residentId: 'r2' }, member({}))).toBe(false);
    expect(canSeeMember({ kind: 'DISTRICT' }, member({}))).toBe(true);
    expect(canSeeMember({ kind: 'NONE' }, member({}))).toBe(false);
  });

  it('narrows lists with the same rule, as an ORM filter and as SQL conditions', () => {
    expect(memberWhere({ kind: 'DISTRICT' })).toBeNull();
    expect(memberWhere({ kind: 'ORGANIZATIONS', organizationIds: SUBTREE })).toEqual({
      organization: { $in: SUBTREE },
    });
    expect(memberWhere({ kind: 'GRIDS', gridIds: ['g1'] })).toEqual({ homeGridId: { $in: ['g1'] } });
    expect(memberWhere({ kind: 'RESIDENT', residentId: 'r1' })).toEqual({ residentId: 'r1' });
    expect(memberWhere({ kind: 'NONE' })).toEqual({ id: { $in: [] } });

    const conditions = (scope: MemberScope) => writtenConditions((parameter) => memberConditions(scope, parameter));
    expect(conditions({ kind: 'DISTRICT' })).toEqual({ conditions: [], values: [] });
    expect(conditions({ kind: 'ORGANIZATIONS', organizationIds: SUBTREE })).toEqual({
      conditions: ['"organization_id" = any($1)'],
      values: [SUBTREE],
    });
    expect(conditions({ kind: 'GRIDS', gridIds: ['g1'] })).toEqual({
      conditions: ['"home_grid_id" = any($1)'],
      values: [['g1']],
    });
    expect(conditions({ kind: 'RESIDENT', residentId: 'r1' })).toEqual({
      conditions: ['"resident_id" = $1'],
      values: ['r1'],
    });
    expect(conditions({ kind: 'NONE' })).toEqual({ conditions: ['false'], values: [] });
  });
});

describe('personal values of members', () => {
  it('are in scope exactly where the member is visible, and the role still decides on full values', () => {
    const organizations: MemberScope = { kind: 'ORGANIZATIONS', organizationIds: SUBTREE };
    expect(personalValuesInScope(organizations, member({}))).toBe(true);
    expect(personalValuesInScope(organizations, member({ organizationId: OTHER_BRANCH }))).toBe(false);

    const withPurpose = (role: 'PARTY_ORG' | 'ANALYST' | 'AUDITOR' | 'CITY_ADMIN') =>
      viewerOf(role, { purpose: '组织关系核查', claims: role === 'PARTY_ORG' ? { organizationId: COMMITTEE } : {} });
    expect(decidePersonalAccess(withPurpose('PARTY_ORG'), personalValuesInScope(organizations, member({})))).toEqual({
      show: 'FULL',
    });
    expect(
      decidePersonalAccess(
        withPurpose('PARTY_ORG'),
        personalValuesInScope(organizations, member({ organizationId: OTHER_BRANCH })),
      ).show,
    ).toBe('REFUSED');
    // District-wide readers see every member, masked only.
    expect(
      decidePersonalAccess(withPurpose('ANALYST'), personalValuesInScope({ kind: 'DISTRICT' }, member({}))).show,
    ).toBe('REFUSED');
    expect(
      decidePersonalAccess(withPurpose('AUDITOR'), personalValuesInScope({ kind: 'DISTRICT' }, member({}))).show,
    ).toBe('REFUSED');
    expect(
      decidePersonalAccess(withPurpose('CITY_ADMIN'), personalValuesInScope({ kind: 'DISTRICT' }, member({}))),
    ).toEqual({ show: 'FULL' });
  });
});

describe('the organisation tree', () => {
  it('is for signed-in callers', () => {
    expect(() =>
      requireSignedIn(viewerOf('UNIT_LIAISON', { claims: { unitId: 'u1' } }), 'reading Party organisations'),
    ).not.toThrow();
    const error = domainErrorOf(() => requireSignedIn(viewerOf('ANONYMOUS'), 'reading Party organisations'));
    expect([error.code, error.field, error.message]).toEqual([
      'UNAUTHENTICATED',
      'authorization',
      'reading Party organisations needs a signed-in caller',
    ]);
  });
});

describe('changes to Party records', () => {
  const create = [{ organizationId: BRANCH, field: 'input.parentId' }];

  it('are for the district and for Party organisations; others are refused, anonymous callers asked to sign in', () => {
    expect(() => checkInsideSubtree(viewerOf('CITY_ADMIN'), [], 'creating a Party organisation', create)).not.toThrow();
    for (const role of ['ANALYST', 'AUDITOR', 'GRID_WORKER', 'DEPARTMENT', 'RESIDENT'] as const) {
      const error = domainErrorOf(() =>
        checkInsideSubtree(viewerOf(role), [], 'creating a Party organisation', create),
      );
      expect([error.code, error.details.scope]).toEqual(['FORBIDDEN', 'CITY_ADMIN|PARTY_ORG']);
    }
    expect(
      domainErrorOf(() => checkInsideSubtree(viewerOf('ANONYMOUS'), [], 'creating a Party organisation', create)).code,
    ).toBe('UNAUTHENTICATED');
  });

  it("lie inside a Party organisation's subtree: the target and the destination", () => {
    expect(() => checkInsideSubtree(partyOrg, SUBTREE, 'creating a Party organisation', create)).not.toThrow();
    expect(() =>
      checkInsideSubtree(partyOrg, SUBTREE, 'creating a Party organisation', [
        { organizationId: COMMITTEE, field: 'input.parentId' },
      ]),
    ).not.toThrow();
    const outside = domainErrorOf(() =>
      checkInsideSubtree(partyOrg, SUBTREE, 'transferring a Party membership', [
        { organizationId: BRANCH, field: 'input.memberId' },
        { organizationId: OTHER_BRANCH, field: 'input.toOrganizationId' },
      ]),
    );
    expect([outside.code, outside.field, outside.details.scope]).toEqual([
      'FORBIDDEN',
      'input.toOrganizationId',
      `PARTY_ORG:organizationId=${COMMITTEE}`,
    ]);
    expect(outside.message).toBe(
      `transferring a Party membership: ${outside.field} is outside the subtree of ${COMMITTEE}`,
    );
  });

  it('leave moving, splitting and dissolving an organisation to the level above it', () => {
    expect(() =>
      checkInsideSubtree(partyOrg, SUBTREE, 'dissolving a Party organisation', [
        { organizationId: BRANCH, field: 'input.id', below: true },
      ]),
    ).not.toThrow();
    const own = domainErrorOf(() =>
      checkInsideSubtree(partyOrg, SUBTREE, 'dissolving a Party organisation', [
        { organizationId: COMMITTEE, field: 'input.id', below: true },
      ]),
    );
    expect([own.code, own.field]).toEqual(['FORBIDDEN', 'input.id']);
  });

  it('leave top-level organisations to the district, and refuse a claim that names no organisation', () => {
    const top = domainErrorOf(() =>
      checkInsideSubtree(partyOrg, SUBTREE, 'creating a Party organisation', [
        { organizationId: null, field: 'input.parentId' },
      ]),
    );
    expect([top.code, top.field, top.details.scope]).toEqual(['FORBIDDEN', 'input.parentId', 'CITY_ADMIN']);
    const malformed = viewerOf('PARTY_ORG', { claims: { organizationId: 'nonsense' } });
    expect(domainErrorOf(() => checkInsideSubtree(malformed, [], 'creating a Party organisation', create)).code).toBe(
      'FORBIDDEN',
    );
  });
});
