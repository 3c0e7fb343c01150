import { conflict } from '../../../lib/errors';

/** No lost update: a step names the version it was decided on, and a stale one is refused. */
export function checkExpectedVersion(current: number, expected: number, field = 'input.expectedVersion'): void {
  if (current !== expected) {
    throw conflict(
      field,
      `the case is at version ${current}, not ${expected}: someone changed it since you read it; reload it and decide again`,
      { currentVersion: current },
    );
  }
}
