import { badInput, conflict } from '../../../lib/errors';
import type { Level } from '../organization/organization-levels.rules';
import { withArticle } from '../../../lib/articles';

export type MemberKind = 'RESIDENT' | 'IN_SERVICE' | 'RETIRED' | 'FLOATING';
export type RoleKind = 'SECRETARY' | 'DEPUTY_SECRETARY' | 'COMMITTEE_MEMBER';

/**
 * A Party group and a central household are working units inside a branch; a member's
 * relationship (组织关系) is held by a branch, a committee or the street working committee.
 */
const HOLDING_LEVELS: Level[] = ['STREET_WORKING_COMMITTEE', 'COMMUNITY_COMMITTEE', 'GRID_BRANCH'];

export function checkHoldingOrganization(
  organization: { level: Level; status: string; name: string },
  field: string,
): void {
  if (organization.status !== 'ACTIVE') throw conflict(field, `${organization.name} is dissolved and holds no members`);
  if (!HOLDING_LEVELS.includes(organization.level)) {
    throw badInput(
      field,
      `${withArticle(organization.level)} holds no membership; hold it in the grid branch (or committee) above`,
      { allowed: HOLDING_LEVELS },
    );
  }
}

/** An in-service member (在职党员) works in a unit: the unit is part of the record. */
export function checkMemberDetails(
  kind: MemberKind,
  workUnitName: string | null | undefined,
  prefix = 'input',
): string | null {
  const unit = workUnitName?.trim() || null;
  if (kind === 'IN_SERVICE' && !unit)
    throw badInput(`${prefix}.workUnitName`, 'an IN_SERVICE member needs workUnitName (the unit they work in)');
  if (unit && unit.length > 100) throw badInput(`${prefix}.workUnitName`, 'workUnitName is at most 100 characters');
  return unit;
}

/**
 * An office is held on the member's own line of the tree: in the organisation holding the
 * membership, one above it (a branch member on the community committee) or one below it (a
 * branch member leading a building group). `lineOf*` are the organisation's id and its ancestors' ids.
 */
export function isOnMembersLine(lineOfRoleOrg: string[], lineOfMemberOrg: string[]): boolean {
  const [roleOrg] = lineOfRoleOrg;
  const [memberOrg] = lineOfMemberOrg;
  if (roleOrg === undefined || memberOrg === undefined) return false;
  return lineOfMemberOrg.includes(roleOrg) || lineOfRoleOrg.includes(memberOrg);
}

export function checkRoleOnMembersLine(lineOfRoleOrg: string[], lineOfMemberOrg: string[], field: string): void {
  const roleOrg = lineOfRoleOrg[0];
  const memberOrg = lineOfMemberOrg[0];
  if (!isOnMembersLine(lineOfRoleOrg, lineOfMemberOrg)) {
    throw badInput(
      field,
      `the member's organisation (${memberOrg}) is neither above nor below ${roleOrg}: an office is held on the member's own line of the tree`,
    );
  }
}

/** One secretary at a time per organisation; a member holds an office once. */
export function checkRoleVacancy(
  role: RoleKind,
  memberId: string,
  inOffice: Array<{ role: RoleKind; memberId: string }>,
  field: string,
): void {
  if (inOffice.some((r) => r.memberId === memberId && r.role === role)) {
    throw conflict(field, `member ${memberId} already holds ${role} here`);
  }
  if (role === 'SECRETARY' && inOffice.some((r) => r.role === 'SECRETARY')) {
    throw conflict(field, 'the organisation already has a secretary in office; end that role first');
  }
}
