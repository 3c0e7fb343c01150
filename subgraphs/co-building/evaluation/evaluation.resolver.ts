import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { newId } from '../../../lib/ids';
import { fetchRemoteEntities } from '../../../lib/remote-entities';
import { checkGradable, checkGrader, type EvaluationFigures } from './evaluation.rules';
import { yearPeriod, type Period } from '../shared/periods';
import { requireRecord } from '../../../lib/records';
import { checkId } from '../shared/check-id';
import { checkText } from '../shared/text';
import { Evaluation } from './evaluation.entity';
import { Grade } from '../shared/enums';
import { PartyOrganizationReference } from '../shared/references';
import { Unit } from '../unit/unit.entity';
import { checkCityAdmin, checkGradingParty } from '../access';
import type { CoBuildingContext } from '../context';

@InputType({ description: '统计共建单位某年度的参与情况' })
class ComputeEvaluationInput {
  @Field(() => ID) unitId!: string;
  @Field(() => Int) year!: number;
}

@InputType({ description: '街道党工委评定档次' })
class GradeEvaluationInput {
  @Field(() => ID) unitId!: string;
  @Field(() => Int) year!: number;
  @Field(() => Grade) grade!: Grade;
  @Field({ description: '评价意见' }) comment!: string;
  @Field(() => ID, { description: '评定的街道党工委（党建子图的 PartyOrganization）' }) gradedByOrganizationId!: string;
}

/**
 * The year's four figures for a unit in one statement: members reported and pledges held at any
 * time in the year; wishes fulfilled in the year by the unit or by its members while reported
 * from it; projects it completed in the year.
 */
async function figuresOf(em: EntityManager, unitId: string, period: Period): Promise<EvaluationFigures> {
  const fulfilledOn = `cast(timezone('Asia/Shanghai', w.fulfilled_at) as date)`;
  const query = em.getKnex().raw(
    `select
       (select cast(count(*) as int) from co_building.member_report r
         where r.unit_id = :unit and r.reported_on <= :to and (r.ended_on is null or r.ended_on >= :from)) as "membersReported",
       (select cast(count(*) as int) from co_building.pledge p join co_building.member_report r on r.id = p.report_id
         where r.unit_id = :unit and p.signed_on <= :to and (p.ended_on is null or p.ended_on >= :from)) as "pledgesHeld",
       (select cast(count(*) as int) from co_building.wish w
         where w.status = 'FULFILLED' and ${fulfilledOn} between :from and :to
           and (w.claimed_by_unit_id = :unit or exists (
             select 1 from co_building.member_report r
              where r.member_id = w.claimed_by_member_id and r.unit_id = :unit
                and r.reported_on <= ${fulfilledOn} and (r.ended_on is null or r.ended_on >= ${fulfilledOn})))) as "wishesFulfilled",
       (select cast(count(*) as int) from co_building.project pr
         where pr.unit_id = :unit and pr.status = 'DONE' and pr.done_on between :from and :to) as "projectsDone"`,
    { unit: unitId, from: period.from, to: period.to },
  );
  return em.getConnection().execute<EvaluationFigures>(query, [], 'get', em.getTransactionContext());
}

@Resolver(() => Evaluation)
export class EvaluationResolver {
  @Query(() => Evaluation, { nullable: true, description: '某共建单位某年度的评价' })
  evaluation(@Ctx() ctx: CoBuildingContext, @Arg('unitId', () => ID) unitId: string, @Arg('year', () => Int) year: number) {
    checkId(unitId, 'unitId', 'Unit');
    return ctx.em.findOne(Evaluation, { unit: unitId, year });
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
    checkCityAdmin(ctx.viewer, 'computing a unit\'s figures');
    const period = yearPeriod(input.year, 'input.year');
    return ctx.em.transactional(async (em) => {
      const unit = await requireRecord(em, Unit, input.unitId, 'input.unitId');
      const figures = await figuresOf(em, unit.id, period);
      const existing = await em.findOne(Evaluation, { unit, year: input.year });
      if (existing) return em.assign(existing, { ...figures, computedAt: new Date() });
      return em.create(Evaluation, { id: newId(), unit, year: input.year, ...figures, computedAt: new Date() });
    });
  }

  @Mutation(() => Evaluation, { description: '街道党工委评定 A、B、C、D 档（须先统计该年度数据）' })
  async gradeEvaluation(@Ctx() ctx: CoBuildingContext, @Arg('input') input: GradeEvaluationInput): Promise<Evaluation> {
    checkGradingParty(ctx.viewer, input.gradedByOrganizationId, 'input.gradedByOrganizationId');
    yearPeriod(input.year, 'input.year');
    const comment = checkText(input.comment, 'input.comment', 2000);
    checkId(input.gradedByOrganizationId, 'input.gradedByOrganizationId', 'PartyOrganization');
    const [grader] = await fetchRemoteEntities<{ level: string }>(
      'party-building', 'PartyOrganization', [input.gradedByOrganizationId], 'id level',
    );
    checkGrader(grader, input.gradedByOrganizationId, 'input.gradedByOrganizationId');
    return ctx.em.transactional(async (em) => {
      const unit = await requireRecord(em, Unit, input.unitId, 'input.unitId');
      const evaluation = await em.findOne(Evaluation, { unit, year: input.year });
      checkGradable(evaluation, unit.id, input.year);
      return em.assign(evaluation as Evaluation, {
        grade: input.grade, comment, gradedByOrganizationId: input.gradedByOrganizationId, gradedAt: new Date(),
      });
    });
  }
}
