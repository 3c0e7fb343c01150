import { badInput } from '../../../lib/errors';
import { withArticle } from '../../../lib/articles';

/**
 * The five-level chain (凌河 "五纵"): each level hangs directly under the one above it, and
 * only the street working committee stands at the top. Plain strings so the rule needs nothing
 * but itself.
 */
export const LEVELS = [
  'STREET_WORKING_COMMITTEE',
  'COMMUNITY_COMMITTEE',
  'GRID_BRANCH',
  'BUILDING_GROUP',
  'CENTRAL_HOUSEHOLD',
] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_NAMES: Record<Level, string> = {
  STREET_WORKING_COMMITTEE: '街道党工委',
  COMMUNITY_COMMITTEE: '社区党委',
  GRID_BRANCH: '网格党支部',
  BUILDING_GROUP: '楼栋党小组',
  CENTRAL_HOUSEHOLD: '党员中心户',
};

/** The deepest descendants query: a street working committee down to central households. */
export const MAX_TREE_DEPTH = LEVELS.length - 1;

export function levelAbove(level: Level): Level | null {
  const index = LEVELS.indexOf(level);
  return index > 0 ? (LEVELS[index - 1] ?? null) : null;
}

/**
 * Refuse a parent that is not exactly one level above. The message names the rule so a caller
 * knows what to fix, and `allowed` says which parent level would do.
 */
export function checkPlacement(level: Level, parentLevel: Level | null, field = 'input.parentId'): void {
  const expected = levelAbove(level);
  if (expected === null) {
    if (parentLevel !== null) {
      throw badInput(
        field,
        `five-level rule: ${withArticle(level)} (${LEVEL_NAMES[level]}) is the top of the chain and has no parent`,
        { allowed: [] },
      );
    }
    return;
  }
  if (parentLevel === null) {
    throw badInput(
      field,
      `five-level rule: ${withArticle(level)} (${LEVEL_NAMES[level]}) needs a parent ${expected} (${LEVEL_NAMES[expected]})`,
      { allowed: [expected] },
    );
  }
  if (parentLevel !== expected) {
    throw badInput(
      field,
      `five-level rule: ${withArticle(level)} (${LEVEL_NAMES[level]}) sits exactly one level below its parent, under ${withArticle(expected)} (${LEVEL_NAMES[expected]}), not under ${withArticle(parentLevel)}`,
      { allowed: [expected] },
    );
  }
}

export function checkMaxDepth(maxDepth: number, field = 'maxDepth'): number {
  if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > MAX_TREE_DEPTH) {
    throw badInput(field, `${field} must be between 1 and ${MAX_TREE_DEPTH} (the chain has ${LEVELS.length} levels)`);
  }
  return maxDepth;
}
