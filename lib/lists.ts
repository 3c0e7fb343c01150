/**
 * The element at `index`, refusing an index outside the list. For plans and fixtures written as
 * positions into other lists, where a wrong position is a mistake in the plan, not missing data.
 */
export function itemAt<T>(list: readonly T[], index: number): T {
  if (!Number.isInteger(index) || index < 0 || index >= list.length) {
    throw new RangeError(`index ${index} is outside a list of ${list.length}`);
  }
  return list[index] as T;
}
