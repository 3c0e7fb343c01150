/**
 * How long `npm start` waits before starting a service that died again: 0.5 s after the first
 * failure, doubling with each failure in a row, at most 30 s, so a service that cannot come back
 * (its database gone, a port taken) is retried without flooding the log or the machine. A
 * service that stays up STABLE_AFTER_MS counts its failures from zero again.
 */
export const FIRST_RESTART_DELAY_MS = 500;
export const MAX_RESTART_DELAY_MS = 30_000;
export const STABLE_AFTER_MS = 60_000;
/** A restarted service not answering /health by then is killed and counts as failed again. */
export const RESTART_READY_TIMEOUT_MS = 90_000;

/** The delay before restart number `attempt` (1 for the first restart after a failure). */
export function restartDelayMs(attempt: number): number {
  return Math.min(MAX_RESTART_DELAY_MS, FIRST_RESTART_DELAY_MS * 2 ** Math.max(0, attempt - 1));
}
