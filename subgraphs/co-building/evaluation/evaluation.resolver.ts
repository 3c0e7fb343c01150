import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CoBuildingContext } from '../context';
import { PartyOrganizationReference } from '../shared/references';
import { Unit } from '../unit/unit.entity';
import { Evaluation } from './evaluation.entity';
import { ComputeEvaluationInput, GradeEvaluationInput } from './evaluation.inputs';
import { computeEvaluation, findEvaluation, gradeEvaluation } from './evaluation.service';

@Resolver(() => Evaluation)
export class EvaluationResolver {
  @Query(() => Evaluation, { nullable: true, description: '某共建单位某年度的评价' })
  evaluation(
    @Ctx() ctx: CoBuildingContext,
    @Arg('unitId', () => ID) unitId: string,
    @Arg('year', () => Int) year: number,
  ) {
    return findEvaluation(ctx, unitId, year);
  }

  @FieldResolver(() => Unit)
  unit(@Root() evaluation: Evaluation, @Ctx() ctx: CoBuildingContext) {
    return ctx.loaders.unit.load(evaluation.unit.id);
  }

  @FieldResolver(() => PartyOrganizationReference, { nullable: true, description: '评定的街道党工委' })
  gradedBy(@Root() evaluation: Evaluation) {
    return evaluation.gradedByOrganizationId ? { id: evaluation.gradedByOrganizationId } : null;
  }

  @Mutation(() => Evaluation, { description: '按数据统计共建单位某年度的参与情况（可重复统计，档次保留）' })
  computeEvaluation(@Ctx() ctx: CoBuildingContext, @Arg('input') input: ComputeEvaluationInput): Promise<Evaluation> {
    return computeEvaluation(ctx, input);
  }

  @Mutation(() => Evaluation, { description: '街道党工委评定 A、B、C、D 档（须先统计该年度数据）' })
  gradeEvaluation(@Ctx() ctx: CoBuildingContext, @Arg('input') input: GradeEvaluationInput): Promise<Evaluation> {
    return gradeEvaluation(ctx, input);
  }
}
