import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { checkIdArguments } from '../../../lib/ids';
import { PageArgs, paginate } from '../../../lib/pagination';
import { equalTo } from '../../../lib/sql-rows';
import { checkMaxDepth, MAX_TREE_DEPTH } from '../domain/organization-levels';
import { isInOffice, today } from '../domain/terms';
import {
  BuildingReference, CommitteeSeat, CommunityReference, GridReference, HouseholdReference, OrganizationChange, OrganizationLevel,
  OrganizationStatus, PartyMember, PartyOrganization, PartyRole, PartyRoleKind, ref, StreetReference,
} from '../entities';
import { requireSignedIn } from '../access';
import type { PartyContext } from '../loaders';
import { PartyMemberConnection, PartyOrganizationConnection } from './connections';

@ArgsType()
class OrganizationFilter extends PageArgs {
  @Field(() => OrganizationLevel, { nullable: true }) level?: OrganizationLevel;
  @Field(() => ID, { nullable: true, description: '直接上级' }) parentId?: string;
  @Field(() => ID, { nullable: true, description: '所在街道（含下属各级）' }) streetId?: string;
  @Field(() => ID, { nullable: true, description: '所在社区（含下属各级）' }) communityId?: string;
  @Field(() => ID, { nullable: true, description: '覆盖该网格的网格党支部' }) gridId?: string;
  @Field(() => OrganizationStatus, { nullable: true }) status?: OrganizationStatus;
}

const isActive = (o: PartyOrganization) => o.status === OrganizationStatus.ACTIVE;

@Resolver(() => PartyOrganization)
export class PartyOrganizationResolver {
  @Query(() => PartyOrganization, { nullable: true, description: '按 id 查党组织（含已撤销的）' })
  partyOrganization(@Ctx() ctx: PartyContext, @Arg('id', () => ID) id: string) {
    requireSignedIn(ctx.viewer, 'reading Party organisations');
    return ctx.loaders.organization.load(id);
  }

  @Query(() => PartyOrganizationConnection, { description: '党组织列表，可按层级、上级、街道、社区、网格、状态筛选' })
  async partyOrganizations(@Ctx() ctx: PartyContext, @Args() filter: OrganizationFilter, @Info() info: GraphQLResolveInfo): Promise<PartyOrganizationConnection> {
    requireSignedIn(ctx.viewer, 'reading Party organisations');
    const { parentId, streetId, communityId, gridId } = filter;
    checkIdArguments({ parentId, streetId, communityId, gridId });
    return new PartyOrganizationConnection(await paginate(ctx.em, PartyOrganization, (parameter) => [
      ...equalTo(parameter, { level: filter.level, parent_id: parentId, street_id: streetId, community_id: communityId, status: filter.status }),
      // The organisations covering the grid: their grid lists hold it.
      ...(gridId ? [`"grid_ids" && ${parameter([gridId])}`] : []),
    ], filter, info));
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

  @FieldResolver(() => [PartyOrganization], { description: `下级各层（至多 ${MAX_TREE_DEPTH} 层），由近及远；一次递归查询` })
  async descendants(
    @Root() organization: PartyOrganization,
    @Ctx() ctx: PartyContext,
    @Arg('maxDepth', () => Int, { defaultValue: MAX_TREE_DEPTH, description: `向下层数 1–${MAX_TREE_DEPTH}` }) maxDepth: number,
    @Arg('includeDissolved', { defaultValue: false, description: '包含已撤销的组织' }) includeDissolved: boolean,
  ) {
    const rows = await ctx.loaders.descendants.load({ id: organization.id, maxDepth: checkMaxDepth(maxDepth) });
    return includeDissolved ? rows : rows.filter(isActive);
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
    const roles = await ctx.loaders.rolesInOffice.load(organization.id);
    const secretary = roles.find((r) => r.role === PartyRoleKind.SECRETARY);
    // Offices are narrowed to the members the viewer sees, so an out-of-scope secretary reads as none.
    return secretary ? ctx.loaders.visibleMember(secretary.member.id) : null;
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
    const seats = await ctx.loaders.seatsOfCommittee.load(organization.id);
    const day = today();
    return includeEnded ? seats : seats.filter((seat) => isInOffice(seat, day));
  }

  @FieldResolver(() => [OrganizationChange], { description: '调整历史（新建、修改、调整隶属、拆分、撤销）' })
  history(@Root() organization: PartyOrganization, @Ctx() ctx: PartyContext) {
    return ctx.loaders.changesOfOrganization.load(organization.id);
  }
}
