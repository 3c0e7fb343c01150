import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Args, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { badInput } from '../../../lib/errors';
import { isId } from '../../../lib/ids';
import { PageArgs } from '../../../lib/pagination';
import { CommunityReference, GridReference, OrganizationLevel, OrganizationStatus, PartyOrganization } from '../entities';
import { requireSignedIn } from '../access';
import type { PartyContext } from '../loaders';
import { pageOfIds, UncoveredBuildingConnection, UncoveredGridConnection } from './connections';

/**
 * Coverage figures. The list of grids (or buildings, communities) belongs to the grid
 * subgraph, so the caller names them — e.g. the ids from `grids(communityId: …)` — and this
 * subgraph answers for exactly those: no hidden copy of the grid map, no call to another service.
 */
const MAX_IDS = 1000;

function checkIds(ids: string[], field: string): string[] {
  if (ids.length > MAX_IDS) throw badInput(field, `${field} takes at most ${MAX_IDS} ids`);
  ids.forEach((id, index) => {
    if (!isId(id)) throw badInput(`${field}[${index}]`, `${field}[${index}] is not an id`);
  });
  return [...new Set(ids)];
}

async function coveredBy(em: EntityManager, level: OrganizationLevel, column: 'gridIds' | 'buildingIds', ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await em.find(PartyOrganization, { level, status: OrganizationStatus.ACTIVE, [column]: { $overlap: ids } }, { fields: [column] as any });
  return new Set(rows.flatMap((row) => row[column]));
}

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

@Resolver()
export class CoverageResolver {
  @Query(() => UncoveredGridConnection, { description: '给出的网格中尚未建立网格党支部的（按给出的顺序）' })
  async gridsWithoutPartyBranch(
    @Ctx() ctx: PartyContext,
    @Arg('gridIds', () => [ID], { description: '要检查的网格，如某社区全部在用网格' }) gridIds: string[],
    @Args() page: PageArgs,
  ): Promise<UncoveredGridConnection> {
    requireSignedIn(ctx.viewer, 'Party coverage figures');
    const ids = checkIds(gridIds, 'gridIds');
    const covered = await coveredBy(ctx.em, OrganizationLevel.GRID_BRANCH, 'gridIds', ids);
    return new UncoveredGridConnection(pageOfIds(ids.filter((id) => !covered.has(id)), page));
  }

  @Query(() => UncoveredBuildingConnection, { description: '给出的楼栋中尚未建立楼栋党小组的（按给出的顺序）' })
  async buildingsWithoutPartyGroup(
    @Ctx() ctx: PartyContext,
    @Arg('buildingIds', () => [ID]) buildingIds: string[],
    @Args() page: PageArgs,
  ): Promise<UncoveredBuildingConnection> {
    requireSignedIn(ctx.viewer, 'Party coverage figures');
    const ids = checkIds(buildingIds, 'buildingIds');
    const covered = await coveredBy(ctx.em, OrganizationLevel.BUILDING_GROUP, 'buildingIds', ids);
    return new UncoveredBuildingConnection(pageOfIds(ids.filter((id) => !covered.has(id)), page));
  }

  @Query(() => [GridPartyMemberCount], { description: '各网格居住的党员数（一行一个给出的网格）' })
  async partyMembersPerGrid(@Ctx() ctx: PartyContext, @Arg('gridIds', () => [ID]) gridIds: string[]): Promise<GridPartyMemberCount[]> {
    // Counts, not people: every signed-in caller may have them.
    requireSignedIn(ctx.viewer, 'Party member counts');
    const ids = checkIds(gridIds, 'gridIds');
    const rows: Array<{ home_grid_id: string; members: string; showing: string }> = ids.length
      ? await ctx.em.getKnex()('party_building.party_member')
        .whereIn('home_grid_id', ids)
        .groupBy('home_grid_id')
        .select('home_grid_id', ctx.em.getKnex().raw('count(*) as members'), ctx.em.getKnex().raw('count(*) filter (where shows_identity_publicly) as showing'))
      : [];
    const byGrid = new Map(rows.map((row) => [row.home_grid_id, row]));
    return ids.map((id) => ({ grid: { id }, members: Number(byGrid.get(id)?.members ?? 0), showingIdentity: Number(byGrid.get(id)?.showing ?? 0) }));
  }

  @Query(() => [CommunityInServiceCount], { description: '各社区在职党员数（一行一个给出的社区）' })
  async inServicePartyMembersPerCommunity(
    @Ctx() ctx: PartyContext,
    @Arg('communityIds', () => [ID]) communityIds: string[],
  ): Promise<CommunityInServiceCount[]> {
    requireSignedIn(ctx.viewer, 'Party member counts');
    const ids = checkIds(communityIds, 'communityIds');
    const counts = await Promise.all(ids.map((id) => ctx.loaders.inServiceCountOfCommunity.load(id)));
    return ids.map((id, i) => ({ community: { id }, inServiceMembers: counts[i] }));
  }
}
