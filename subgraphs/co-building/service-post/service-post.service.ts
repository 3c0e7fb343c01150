import type { GraphQLResolveInfo } from 'graphql';
import { conflict } from '../../../lib/errors';
import { checkIdArguments, newId } from '../../../lib/ids';
import type { Page } from '../../../lib/pagination';
import { requireRecord } from '../../../lib/records';
import { checkCityAdmin, checkCommunityWrite } from '../access';
import type { CoBuildingContext } from '../context';
import { checkCapacity } from '../member-report/pledge.rules';
import { requireCommunity } from '../shared/remote-checks';
import { checkText, optionalText } from '../shared/text';
import { ServiceCategory } from './service-category.entity';
import { checkCategoryParent } from './service-category.rules';
import type { CategoryFilter, CreateServiceCategoryInput, CreateServicePostInput } from './service-post.inputs';
import { ServicePost } from './service-post.entity';
import { categoriesPage } from './service-post.store';

/** The post-category tree (大类、小类) and the communities' service posts (为民服务岗位). */

export async function listServiceCategories(
  ctx: CoBuildingContext,
  filter: CategoryFilter,
  info: GraphQLResolveInfo,
): Promise<Page<ServiceCategory>> {
  checkIdArguments({ parentId: filter.parentId });
  return categoriesPage(ctx.em, filter, info);
}

export async function createServiceCategory(
  ctx: CoBuildingContext,
  input: CreateServiceCategoryInput,
): Promise<ServiceCategory> {
  checkCityAdmin(ctx.viewer, 'creating a post category');
  const name = checkText(input.name, 'input.name', 50);
  return ctx.em.transactional(async (em) => {
    const parent = input.parentId ? await requireRecord(em, ServiceCategory, input.parentId, 'input.parentId') : null;
    checkCategoryParent(parent && { id: parent.id, parentId: parent.parent?.id ?? null });
    if (await em.count(ServiceCategory, { parent, name }))
      throw conflict('input.name', `category ${name} already exists there`);
    return em.create(ServiceCategory, { id: newId(), name, parent });
  });
}

export async function createServicePost(ctx: CoBuildingContext, input: CreateServicePostInput): Promise<ServicePost> {
  checkCommunityWrite(ctx.viewer, input.communityId, 'creating a service post', 'input.communityId');
  const name = checkText(input.name, 'input.name', 100);
  const description = optionalText(input.description, 'input.description', 2000);
  const capacity = checkCapacity(input.capacity, 'input.capacity');
  await requireCommunity(input.communityId, 'input.communityId');
  return ctx.em.transactional(async (em) => {
    const category = await requireRecord(em, ServiceCategory, input.categoryId, 'input.categoryId');
    return em.create(ServicePost, {
      id: newId(),
      communityId: input.communityId,
      category,
      name,
      description,
      capacity,
    });
  });
}
