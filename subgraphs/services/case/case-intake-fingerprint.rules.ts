import { createHash } from 'node:crypto';

/**
 * What a retried report must repeat to count as the same report: a mobile client resending
 * after a lost response sends the same payload under the same idempotency key. A different
 * payload under a used key is a client bug, refused rather than silently answered with the old case.
 */
export function intakeFingerprint(payload: Record<string, unknown>): string {
  return createHash('sha256').update(canonical(payload)).digest('hex');
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
