import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict, notFound } from '../../../lib/errors';
import { newId } from '../../../lib/ids';
import { CaseAction, ExtensionStatus, Satisfaction } from '../shared/enums';
import { CaseEvent } from './case-event.entity';
import { CaseExtension } from './case-extension.entity';
import type { ServiceCase } from './case.entity';
import { findExtension, hasPendingExtension, lockedCase, versionOf } from './case.store';
import { SupervisionNotice } from './supervision-notice.entity';
import { requireCaseTakes, type CaseLookups } from './case-actions.rules';
import { checkExtensionHours, deadlineAfter, deadlineAfterPark, hoursBetween } from './case-deadline.rules';
import { nextState } from './case-state-machine.rules';
import { checkExpectedVersion } from './case-versioning.rules';
import { nextLevel } from './case-escalation.rules';

export interface StepInput {
  caseId: string;
  expectedVersion: number;
  note?: string | null;
}

/**
 * The caller's permission for one step on the loaded case, passed in by case.service.ts (the
 * rules are in access.ts). It runs before the version check and before anything is written, so a
 * refused caller learns nothing of the case's state and leaves no trace.
 */
export type CaseGuard = (serviceCase: ServiceCase, action: CaseAction) => void;

/** Steps that leave a trace of why (作废, 回退, 挂账, 延期, 督办 need a reason). */
const NEEDS_NOTE = new Set([CaseAction.CANCEL, CaseAction.RETURN, CaseAction.PARK]);

/**
 * Run one step of the loop on a case: lock its row, refuse a stale version, ask the state
 * machine, apply the step's effect, bump the version and append the timeline event.
 * Must run inside a transaction (the lock holds until it ends).
 */
async function step(
  em: EntityManager,
  input: StepInput,
  action: CaseAction,
  actor: string,
  guard: CaseGuard,
  options: {
    field?: string;
    satisfaction?: Satisfaction;
    effect?: (serviceCase: ServiceCase, now: Date) => Promise<string | void> | string | void;
  } = {},
): Promise<ServiceCase> {
  const serviceCase = await lockedCase(em, input.caseId);
  if (!serviceCase) throw notFound('input.caseId', 'Case', input.caseId);
  guard(serviceCase, action);
  checkExpectedVersion(serviceCase.version, input.expectedVersion);
  const note = input.note?.trim() || null;
  if (NEEDS_NOTE.has(action) && !note) throw badInput('input.note', `${action} needs a note saying why`);
  const now = new Date();
  // The same rule Case.allowedActions offers steps by: what is offered is what is taken.
  await requireCaseTakes(serviceCase, action, now, caseLookups(em, serviceCase), options.field ?? 'input.caseId');
  const fromState = serviceCase.state;
  const fromLevel = serviceCase.level;
  const toState = nextState(fromState, action, {
    satisfaction: options.satisfaction,
    field: options.field ?? 'input.caseId',
  });
  const detail = await options.effect?.(serviceCase, now);
  serviceCase.state = toState;
  serviceCase.version += 1;
  serviceCase.updatedAt = now;
  em.create(CaseEvent, {
    id: newId(),
    serviceCase,
    action,
    fromState,
    toState,
    actor,
    occurredAt: now,
    fromLevel,
    toLevel: serviceCase.level,
    note: [note, detail].filter(Boolean).join(' — ') || null,
  });
  return serviceCase;
}

/** The case's look-ups for the rule, inside the step's transaction. */
function caseLookups(em: EntityManager, serviceCase: ServiceCase): CaseLookups {
  return {
    pendingExtension: () => hasPendingExtension(em, serviceCase),
  };
}

async function dispatchClock(em: EntityManager, serviceCase: ServiceCase, now: Date): Promise<void> {
  const version = await versionOf(em, serviceCase);
  serviceCase.dispatchedAt = now;
  serviceCase.deadline = deadlineAfter(now, version.timeLimitHours);
}

/** The steps without arguments of their own (`advanceCase`). */
export function advance(
  em: EntityManager,
  input: StepInput,
  action: CaseAction,
  actor: string,
  guard: CaseGuard,
): Promise<ServiceCase> {
  const effects: Partial<Record<CaseAction, (serviceCase: ServiceCase, now: Date) => string | void>> = {
    [CaseAction.ACCEPT]: (c, now) => {
      c.acceptedAt = now;
    },
    [CaseAction.PARK]: (c, now) => {
      c.parkedAt = now;
    },
    [CaseAction.RESUME]: (c, now) => {
      c.deadline = deadlineAfterPark(c.deadline, c.parkedAt ?? now, now);
      c.parkedAt = null;
    },
    [CaseAction.RESOLVE]: (c, now) => {
      c.resolvedAt = now;
    },
    [CaseAction.CLOSE]: (c, now) => {
      c.closedAt = now;
      c.satisfaction = null;
    },
    [CaseAction.ESCALATE]: (c) => {
      const from = c.level;
      c.level = nextLevel(c.level);
      // The next level dispatches anew; its clock starts then.
      c.deadline = null;
      return `${from} → ${c.level}`;
    },
  };
  return step(em, input, action, actor, guard, { field: 'input.action', effect: effects[action] });
}

/** 任务派遣: to a department (the item's responsible department unless named); the clock starts. */
export function dispatch(
  em: EntityManager,
  input: StepInput & { department?: string | null },
  actor: string,
  guard: CaseGuard,
): Promise<ServiceCase> {
  return step(em, input, CaseAction.DISPATCH, actor, guard, {
    effect: async (c, now) => {
      const department = input.department?.trim();
      if (input.department !== undefined && input.department !== null && !department) {
        throw badInput('input.department', 'input.department must not be empty');
      }
      if (department) c.department = department.slice(0, 100);
      await dispatchClock(em, c, now);
      return `to ${c.department}, deadline ${c.deadline!.toISOString()}`;
    },
  });
}

/** 满意度评价 once per closing; UNSATISFIED reopens the case to be done again (推倒重来). */
export function rate(
  em: EntityManager,
  input: StepInput & { satisfaction: Satisfaction },
  actor: string,
  guard: CaseGuard,
): Promise<ServiceCase> {
  return step(em, input, CaseAction.RATE, actor, guard, {
    satisfaction: input.satisfaction,
    effect: async (c, now) => {
      c.satisfaction = input.satisfaction;
      if (input.satisfaction !== Satisfaction.UNSATISFIED) return input.satisfaction;
      c.reopenCount += 1;
      c.resolvedAt = null;
      c.closedAt = null;
      await dispatchClock(em, c, now);
      return `UNSATISFIED: reopened (rework ${c.reopenCount}), deadline ${c.deadline!.toISOString()}`;
    },
  });
}

export async function requestExtension(
  em: EntityManager,
  input: StepInput & { hours: number; reason: string },
  actor: string,
  guard: CaseGuard,
): Promise<CaseExtension> {
  const hours = checkExtensionHours(input.hours);
  const reason = input.reason.trim();
  if (!reason) throw badInput('input.reason', 'an extension needs a reason');
  let extension!: CaseExtension;
  await step(em, { ...input, note: reason }, CaseAction.REQUEST_EXTENSION, actor, guard, {
    effect: (c) => {
      extension = em.create(CaseExtension, { id: newId(), serviceCase: c, hours, reason, requestedBy: actor });
      return `+${hours} h requested`;
    },
  });
  return extension;
}

export async function decideExtension(
  em: EntityManager,
  input: StepInput & { extensionId: string; approve: boolean },
  actor: string,
  guard: CaseGuard,
): Promise<CaseExtension> {
  const extension = await findExtension(em, input.extensionId);
  if (!extension || extension.serviceCase.id !== input.caseId)
    throw notFound('input.extensionId', 'CaseExtension', input.extensionId);
  await step(em, input, CaseAction.DECIDE_EXTENSION, actor, guard, {
    effect: (c, now) => {
      if (extension.status !== ExtensionStatus.PENDING)
        throw conflict('input.extensionId', `the extension was already ${extension.status}`);
      extension.status = input.approve ? ExtensionStatus.APPROVED : ExtensionStatus.REJECTED;
      extension.decidedBy = actor;
      extension.decidedAt = now;
      extension.decisionNote = input.note?.trim() || null;
      if (!input.approve) return `extension of ${extension.hours} h rejected`;
      c.deadline = deadlineAfter(c.deadline ?? now, extension.hours);
      return `extension of ${extension.hours} h approved, deadline ${c.deadline.toISOString()}`;
    },
  });
  return extension;
}

/** 督办通知单: only on a case past its deadline and still open (case-actions.rules.ts). */
export async function supervise(
  em: EntityManager,
  input: StepInput,
  actor: string,
  guard: CaseGuard,
): Promise<SupervisionNotice> {
  let notice!: SupervisionNotice;
  await step(em, input, CaseAction.SUPERVISE, actor, guard, {
    effect: (c, now) => {
      const overdueHours = Math.round(hoursBetween(c.deadline!, now) * 100) / 100;
      notice = em.create(SupervisionNotice, {
        id: newId(),
        serviceCase: c,
        department: c.department,
        deadline: c.deadline!,
        overdueHours,
        issuedBy: actor,
        note: input.note?.trim() || null,
        issuedAt: now,
      });
      return `督办 ${c.department}, ${overdueHours} h overdue`;
    },
  });
  return notice;
}
