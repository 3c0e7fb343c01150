import { newId } from '../../../lib/ids';
import { requireRecord } from '../../../lib/records';
import { fetchRemoteEntities } from '../../../lib/remote-entities';
import { checkCityAdmin, checkGradingParty } from '../access';
import type { CoBuildingContext } from '../context';
import { checkId } from '../shared/check-id';
import { yearPeriod } from '../shared/periods';
import { checkText } from '../shared/text';
import { Unit } from '../unit/unit.entity';
import { Evaluation } from './evaluation.entity';
import type { ComputeEvaluationInput, GradeEvaluationInput } from './evaluation.inputs';
import { checkGradable, checkGrader } from './evaluation.rules';
import { figuresOf } from './evaluation.store';

/** A unit's year: figures computed from the data, then graded by the street's Party working committee (街道党工委评定). */

export function findEvaluation(ctx: CoBuildingContext, unitId: string, year: number): Promise<Evaluation | null> {
  checkId(unitId, 'unitId', 'Unit');
  return ctx.em.findOne(Evaluation, { unit: unitId, year });
}

export function computeEvaluation(ctx: CoBuildingContext, input: ComputeEvaluationInput): Promise<Evaluation> {
  checkCityAdmin(ctx.viewer, "computing a unit's figures");
  const period = yearPeriod(input.year, 'input.year');
  return ctx.em.transactional(async (em) => {
    const unit = await requireRecord(em, Unit, input.unitId, 'input.unitId');
    const figures = await figuresOf(em, unit.id, period);
    const existing = await em.findOne(Evaluation, { unit, year: input.year });
    if (existing) return em.assign(existing, { ...figures, computedAt: new Date() });
    return em.create(Evaluation, { id: newId(), unit, year: input.year, ...figures, computedAt: new Date() });
  });
}

export async function gradeEvaluation(ctx: CoBuildingContext, input: GradeEvaluationInput): Promise<Evaluation> {
  checkGradingParty(ctx.viewer, input.gradedByOrganizationId, 'input.gradedByOrganizationId');
  yearPeriod(input.year, 'input.year');
  const comment = checkText(input.comment, 'input.comment', 2000);
  checkId(input.gradedByOrganizationId, 'input.gradedByOrganizationId', 'PartyOrganization');
  const [grader] = await fetchRemoteEntities<{ level: string }>(
    'party-building',
    'PartyOrganization',
    [input.gradedByOrganizationId],
    'id level',
  );
  checkGrader(grader ?? null, input.gradedByOrganizationId, 'input.gradedByOrganizationId');
  return ctx.em.transactional(async (em) => {
    const unit = await requireRecord(em, Unit, input.unitId, 'input.unitId');
    const evaluation = await em.findOne(Evaluation, { unit, year: input.year });
    checkGradable(evaluation, unit.id, input.year);
    return em.assign(evaluation as Evaluation, {
      grade: input.grade,
      comment,
      gradedByOrganizationId: input.gradedByOrganizationId,
      gradedAt: new Date(),
    });
  });
}
