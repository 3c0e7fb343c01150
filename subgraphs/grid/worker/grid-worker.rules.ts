import { badInput } from '../../../lib/errors';
import { checkMobile } from '../../../lib/phone';
import { WorkerKind } from '../shared/enums';
import { checkName } from '../shared/codes';

/**
 * A work contact printed on the public card: a landline with area code and optional extension
 * (0536-5221234, 05365221234-8001), a mobile number, or a short service line (12345).
 */
export function checkPublicContact(value: string, field = 'input.publicContact'): string {
  const contact = value.trim();
  const landline = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;
  const mobile = /^1[3-9]\d{9}$/;
  const shortLine = /^\d{5,6}$/;
  if (![landline, mobile, shortLine].some((pattern) => pattern.test(contact))) {
    throw badInput(field, `${field} must be a landline (0536-5221234), a mobile number or a service line (12345)`);
  }
  return contact;
}

export interface WorkerFacts {
  name: string;
  kind: WorkerKind;
  department: string | null;
  phone: string;
  publicContact: string | null;
}

/** A coordinator is placed by a department (公安、市场监管、城管、环卫...), so it must say which. */
export function checkWorker(input: {
  name: string;
  kind: WorkerKind;
  department?: string | null;
  phone: string;
  publicContact?: string | null;
}): WorkerFacts {
  const department = input.department?.trim() ? checkName(input.department, 'input.department') : null;
  if (input.kind === WorkerKind.COORDINATOR && !department) {
    throw badInput('input.department', 'a COORDINATOR names the department that placed them');
  }
  return {
    name: checkName(input.name, 'input.name', 50),
    kind: input.kind,
    department,
    phone: checkMobile(input.phone, 'input.phone'),
    publicContact: input.publicContact?.trim() ? checkPublicContact(input.publicContact) : null,
  };
}
