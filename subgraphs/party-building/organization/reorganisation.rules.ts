import { badInput, conflict } from '../../../lib/errors';
import { checkText } from './organization-names.rules';

/**
 * Rules for reorganising the tree without losing anything: a dissolved organisation keeps its
 * record but must not strand children or members; a split hands every child group and every
 * member of the old branch to exactly one new branch.
 */
export function checkDissolvable(
  organization: { name: string; status: string },
  activeChildren: number,
  members: number,
  field = 'input.id',
): void {
  if (organization.status !== 'ACTIVE') throw conflict(field, `${organization.name} is already dissolved`);
  if (activeChildren > 0)
    throw conflict(
      field,
      `${organization.name} still has ${activeChildren} active organisation(s) under it; move or dissolve them first`,
    );
  if (members > 0) throw conflict(field, `${organization.name} still holds ${members} member(s); transfer them first`);
}

export function checkMovable(
  organization: { id: string; status: string; parentId: string | null },
  newParent: { id: string; status: string; name: string },
  field = 'input.parentId',
): void {
  if (organization.status !== 'ACTIVE') throw conflict('input.id', 'a dissolved organisation cannot be moved');
  if (newParent.status !== 'ACTIVE') throw conflict(field, `${newParent.name} is dissolved`);
  if (organization.parentId === newParent.id) throw badInput(field, 'the organisation already sits under this parent');
}

export interface SplitPart {
  name: string;
  gridIds: string[];
  childIds?: string[] | null;
  memberIds?: string[] | null;
}

export function checkSplitParts(parts: SplitPart[], field = 'input.parts'): SplitPart[] {
  if (parts.length < 2) throw badInput(field, 'a split makes at least two branches');
  const seen = new Map<string, number>();
  return parts.map((part, index) => {
    const name = checkText(part.name, `${field}[${index}].name`, 100);
    if (!part.gridIds.length) throw badInput(`${field}[${index}].gridIds`, 'each new branch covers at least one grid');
    for (const gridId of part.gridIds) {
      if (seen.has(gridId)) throw badInput(`${field}[${index}].gridIds`, `grid ${gridId} is given to two new branches`);
      seen.set(gridId, index);
    }
    return { ...part, name };
  });
}

export interface Placeable {
  id: string;
  /** Grids the item lives in: a group's buildings' grids, a member's home grid. */
  gridIds: string[];
}

/**
 * Which new branch takes each child group or member: the part that lists it, otherwise the part
 * covering all its grids. Anything that fits no part, or several, must be listed explicitly.
 */
export function placeInParts(
  items: Placeable[],
  parts: SplitPart[],
  listed: (part: SplitPart) => string[] | null | undefined,
  what: string,
  field = 'input.parts',
): Map<string, number> {
  const placement = new Map<string, number>();
  parts.forEach((part, index) => {
    for (const id of listed(part) ?? []) {
      if (!items.some((item) => item.id === id))
        throw badInput(`${field}[${index}]`, `${what} ${id} is not under the branch being split`);
      if (placement.has(id)) throw badInput(`${field}[${index}]`, `${what} ${id} is given to two new branches`);
      placement.set(id, index);
    }
  });
  for (const item of items) {
    if (placement.has(item.id)) continue;
    const candidates = parts
      .map((part, index) => (item.gridIds.length && item.gridIds.every((g) => part.gridIds.includes(g)) ? index : -1))
      .filter((index) => index >= 0);
    const [only, ...others] = candidates;
    if (only === undefined || others.length) {
      throw badInput(field, `${what} ${item.id} cannot be placed by its grid; list it in one part explicitly`);
    }
    placement.set(item.id, only);
  }
  return placement;
}
