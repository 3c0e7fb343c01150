import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from 'type-graphql';
import { assignWorker, unassignWorker } from './grid-worker.service';
import { AssignmentRole, ROLE_LABELS, WorkerDuty } from '../shared/enums';
import { Grid } from '../grid/grid.entity';
import { GridAssignment } from './grid-assignment.entity';
import { GridWorker } from './grid-worker.entity';
import type { GridContext } from '../context';
import { guardStructureWrite } from '../shared/write-guard';

@InputType({ description: '配置网格员到网格（一人一网、一人多网、多人一网）' })
class AssignWorkerInput {
  @Field(() => ID) workerId!: string;
  @Field(() => ID) gridId!: string;
  @Field(() => AssignmentRole) role!: AssignmentRole;
  @Field(() => [WorkerDuty], { nullable: true, description: '在本网格履行的职责；省略时按角色默认' }) duties?: WorkerDuty[];
}

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
    return ctx.em.transactional(async (em) => {
      await guardStructureWrite(em, ctx.viewer, 'assigning a worker', [{ field: 'input.gridId', kind: 'grid', id: input.gridId }]);
      return assignWorker(em, input);
    });
  }

  @Mutation(() => GridAssignment, { description: '解除配置：记录结束时间，历史保留' })
  unassignWorker(@Ctx() ctx: GridContext, @Arg('assignmentId', () => ID) assignmentId: string): Promise<GridAssignment> {
    return ctx.em.transactional(async (em) => {
      await guardStructureWrite(em, ctx.viewer, 'ending an assignment', [{ field: 'assignmentId', kind: 'assignment', id: assignmentId }]);
      return unassignWorker(em, assignmentId);
    });
  }
}
