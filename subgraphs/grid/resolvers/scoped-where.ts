import type { FilterQuery } from '@mikro-orm/core';

/** A list's own filters and the viewer's scope, both applied (to the page and to its totalCount). */
export function andWhere<T>(filters: FilterQuery<T>, scope: FilterQuery<T> | null): FilterQuery<T> {
  return scope ? ({ $and: [filters, scope] } as FilterQuery<T>) : filters;
}
