import type { Viewer } from '../viewer';
import type { Role } from './roles';

/**
 * PIPL's minimum necessary: personal values (ID numbers, phones) are masked for everyone by
 * default. A caller gets the full value only when it states a purpose, its role is one that
 * works with people, and the record is in its scope (the subgraph says so: it only shows such
 * records to such callers). Every full read and every refused one is recorded.
 */
export type PersonalRecordType = 'Resident' | 'GridWorker' | 'PartyMember';
export type PersonalField = 'idNumber' | 'phone' | 'careTags' | 'record';
export type AccessOutcome = 'GRANTED' | 'REFUSED';

/** Roles that may read a personal value in full, for a stated purpose, within their scope. */
export const FULL_VALUE_ROLES: readonly Role[] = [
  'CITY_ADMIN',
  'STREET_STAFF',
  'COMMUNITY_STAFF',
  'GRID_WORKER',
  'PARTY_ORG',
  'RESIDENT',
];

/** REFUSED with `purposeRefused`: the caller asked for full values with a purpose that is not valid text (its input, not its rights). */
export type PersonalAccessDecision =
  { show: 'MASKED' } | { show: 'FULL' } | { show: 'REFUSED'; reason: string; purposeRefused?: true };

export function decidePersonalAccess(viewer: Viewer, recordInScope: boolean): PersonalAccessDecision {
  if (viewer.refusedPurpose) return { show: 'REFUSED', reason: viewer.refusedPurpose.reason, purposeRefused: true };
  if (!viewer.purpose) return { show: 'MASKED' };
  if (!FULL_VALUE_ROLES.includes(viewer.role)) {
    return {
      show: 'REFUSED',
      reason: `${viewer.role} may not read personal values in full; masked values need no purpose`,
    };
  }
  if (!recordInScope) return { show: 'REFUSED', reason: "the record is outside the caller's scope" };
  return { show: 'FULL' };
}
