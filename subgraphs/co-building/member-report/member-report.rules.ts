import { badInput, conflict, notFound } from '../../../lib/errors';

/** PartyMember.kind values of the party-building subgraph. */
export type PartyMemberKind = 'RESIDENT' | 'IN_SERVICE' | 'RETIRED' | 'FLOATING';

export interface RemoteMember {
  id: string;
  kind: PartyMemberKind;
  /** The grid of the member's home when the member is linked to a resident of the district. */
  homeGrid: { id: string } | null;
}

/**
 * 双报到 concerns in-service members only: they work in a unit and report to the community
 * where they live. Resident, retired and floating members belong to their community's
 * organisation already.
 */
export function checkReportingMember(member: RemoteMember | null, memberId: string, field: string): RemoteMember {
  if (!member) throw notFound(field, 'PartyMember', memberId);
  if (member.kind !== 'IN_SERVICE') {
    throw badInput(
      field,
      `Party member ${memberId} is ${member.kind}, not IN_SERVICE: only in-service members report to their residence community`,
    );
  }
  return member;
}

/** A member has one report in force at a time; moving house means ending it first. */
export function checkNoActiveReport(activeReportId: string | null, memberId: string, field: string): void {
  if (activeReportId) {
    // The report in force may be another community's: it is not named.
    throw conflict(field, `Party member ${memberId} already has a report in force; end it before reporting again`);
  }
}

/**
 * A member reports to the community where they live: when the grid subgraph places their home,
 * that is the community; a member not linked to a resident is taken at their word.
 */
export function checkResidenceCommunity(homeCommunityId: string | null, communityId: string, field: string): void {
  if (homeCommunityId && homeCommunityId !== communityId) {
    // Where the member lives is theirs to say, not the refusal's.
    throw badInput(
      field,
      `the member does not live in community ${communityId}: in-service members report to the community where they live`,
    );
  }
}

/** Posts and wishes are for members who have reported: their report is what ties them to a community. */
export function checkReportInForce<T>(report: T | null, memberId: string, field: string, purpose: string): T {
  if (!report) {
    throw conflict(
      field,
      `Party member ${memberId} has no report in force: report to the residence community before ${purpose}`,
    );
  }
  return report;
}
