import { domainErrorOf } from './expect-domain-error';
import { checkSeatCommittee } from '../../subgraphs/party-building/organization/committee-seat.rules';
import {
  checkHoldingOrganization,
  checkMemberDetails,
  checkRoleOnMembersLine,
  checkRoleVacancy,
  isOnMembersLine,
} from '../../subgraphs/party-building/member/member.rules';
import { checkEndOfTerm, checkTerm, isInOffice, today } from '../../subgraphs/party-building/member/term.rules';

describe('Party members', () => {
  it('needs the work unit of an in-service member only', () => {
    expect(checkMemberDetails('IN_SERVICE', ' 寿光市税务局 ')).toBe('寿光市税务局');
    expect(checkMemberDetails('RETIRED', null)).toBeNull();
    const error = domainErrorOf(() => checkMemberDetails('IN_SERVICE', '  '));
    expect([error.field, error.message]).toEqual([
      'input.workUnitName',
      'an IN_SERVICE member needs workUnitName (the unit they work in)',
    ]);
  });

  it('holds membership in a branch or committee in being, not in a group or central household', () => {
    expect(() =>
      checkHoldingOrganization({ level: 'GRID_BRANCH', status: 'ACTIVE', name: 'b' }, 'input.organizationId'),
    ).not.toThrow();
    const group = domainErrorOf(() =>
      checkHoldingOrganization({ level: 'BUILDING_GROUP', status: 'ACTIVE', name: 'g' }, 'input.organizationId'),
    );
    expect([group.code, group.field]).toEqual(['BAD_USER_INPUT', 'input.organizationId']);
    expect(group.extensions.allowed).toEqual(['STREET_WORKING_COMMITTEE', 'COMMUNITY_COMMITTEE', 'GRID_BRANCH']);
    expect(
      domainErrorOf(() => checkHoldingOrganization({ level: 'GRID_BRANCH', status: 'DISSOLVED', name: '旧支部' }, 'f'))
        .message,
    ).toBe('旧支部 is dissolved and holds no members');
  });

  it("places an office on the member's own line of the tree", () => {
    const branch = ['branch', 'committee', 'street'];
    expect(isOnMembersLine(['committee', 'street'], branch)).toBe(true);
    expect(isOnMembersLine(['group', 'branch', 'committee', 'street'], branch)).toBe(true);
    expect(isOnMembersLine(['other-branch', 'committee', 'street'], branch)).toBe(false);
    expect(
      domainErrorOf(() => checkRoleOnMembersLine(['other-branch', 'committee'], branch, 'input.organizationId')).field,
    ).toBe('input.organizationId');
  });

  it('allows one secretary at a time and one office of a kind per member', () => {
    const inOffice = [
      { role: 'SECRETARY' as const, memberId: 'm1' },
      { role: 'COMMITTEE_MEMBER' as const, memberId: 'm2' },
    ];
    expect(() => checkRoleVacancy('COMMITTEE_MEMBER', 'm3', inOffice, 'input.role')).not.toThrow();
    expect(domainErrorOf(() => checkRoleVacancy('SECRETARY', 'm2', inOffice, 'input.role')).message).toBe(
      'the organisation already has a secretary in office; end that role first',
    );
    expect(domainErrorOf(() => checkRoleVacancy('COMMITTEE_MEMBER', 'm2', inOffice, 'input.role')).code).toBe(
      'CONFLICT',
    );
  });
});

describe('terms of office and committee seats', () => {
  it('checks dates and order of a term', () => {
    expect(() => checkTerm('2024-01-01', '2028-12-31')).not.toThrow();
    expect(() => checkTerm('2024-01-01', null)).not.toThrow();
    expect(domainErrorOf(() => checkTerm('2024-02-30', null)).field).toBe('input.termStart');
    const error = domainErrorOf(() => checkTerm('2024-01-01', '2024-01-01'));
    expect([error.field, error.message]).toEqual(['input.termEnd', 'input.termEnd must be after input.termStart']);
  });

  it('ends a term once and not before it began', () => {
    expect(() => checkEndOfTerm({ termStart: '2024-01-01', endedOn: null }, '2025-06-30')).not.toThrow();
    expect(
      domainErrorOf(() => checkEndOfTerm({ termStart: '2024-01-01', endedOn: '2025-01-01' }, '2025-06-30')).code,
    ).toBe('CONFLICT');
    expect(domainErrorOf(() => checkEndOfTerm({ termStart: '2024-01-01', endedOn: null }, '2023-12-31')).field).toBe(
      'input.endedOn',
    );
  });

  it('counts who is in office on a day', () => {
    const term = { termStart: '2024-01-01', termEnd: '2028-12-31', endedOn: null };
    expect(isInOffice(term, '2026-05-01')).toBe(true);
    expect(isInOffice(term, '2029-01-01')).toBe(false);
    expect(isInOffice({ ...term, endedOn: '2026-05-01' }, '2026-05-01')).toBe(false);
    expect(isInOffice({ ...term, termEnd: null }, '2040-01-01')).toBe(true);
    expect(today(new Date('2026-03-04T23:59:00Z'))).toBe('2026-03-04');
  });

  it('seats part-time members on a community committee only', () => {
    expect(() => checkSeatCommittee({ level: 'COMMUNITY_COMMITTEE', status: 'ACTIVE', name: 'c' })).not.toThrow();
    const error = domainErrorOf(() => checkSeatCommittee({ level: 'GRID_BRANCH', status: 'ACTIVE', name: 'b' }));
    expect([error.field, error.message]).toEqual([
      'input.committeeId',
      'part-time seats (大党委兼职委员) belong to a COMMUNITY_COMMITTEE, not a GRID_BRANCH',
    ]);
  });
});
