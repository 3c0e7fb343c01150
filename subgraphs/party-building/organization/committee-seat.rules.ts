import { badInput, conflict } from '../../../lib/errors';
import type { Level } from './organization-levels.rules';
import { withArticle } from '../../../lib/articles';

/**
 * 大党委: a community committee widened with part-time members from the units and property
 * companies in its area. Only a community committee in being takes such seats.
 */
export function checkSeatCommittee(
  committee: { level: Level; status: string; name: string },
  field = 'input.committeeId',
): void {
  if (committee.level !== 'COMMUNITY_COMMITTEE') {
    throw badInput(
      field,
      `part-time seats (大党委兼职委员) belong to a COMMUNITY_COMMITTEE, not ${withArticle(committee.level)}`,
      { allowed: ['COMMUNITY_COMMITTEE'] },
    );
  }
  if (committee.status !== 'ACTIVE') throw conflict(field, `${committee.name} is dissolved`);
}
