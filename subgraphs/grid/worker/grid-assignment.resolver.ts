import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { assignWorker, unassignWorker } from './grid-worker.service';
import { ROLE_LABELS } from '../shared/enums';
import { Grid } from '../grid/grid.entity';
import { GridAssignment } from './grid-assignment.entity';
import { GridWorker } from './grid-worker.entity';
import type { GridContext } from '../context';
import { AssignWorkerInput } from './grid-assignment.inputs';

@Resolver(() => GridAssignment)
export class GridAssignmentResolver {
  @FieldResolver(() => GridWorker)
  worker(@Root() assignment: GridAssignment, @Ctx() ctx: GridContext) {
    return ctx.loaders.worker.load(assignment.worker.id);
  }

  @FieldResolver(() => Grid)
  grid(@Root() assignment: GridAssignment, @Ctx() ctx: GridContext) {
    return ctx.loaders.grid.load(assignment.grid.id);
  }

  @FieldResolver(() => String, { description: '角色中文名' })
  roleLabel(@Root() assignment: GridAssignment): string {
    return ROLE_LABELS[assignment.role];
  }

  @Mutation(() => GridAssignment, { description: '配置网格员；同一网格只能有一名在任网格长' })
  assignWorker(@Ctx() ctx: GridContext, @Arg('input') input: AssignWorkerInput): Promise<GridAssignment> {
    return assignWorker(ctx, input);
  }

  @Mutation(() => GridAssignment, { description: '解除配置：记录结束时间，历史保留' })
  unassignWorker(
    @Ctx() ctx: GridContext,
    @Arg('assignmentId', () => ID) assignmentId: string,
  ): Promise<GridAssignment> {
    return unassignWorker(ctx, assignmentId);
  }
}
