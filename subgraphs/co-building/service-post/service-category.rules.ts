import { badInput } from '../../../lib/errors';

/** Categories have two levels (寿光: 7 大类, 37 小类): a subcategory hangs under a top category only. */
export function checkCategoryParent(
  parent: { id: string; parentId: string | null } | null,
  field = 'input.parentId',
): void {
  if (parent && parent.parentId) {
    throw badInput(
      field,
      `category ${parent.id} is itself a subcategory; subcategories hang under a top-level category`,
    );
  }
}
