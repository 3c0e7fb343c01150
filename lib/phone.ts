import { badInput } from './errors';

/** Mainland mobile numbers: 11 digits starting 13–19. */
export function checkMobile(value: string, field = 'phone'): string {
  const phone = value.trim();
  if (!/^1[3-9]\d{9}$/.test(phone)) {
    throw badInput(field, `${field} must be an 11-digit mainland mobile number starting 13–19`);
  }
  return phone;
}
