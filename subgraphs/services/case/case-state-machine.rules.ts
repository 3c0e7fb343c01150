import { conflict, type DomainError } from '../../../lib/errors';
import { withArticle } from '../../../lib/articles';

/**
 * The closed loop of a case (GB/T 30428's case flow; 凌河 "六步闭环"), in one place and free of
 * the database: which action may be taken in which state, and where it leads. Services ask
 * this module and never decide a transition themselves.
 */
export enum CaseState {
  REPORTED = 'REPORTED',
  ACCEPTED = 'ACCEPTED',
  DISPATCHED = 'DISPATCHED',
  IN_PROGRESS = 'IN_PROGRESS',
  PARKED = 'PARKED',
  RESOLVED = 'RESOLVED',
  VERIFIED = 'VERIFIED',
  CLOSED = 'CLOSED',
  RETURNED = 'RETURNED',
  CANCELLED = 'CANCELLED',
}

export enum CaseAction {
  /** 信息收集: the report itself (the first event of every timeline). */
  REPORT = 'REPORT',
  /** 案卷建立: registered as a valid case. */
  ACCEPT = 'ACCEPT',
  /** 作废: an invalid report. */
  CANCEL = 'CANCEL',
  /** 任务派遣: sent to a department; the clock starts. */
  DISPATCH = 'DISPATCH',
  /** The handler takes it up. */
  START = 'START',
  /** 回退: the handler sends it back to the dispatcher. */
  RETURN = 'RETURN',
  /** 挂账: put on hold; the deadline clock stops. */
  PARK = 'PARK',
  RESUME = 'RESUME',
  /** 处理反馈: the handler reports it done. */
  RESOLVE = 'RESOLVE',
  /** 核查: checked on site. */
  VERIFY = 'VERIFY',
  /** 结案 */
  CLOSE = 'CLOSE',
  /** To the next level (小事不出格、大事不出网): back to ACCEPTED, waiting for that level's dispatch. */
  ESCALATE = 'ESCALATE',
  /** 延期申请, and the decision on it: the state does not change, the deadline may. */
  REQUEST_EXTENSION = 'REQUEST_EXTENSION',
  DECIDE_EXTENSION = 'DECIDE_EXTENSION',
  /** 督办: a notice on an overdue case; the state does not change. */
  SUPERVISE = 'SUPERVISE',
  /** 满意度评价 after closing; an unsatisfied rating reopens the case (寿光: 推倒重来). */
  RATE = 'RATE',
}

export enum Satisfaction {
  SATISFIED = 'SATISFIED',
  BASIC = 'BASIC',
  UNSATISFIED = 'UNSATISFIED',
}

/** States in which a case is still being worked on and can be overdue. */
export const OPEN_STATES: readonly CaseState[] = [
  CaseState.ACCEPTED,
  CaseState.DISPATCHED,
  CaseState.IN_PROGRESS,
  CaseState.RETURNED,
];

const S = CaseState;
const A = CaseAction;

/** `null` target: the action keeps the state. */
const RULES: ReadonlyArray<{ action: CaseAction; from: readonly CaseState[]; to: CaseState | null }> = [
  { action: A.ACCEPT, from: [S.REPORTED], to: S.ACCEPTED },
  { action: A.CANCEL, from: [S.REPORTED, S.ACCEPTED], to: S.CANCELLED },
  { action: A.DISPATCH, from: [S.ACCEPTED, S.RETURNED], to: S.DISPATCHED },
  { action: A.START, from: [S.DISPATCHED], to: S.IN_PROGRESS },
  { action: A.RETURN, from: [S.DISPATCHED, S.IN_PROGRESS], to: S.RETURNED },
  { action: A.PARK, from: [S.IN_PROGRESS], to: S.PARKED },
  { action: A.RESUME, from: [S.PARKED], to: S.IN_PROGRESS },
  { action: A.RESOLVE, from: [S.IN_PROGRESS], to: S.RESOLVED },
  { action: A.VERIFY, from: [S.RESOLVED], to: S.VERIFIED },
  { action: A.CLOSE, from: [S.VERIFIED], to: S.CLOSED },
  { action: A.ESCALATE, from: [S.ACCEPTED, S.DISPATCHED, S.IN_PROGRESS, S.RETURNED], to: S.ACCEPTED },
  { action: A.REQUEST_EXTENSION, from: [S.DISPATCHED, S.IN_PROGRESS], to: null },
  { action: A.DECIDE_EXTENSION, from: [S.DISPATCHED, S.IN_PROGRESS, S.PARKED], to: null },
  { action: A.SUPERVISE, from: OPEN_STATES, to: null },
  { action: A.RATE, from: [S.CLOSED], to: null },
];

/** Actions a case in `state` accepts, in loop order (whoever asks; Case.allowedActions narrows them to the caller and the case: case-actions.rules.ts). */
export function allowedActions(state: CaseState): CaseAction[] {
  return RULES.filter((rule) => rule.from.includes(state)).map((rule) => rule.action);
}

/** The CONFLICT of an action the state does not take, naming the allowed ones (`extensions.allowed`); null when it takes it. */
export function stateRefusal(state: CaseState, action: CaseAction, field?: string): DomainError | null {
  const rule = RULES.find((candidate) => candidate.action === action);
  if (rule && rule.from.includes(state)) return null;
  const allowed = allowedActions(state);
  return conflict(
    field,
    `${withArticle(state)} case cannot take ${action}; allowed: ${allowed.length ? allowed.join(', ') : 'none (the case is final)'}`,
    { allowed, state, action },
  );
}

/**
 * The state after `action`, or a CONFLICT naming the allowed actions (`extensions.allowed`).
 * RATE with UNSATISFIED reopens the case: it goes back to DISPATCHED, to be done again.
 */
export function nextState(
  state: CaseState,
  action: CaseAction,
  options: { satisfaction?: Satisfaction; field?: string } = {},
): CaseState {
  const refusal = stateRefusal(state, action, options.field);
  if (refusal) throw refusal;
  if (action === A.RATE && options.satisfaction === Satisfaction.UNSATISFIED) return S.DISPATCHED;
  return RULES.find((rule) => rule.action === action)!.to ?? state;
}
