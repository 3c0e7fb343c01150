import { conflict, type DomainError } from '../../../lib/errors';
import { isOverdue } from './case-deadline.rules';
import { allowedActions, CaseAction, CaseState, Satisfaction, stateRefusal } from './case-state-machine.rules';
import { CaseLevel, escalationRefusal } from './case-escalation.rules';

/**
 * Whether a step can be taken on a case now, beyond its state: the one rule that both the step
 * mutations (case-steps.service.ts) and Case.allowedActions ask, so what a caller is offered is what it
 * is then allowed. Who may take a step (role and scope) is access.ts's; this module knows the
 * case alone.
 */
export interface CaseCondition {
  state: CaseState;
  level: CaseLevel;
  /** The rating of the current closing (null until rated; reset by each closing). */
  satisfaction: Satisfaction | null;
  deadline: Date | null;
}

export interface CaseLookups {
  /** Whether an extension request of the case waits for a decision; asked only for the extension steps. */
  pendingExtension(): Promise<boolean>;
}

/**
 * Why the case refuses `action` now, as the CONFLICT the mutation answers, or null. `field`
 * names the argument a refusal of the state is blamed on (the action, or the case).
 */
export async function caseRefusal(
  c: CaseCondition,
  action: CaseAction,
  now: Date,
  lookups: CaseLookups,
  field = 'input.caseId',
): Promise<DomainError | null> {
  const byState = stateRefusal(c.state, action, field);
  if (byState) return byState;
  switch (action) {
    case CaseAction.RATE:
      return c.satisfaction === null
        ? null
        : conflict('input.caseId', `this closing was already rated ${c.satisfaction}`);
    case CaseAction.SUPERVISE:
      if (isOverdue(c.deadline, now)) return null;
      return conflict(
        'input.caseId',
        c.deadline
          ? `the case is not overdue: its deadline ${c.deadline.toISOString()} has not passed; a supervision notice is for overdue cases`
          : 'the case has no deadline yet (not dispatched); a supervision notice is for overdue cases',
      );
    case CaseAction.ESCALATE:
      return escalationRefusal(c.level);
    case CaseAction.REQUEST_EXTENSION:
      return (await lookups.pendingExtension())
        ? conflict('input.caseId', 'the case already has an extension request waiting for a decision')
        : null;
    case CaseAction.DECIDE_EXTENSION:
      return (await lookups.pendingExtension())
        ? null
        : conflict('input.caseId', 'the case has no extension request waiting for a decision');
    default:
      return null;
  }
}

/** The check of a step mutation, after its caller's permission: throws the case's refusal. */
export async function requireCaseTakes(
  c: CaseCondition,
  action: CaseAction,
  now: Date,
  lookups: CaseLookups,
  field?: string,
): Promise<void> {
  const refusal = await caseRefusal(c, action, now, lookups, field);
  if (refusal) throw refusal;
}

/**
 * The steps a caller may take on the case now, in loop order: those its role and scope allow
 * (`mayAct`, access.ts's rule that the mutations' guard applies) and the case takes now.
 */
export async function openActions(
  c: CaseCondition,
  now: Date,
  mayAct: (action: CaseAction) => boolean,
  lookups: CaseLookups,
): Promise<CaseAction[]> {
  const open: CaseAction[] = [];
  for (const action of allowedActions(c.state)) {
    if (mayAct(action) && !(await caseRefusal(c, action, now, lookups))) open.push(action);
  }
  return open;
}
