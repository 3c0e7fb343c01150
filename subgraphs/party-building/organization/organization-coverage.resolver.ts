import { Arg, Args, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';
import type { PartyContext } from '../context';
import { UncoveredBuildingConnection, UncoveredGridConnection } from '../shared/connections';
import { CommunityReference, GridReference } from '../shared/references';
import {
  buildingsWithoutGroup,
  gridsWithoutBranch,
  inServiceMembersPerCommunity,
  membersPerGrid,
} from './organization-coverage.service';

@ObjectType({ description: '网格党员数' })
class GridPartyMemberCount {
  // Nullable: the grid service answers for it, and while it is down only this field is lost.
  @Field(() => GridReference, { nullable: true }) grid!: { id: string };
  @Field(() => Int, { description: '居住在本网格的党员' }) members!: number;
  @Field(() => Int, { description: '其中亮身份的' }) showingIdentity!: number;
}

@ObjectType({ description: '社区在职党员数' })
class CommunityInServiceCount {
  // Nullable: the grid service answers for it, and while it is down only this field is lost.
  @Field(() => CommunityReference, { nullable: true }) community!: { id: string };
  @Field(() => Int, { description: '组织关系在本社区各级党组织的在职党员' }) inServiceMembers!: number;
}

/** Coverage figures over the grids, buildings or communities the caller names. */
@Resolver()
export class CoverageResolver {
  @Query(() => UncoveredGridConnection, { description: '给出的网格中尚未建立网格党支部的（按给出的顺序）' })
  async gridsWithoutPartyBranch(
    @Ctx() ctx: PartyContext,
    @Arg('gridIds', () => [ID], { description: '要检查的网格，如某社区全部在用网格' }) gridIds: string[],
    @Args() page: PageArgs,
  ): Promise<UncoveredGridConnection> {
    return new UncoveredGridConnection(await gridsWithoutBranch(ctx, gridIds, page));
  }

  @Query(() => UncoveredBuildingConnection, { description: '给出的楼栋中尚未建立楼栋党小组的（按给出的顺序）' })
  async buildingsWithoutPartyGroup(
    @Ctx() ctx: PartyContext,
    @Arg('buildingIds', () => [ID]) buildingIds: string[],
    @Args() page: PageArgs,
  ): Promise<UncoveredBuildingConnection> {
    return new UncoveredBuildingConnection(await buildingsWithoutGroup(ctx, buildingIds, page));
  }

  @Query(() => [GridPartyMemberCount], { description: '各网格居住的党员数（一行一个给出的网格）' })
  partyMembersPerGrid(
    @Ctx() ctx: PartyContext,
    @Arg('gridIds', () => [ID]) gridIds: string[],
  ): Promise<GridPartyMemberCount[]> {
    return membersPerGrid(ctx, gridIds);
  }

  @Query(() => [CommunityInServiceCount], { description: '各社区在职党员数（一行一个给出的社区）' })
  inServicePartyMembersPerCommunity(
    @Ctx() ctx: PartyContext,
    @Arg('communityIds', () => [ID]) communityIds: string[],
  ): Promise<CommunityInServiceCount[]> {
    return inServiceMembersPerCommunity(ctx, communityIds);
  }
}
