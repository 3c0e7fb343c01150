import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';
import type { PartyContext } from '../context';
import { PartyMember } from '../member/member.entity';
import { PartyRole } from '../member/party-role.entity';
import { PartyMemberConnection, PartyOrganizationConnection } from '../shared/connections';
import {
  BuildingReference,
  CommunityReference,
  GridReference,
  HouseholdReference,
  ref,
  StreetReference,
} from '../shared/references';
import { CommitteeSeat } from './committee-seat.entity';
import { OrganizationChange } from './organization-change.entity';
import { MAX_TREE_DEPTH } from './organization-levels.rules';
import {
  descendantsOf,
  findOrganization,
  searchOrganizations,
  seatsOf,
  secretaryOf,
} from './organization-query.service';
import { OrganizationFilter } from './organization.inputs';
import { PartyOrganization } from './organization.entity';

@Resolver(() => PartyOrganization)
export class PartyOrganizationResolver {
  @Query(() => PartyOrganization, { nullable: true, description: '按 id 查党组织（含已撤销的）' })
  partyOrganization(@Ctx() ctx: PartyContext, @Arg('id', () => ID) id: string) {
    return findOrganization(ctx, id);
  }

  @Query(() => PartyOrganizationConnection, { description: '党组织列表，可按层级、上级、街道、社区、网格、状态筛选' })
  async partyOrganizations(
    @Ctx() ctx: PartyContext,
    @Args() filter: OrganizationFilter,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PartyOrganizationConnection> {
    return new PartyOrganizationConnection(await searchOrganizations(ctx, filter, info));
  }

  @FieldResolver(() => PartyOrganization, { nullable: true, description: '上级党组织' })
  parent(@Root() organization: PartyOrganization, @Ctx() ctx: PartyContext) {
    return organization.parent ? ctx.loaders.organization.load(organization.parent.id) : null;
  }

  @FieldResolver(() => PartyOrganizationConnection, { description: '直接下级（含已撤销的）' })
  async children(@Root() organization: PartyOrganization, @Ctx() ctx: PartyContext, @Args() page: PageArgs) {
    return new PartyOrganizationConnection(await ctx.loaders.childrenOfOrganization(organization.id, page));
  }

  @FieldResolver(() => [PartyOrganization], { description: '全部上级，自街道党工委起' })
  ancestors(@Root() organization: PartyOrganization, @Ctx() ctx: PartyContext) {
    return ctx.loaders.ancestors.load(organization.id);
  }

  @FieldResolver(() => [PartyOrganization], {
    description: `下级各层（至多 ${MAX_TREE_DEPTH} 层），由近及远；一次递归查询`,
  })
  async descendants(
    @Root() organization: PartyOrganization,
    @Ctx() ctx: PartyContext,
    @Arg('maxDepth', () => Int, { defaultValue: MAX_TREE_DEPTH, description: `向下层数 1–${MAX_TREE_DEPTH}` })
    maxDepth: number,
    @Arg('includeDissolved', { defaultValue: false, description: '包含已撤销的组织' }) includeDissolved: boolean,
  ) {
    return descendantsOf(ctx, organization.id, maxDepth, includeDissolved);
  }

  @FieldResolver(() => StreetReference, { nullable: true, description: '所在（街道党工委：覆盖的）街道' })
  street(@Root() organization: PartyOrganization) {
    return ref(organization.streetId);
  }

  @FieldResolver(() => CommunityReference, { nullable: true, description: '所在（社区党委：覆盖的）社区' })
  community(@Root() organization: PartyOrganization) {
    return ref(organization.communityId);
  }

  // Nullable: the grid service answers for it, and while it is down only this field is lost.
  @FieldResolver(() => [GridReference], { nullable: true, description: '网格党支部覆盖的网格' })
  grids(@Root() organization: PartyOrganization) {
    return organization.gridIds.map((id) => ({ id }));
  }

  // Nullable: the grid service answers for it, and while it is down only this field is lost.
  @FieldResolver(() => [BuildingReference], { nullable: true, description: '楼栋党小组覆盖的楼栋' })
  buildings(@Root() organization: PartyOrganization) {
    return organization.buildingIds.map((id) => ({ id }));
  }

  @FieldResolver(() => HouseholdReference, { nullable: true, description: '党员中心户所在的户' })
  household(@Root() organization: PartyOrganization) {
    return ref(organization.householdId);
  }

  @FieldResolver(() => PartyMember, { nullable: true, description: '书记（党小组长、中心户户主）' })
  async secretary(@Root() organization: PartyOrganization, @Ctx() ctx: PartyContext) {
    return secretaryOf(ctx, organization.id);
  }

  @FieldResolver(() => [PartyRole], { description: '在任班子成员（书记、副书记、委员）' })
  officers(@Root() organization: PartyOrganization, @Ctx() ctx: PartyContext) {
    return ctx.loaders.rolesInOffice.load(organization.id);
  }

  @FieldResolver(() => PartyMemberConnection, { description: '组织关系在本组织的党员' })
  async members(@Root() organization: PartyOrganization, @Ctx() ctx: PartyContext, @Args() page: PageArgs) {
    return new PartyMemberConnection(await ctx.loaders.membersOfOrganization(organization.id, page));
  }

  @FieldResolver(() => [CommitteeSeat], { description: '大党委兼职委员（社区党委）；默认只列在任的' })
  async committeeSeats(
    @Root() organization: PartyOrganization,
    @Ctx() ctx: PartyContext,
    @Arg('includeEnded', { defaultValue: false, description: '包含已结束的席位' }) includeEnded: boolean,
  ) {
    return seatsOf(ctx, organization.id, includeEnded);
  }

  @FieldResolver(() => [OrganizationChange], { description: '调整历史（新建、修改、调整隶属、拆分、撤销）' })
  history(@Root() organization: PartyOrganization, @Ctx() ctx: PartyContext) {
    return ctx.loaders.changesOfOrganization.load(organization.id);
  }
}
