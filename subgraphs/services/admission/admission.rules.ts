import { badInput, conflict } from '../../../lib/errors';

/**
 * 准入 (荆州's rule, 五华's 社区有权拒绝): work reaches grids and communities only when a
 * department has applied with the reason and the tasks (两明确), stated that authority,
 * training and funding are in place (三到位), and the committee has approved it.
 */
export enum AdmissionTarget {
  GRID = 'GRID',
  COMMUNITY = 'COMMUNITY',
}

export enum AdmissionStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

export enum AdmissionDecision {
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

const NOT_FOR_COMMUNITY = 'NOT_FOR_COMMUNITY';

export interface AdmissionApplication {
  department: string;
  reason: string;
  tasks: string;
  authorityConfirmed: boolean;
  trainingConfirmed: boolean;
  fundingConfirmed: boolean;
}

function required(value: string, field: string, what: string): string {
  const text = value.trim();
  if (!text) throw badInput(field, `${field} must state ${what}`);
  return text;
}

export function checkApplication(input: AdmissionApplication, field = 'input'): AdmissionApplication {
  const department = required(input.department, `${field}.department`, 'the applying department');
  const reason = required(input.reason, `${field}.reason`, 'why the work should be done there (两明确: 明确理由)');
  const tasks = required(input.tasks, `${field}.tasks`, 'the tasks to be done (两明确: 明确任务)');
  const missing = (
    [
      ['authorityConfirmed', '权责'],
      ['trainingConfirmed', '培训'],
      ['fundingConfirmed', '经费'],
    ] as const
  ).filter(([key]) => !input[key]);
  const [firstMissing] = missing;
  if (firstMissing) {
    throw badInput(
      `${field}.${firstMissing[0]}`,
      `三到位: authority, training and funding must all be in place before applying; not confirmed: ${missing.map(([key, zh]) => `${key} (${zh}到位)`).join(', ')}`,
    );
  }
  return { ...input, department, reason, tasks };
}

/** An item on the list of things a community may not be asked to do cannot go to a community or its grids. */
export function refuseNotForCommunity(item: { code: string; lists: string[] }, field: string): void {
  if (item.lists.includes(NOT_FOR_COMMUNITY)) {
    throw conflict(
      field,
      `item ${item.code} is on the list of work a community may not be asked to do (社区不应承担事项, NOT_FOR_COMMUNITY); the department must do it itself`,
    );
  }
}

export function checkDecision(
  status: AdmissionStatus,
  decision: AdmissionDecision,
  reason: string,
  field = 'input',
): string {
  if (status !== AdmissionStatus.PENDING) {
    throw conflict(`${field}.id`, `the admission request was already ${status}; a decision is final`);
  }
  return required(
    reason,
    `${field}.reason`,
    `the committee's reason for ${decision === AdmissionDecision.APPROVED ? 'approving' : 'rejecting'}`,
  );
}

/** Assigning an item needs an approved admission for that target; the error says what is missing. */
export function requireAdmitted(
  item: { code: string; lists: string[] },
  target: AdmissionTarget,
  admissions: Array<{ target: AdmissionTarget; status: AdmissionStatus }>,
  field: string,
): void {
  refuseNotForCommunity(item, field);
  if (admissions.some((a) => a.target === target && a.status === AdmissionStatus.APPROVED)) return;
  const pending = admissions.some((a) => a.target === target && a.status === AdmissionStatus.PENDING);
  const rejected = admissions.some((a) => a.target === target && a.status === AdmissionStatus.REJECTED);
  const where = target === AdmissionTarget.GRID ? 'grids' : 'communities';
  throw conflict(
    field,
    `item ${item.code} was not admitted into ${where} (准入): ${
      pending
        ? 'its admission request is still waiting for the committee'
        : rejected
          ? 'the committee rejected its admission request'
          : 'no department has applied for it'
    }; work that was not admitted may be refused (社区有权拒绝)`,
  );
}
