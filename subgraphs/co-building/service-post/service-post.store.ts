import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import { paginate, type Page } from '../../../lib/pagination';
import { ServiceCategory } from './service-category.entity';
import type { CategoryFilter } from './service-post.inputs';

/** A page of the main categories, or of one main category's subcategories. */
export function categoriesPage(
  em: EntityManager,
  filter: CategoryFilter,
  info: GraphQLResolveInfo,
): Promise<Page<ServiceCategory>> {
  return paginate(
    em,
    ServiceCategory,
    (parameter) => [filter.parentId ? `"parent_id" = ${parameter(filter.parentId)}` : '"parent_id" is null'],
    filter,
    info,
  );
}
