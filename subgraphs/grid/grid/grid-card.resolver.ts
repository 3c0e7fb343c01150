import { Arg, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { badInput } from '../../../lib/errors';
import { buildGridCard, type CardAssignment } from './grid-card.rules';
import { AssignmentRole, WorkerDuty } from '../shared/enums';
import { GridWorker } from '../worker/grid-worker.entity';
import type { GridContext } from '../context';

@ObjectType({ description: '公示牌上的一项职责' })
class GridCardDuty {
  @Field(() => WorkerDuty) duty!: WorkerDuty;
  @Field({ description: '职责中文名' }) label!: string;
}

@ObjectType({ description: '公示牌上的一名网格员（不含本人手机号）' })
class GridCardWorker {
  @Field({ description: '姓名' }) name!: string;
  @Field(() => AssignmentRole) role!: AssignmentRole;
  @Field({ description: '角色中文名' }) roleLabel!: string;
  @Field(() => String, { nullable: true, description: '派驻部门' }) department!: string | null;
  @Field(() => [GridCardDuty]) duties!: GridCardDuty[];
  @Field(() => String, { nullable: true, description: '公示联系方式' }) publicContact!: string | null;
}

@ObjectType({ description: '网格公示牌：网格员姓名、职责、联系方式；不含居民信息，无需登录' })
class GridCard {
  @Field({ description: '网格编码' }) gridCode!: string;
  @Field({ description: '网格名称' }) gridName!: string;
  @Field({ description: '所属社区' }) communityName!: string;
  @Field(() => [GridCardWorker], { description: '在任网格员：网格长、专职、兼职、协管员' }) workers!: GridCardWorker[];
}

@Resolver()
export class GridCardResolver {
  // Meant for the board at the building door: the one query open to callers without a token
  // (PUBLIC_QUERIES in access.ts), which is why it carries work contacts only and no resident data.
  @Query(() => GridCard, { nullable: true, description: '网格公示牌（按网格 id 或编码）' })
  async gridCard(
    @Ctx() ctx: GridContext,
    @Arg('gridId', () => ID, { nullable: true }) gridId?: string,
    @Arg('code', () => String, { nullable: true }) code?: string,
  ): Promise<GridCard | null> {
    if (!gridId && !code) throw badInput('gridId', 'give gridId or code');
    const grid = gridId ? await ctx.loaders.grid.load(gridId) : await ctx.loaders.gridByCode.load(code!);
    if (!grid) return null;
    const [community, assignments] = await Promise.all([
      ctx.loaders.community.load(grid.community.id),
      ctx.loaders.activeAssignmentsOfGrid.load(grid.id),
    ]);
    const workers = await ctx.loaders.worker.loadMany(assignments.map((a) => a.worker.id));
    const entries: CardAssignment[] = assignments.flatMap((assignment, i) => {
      const worker = workers[i];
      return worker instanceof GridWorker ? [{ role: assignment.role, duties: assignment.duties, worker }] : [];
    });
    return buildGridCard(grid, community?.name ?? '', entries);
  }
}
