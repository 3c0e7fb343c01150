import { DomainError } from '../../lib/errors';
import {
  allowedActions,
  CaseAction,
  CaseState,
  nextState,
  Satisfaction,
} from '../../subgraphs/services/case/case-state-machine.rules';

const S = CaseState;
const A = CaseAction;

/** The loop written out by hand: every legal (state, action) and where it leads; everything else is illegal. */
const LEGAL: Array<[CaseState, CaseAction, CaseState]> = [
  [S.REPORTED, A.ACCEPT, S.ACCEPTED],
  [S.REPORTED, A.CANCEL, S.CANCELLED],
  [S.ACCEPTED, A.CANCEL, S.CANCELLED],
  [S.ACCEPTED, A.DISPATCH, S.DISPATCHED],
  [S.ACCEPTED, A.ESCALATE, S.ACCEPTED],
  [S.ACCEPTED, A.SUPERVISE, S.ACCEPTED],
  [S.RETURNED, A.DISPATCH, S.DISPATCHED],
  [S.RETURNED, A.ESCALATE, S.ACCEPTED],
  [S.RETURNED, A.SUPERVISE, S.RETURNED],
  [S.DISPATCHED, A.START, S.IN_PROGRESS],
  [S.DISPATCHED, A.RETURN, S.RETURNED],
  [S.DISPATCHED, A.ESCALATE, S.ACCEPTED],
  [S.DISPATCHED, A.REQUEST_EXTENSION, S.DISPATCHED],
  [S.DISPATCHED, A.DECIDE_EXTENSION, S.DISPATCHED],
  [S.DISPATCHED, A.SUPERVISE, S.DISPATCHED],
  [S.IN_PROGRESS, A.RETURN, S.RETURNED],
  [S.IN_PROGRESS, A.PARK, S.PARKED],
  [S.IN_PROGRESS, A.RESOLVE, S.RESOLVED],
  [S.IN_PROGRESS, A.ESCALATE, S.ACCEPTED],
  [S.IN_PROGRESS, A.REQUEST_EXTENSION, S.IN_PROGRESS],
  [S.IN_PROGRESS, A.DECIDE_EXTENSION, S.IN_PROGRESS],
  [S.IN_PROGRESS, A.SUPERVISE, S.IN_PROGRESS],
  [S.PARKED, A.RESUME, S.IN_PROGRESS],
  [S.PARKED, A.DECIDE_EXTENSION, S.PARKED],
  [S.RESOLVED, A.VERIFY, S.VERIFIED],
  [S.VERIFIED, A.CLOSE, S.CLOSED],
  [S.CLOSED, A.RATE, S.CLOSED],
];

const legal = new Map(LEGAL.map(([from, action, to]) => [`${from}/${action}`, to]));
const ALL = Object.values(S).flatMap((state) => Object.values(A).map((action) => [state, action] as const));

describe('case state machine', () => {
  it.each(LEGAL)('%s --%s--> %s', (from, action, to) => {
    expect(nextState(from, action, { satisfaction: Satisfaction.SATISFIED })).toBe(to);
  });

  const illegal = ALL.filter(([state, action]) => !legal.has(`${state}/${action}`));
  it.each(illegal)('refuses %s --%s--> with the allowed actions named', (state, action) => {
    let error: unknown;
    try {
      nextState(state, action, { field: 'input.action' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    const domainError = error as DomainError;
    const allowed = LEGAL.filter(([from]) => from === state).map(([, a]) => a);
    expect(domainError.code).toBe('CONFLICT');
    expect(domainError.field).toBe('input.action');
    expect(domainError.extensions.allowed).toEqual(allowed);
    expect(domainError.message).toContain(allowed.length ? allowed.join(', ') : 'none (the case is final)');
  });

  it('counts every pair exactly once', () => {
    expect(LEGAL.length + ALL.filter(([s, a]) => !legal.has(`${s}/${a}`)).length).toBe(ALL.length);
    expect(ALL.length).toBe(Object.values(S).length * Object.values(A).length);
  });

  it('reopens a closed case rated UNSATISFIED (推倒重来) and keeps one rated BASIC closed', () => {
    expect(nextState(S.CLOSED, A.RATE, { satisfaction: Satisfaction.UNSATISFIED })).toBe(S.DISPATCHED);
    expect(nextState(S.CLOSED, A.RATE, { satisfaction: Satisfaction.BASIC })).toBe(S.CLOSED);
  });

  it('lists the allowed actions per state in loop order, none for a cancelled case', () => {
    expect(allowedActions(S.REPORTED)).toEqual([A.ACCEPT, A.CANCEL]);
    expect(allowedActions(S.IN_PROGRESS)).toEqual([
      A.RETURN,
      A.PARK,
      A.RESOLVE,
      A.ESCALATE,
      A.REQUEST_EXTENSION,
      A.DECIDE_EXTENSION,
      A.SUPERVISE,
    ]);
    expect(allowedActions(S.CANCELLED)).toEqual([]);
    expect(() => nextState(S.CANCELLED, A.ACCEPT)).toThrow(
      'a CANCELLED case cannot take ACCEPT; allowed: none (the case is final)',
    );
  });

  it('never accepts REPORT as a step: it only opens a timeline', () => {
    for (const state of Object.values(S)) expect(allowedActions(state)).not.toContain(A.REPORT);
  });
});
