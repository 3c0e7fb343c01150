import { conflict } from '../../../lib/errors';

/** A unit and a community have one pairing in force at a time; a new agreement follows the end of the old. */
export function checkNotPaired(activePairings: number, unitName: string, field = 'input.communityId'): void {
  if (activePairings > 0)
    throw conflict(field, `unit ${unitName} is already paired with this community; end that pairing first`);
}
