import { badInput, conflict, notFound } from '../../../lib/errors';
import { withArticle } from '../../../lib/articles';

/**
 * 年度评价: the street working committee grades a unit A–D on the year's participation figures,
 * so the figures must be computed first; a grade comes with a comment.
 */
export function checkGradable(
  evaluation: { computedAt: Date } | null,
  unitId: string,
  year: number,
  field = 'input.year',
): asserts evaluation is { computedAt: Date } {
  if (!evaluation) {
    throw conflict(
      field,
      `no figures for unit ${unitId} in ${year} yet: run computeEvaluation for that year before grading`,
    );
  }
}

export function checkGrader(organization: { level: string } | null, organizationId: string, field: string): void {
  if (!organization) throw notFound(field, 'PartyOrganization', organizationId);
  if (organization.level !== 'STREET_WORKING_COMMITTEE') {
    throw badInput(
      field,
      `grades are set by a street working committee (街道党工委), not ${withArticle(organization.level)}`,
    );
  }
}

/** The four figures and what the street committee reads them against. */
export interface EvaluationFigures {
  membersReported: number;
  pledgesHeld: number;
  wishesFulfilled: number;
  projectsDone: number;
}
