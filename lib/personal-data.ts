import { decidePersonalAccess, type PersonalRecordType } from './auth/personal-access';
import { forbidden, scopeOf } from './auth/access';
import type { AccessLog } from './audit/access-log';
import { badInput } from './errors';
import { PURPOSE_HEADER, type Viewer } from './viewer';

/**
 * Personal information (PIPL): national ID numbers and phone numbers are shown masked unless
 * the viewer states a purpose and may have the full value (lib/auth/personal-access.ts). Masks
 * keep enough to recognise a record (region prefix and last four digits of an ID; operator
 * prefix and last four of a phone).
 */
export type MaskedField = 'idNumber' | 'phone';

export function maskIdNumber(value: string): string {
  if (value.length <= 10) return '*'.repeat(value.length);
  return value.slice(0, 6) + '*'.repeat(value.length - 10) + value.slice(-4);
}

export function maskPhone(value: string): string {
  if (value.length <= 7) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}

const MASKS: Record<MaskedField, (value: string) => string> = {
  idNumber: maskIdNumber,
  phone: maskPhone,
};

/** A record holding personal data, as the subgraph that shows it judges it for this viewer. */
export interface PersonalRecord {
  type: PersonalRecordType;
  id: string;
  /** Whether the record is within the viewer's scope for full values. */
  inScope: boolean;
}

/**
 * The value a viewer gets for one personal field of one record: masked without a purpose; in
 * full with a purpose, a role that may and a record in scope, after the access is recorded;
 * otherwise FORBIDDEN (BAD_USER_INPUT on the header when the stated purpose was refused), and
 * the refusal recorded.
 */
export async function revealPersonal(
  viewer: Viewer,
  log: AccessLog,
  record: PersonalRecord,
  field: MaskedField,
  value: string | null | undefined,
): Promise<string | null> {
  if (value === null || value === undefined) return null;
  const decision = decidePersonalAccess(viewer, record.inScope);
  if (decision.show === 'MASKED') return MASKS[field](value);
  if (decision.show === 'FULL') {
    await log.record({ recordType: record.type, recordId: record.id, field, outcome: 'GRANTED' });
    return value;
  }
  await log.record({
    recordType: record.type,
    recordId: record.id,
    field,
    outcome: 'REFUSED',
    reason: decision.reason,
  });
  if (decision.purposeRefused) throw badInput(PURPOSE_HEADER, `${field} in full: ${decision.reason}`);
  throw forbidden(`${field} in full: ${decision.reason}`, 'personal-data:full', field);
}

/**
 * Refuse a record outside the viewer's scope asked for by id, and record the attempt (a
 * refused look-up of a person is itself worth an access record).
 */
export async function refuseRecord(
  viewer: Viewer,
  log: AccessLog,
  type: PersonalRecordType,
  id: string,
  field: string,
): Promise<never> {
  await log.record({
    recordType: type,
    recordId: id,
    field: 'record',
    outcome: 'REFUSED',
    reason: "outside the caller's scope",
  });
  throw forbidden(`${type} ${id} is outside the scope of this ${viewer.role}`, scopeOf(viewer), field);
}
