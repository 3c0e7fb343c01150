import {
  byTeamRole,
  checkAssignment,
  checkDeactivation,
  checkDuties,
  checkKindChange,
  checkRoleFitsKind,
  checkUnassign,
  defaultDuties,
} from '../../subgraphs/grid/worker/grid-assignment.rules';
import { AssignmentRole, WorkerDuty, WorkerKind } from '../../subgraphs/grid/shared/enums';
import { expectDomainError } from './expect-domain-error';

const fullTime = { id: 'w1', name: '王芳', kind: WorkerKind.FULL_TIME, active: true };
const activeGrid = { code: '370783001001001', status: 'ACTIVE' as const };

describe('roles a worker kind may take', () => {
  it('lets full-time and part-time workers lead a grid, and keeps coordinators coordinators', () => {
    expect(() => checkRoleFitsKind(WorkerKind.FULL_TIME, AssignmentRole.FULL_TIME)).not.toThrow();
    expect(() => checkRoleFitsKind(WorkerKind.FULL_TIME, AssignmentRole.GRID_CHIEF)).not.toThrow();
    expect(() => checkRoleFitsKind(WorkerKind.PART_TIME, AssignmentRole.GRID_CHIEF)).not.toThrow();
    expect(() => checkRoleFitsKind(WorkerKind.COORDINATOR, AssignmentRole.COORDINATOR)).not.toThrow();
    expectDomainError(
      () => checkRoleFitsKind(WorkerKind.COORDINATOR, AssignmentRole.GRID_CHIEF),
      'BAD_USER_INPUT',
      'input.role',
    );
    expectDomainError(
      () => checkRoleFitsKind(WorkerKind.FULL_TIME, AssignmentRole.COORDINATOR),
      'BAD_USER_INPUT',
      'input.role',
    );
    expectDomainError(
      () => checkRoleFitsKind(WorkerKind.PART_TIME, AssignmentRole.FULL_TIME),
      'BAD_USER_INPUT',
      'input.role',
    );
  });
});

describe('assigning a worker to a grid', () => {
  it('allows several workers in one grid and a second grid for one worker', () => {
    const others = [{ id: 'a1', workerId: 'w2', role: AssignmentRole.PART_TIME }];
    expect(() => checkAssignment(fullTime, activeGrid, AssignmentRole.FULL_TIME, others)).not.toThrow();
  });

  it('refuses a second open assignment of the same worker to the same grid', () => {
    const open = [{ id: 'a1', workerId: 'w1', role: AssignmentRole.FULL_TIME }];
    const error = expectDomainError(
      () => checkAssignment(fullTime, activeGrid, AssignmentRole.GRID_CHIEF, open),
      'CONFLICT',
      'input.workerId',
    );
    expect(error.details).toEqual({ assignmentId: 'a1' });
  });

  it('refuses a second grid chief', () => {
    const open = [{ id: 'a9', workerId: 'w9', role: AssignmentRole.GRID_CHIEF }];
    expectDomainError(
      () => checkAssignment(fullTime, activeGrid, AssignmentRole.GRID_CHIEF, open),
      'CONFLICT',
      'input.role',
    );
  });

  it('refuses a retired grid and an inactive worker', () => {
    expectDomainError(
      () => checkAssignment(fullTime, { ...activeGrid, status: 'RETIRED' }, AssignmentRole.FULL_TIME, []),
      'CONFLICT',
      'input.gridId',
    );
    expectDomainError(
      () => checkAssignment({ ...fullTime, active: false }, activeGrid, AssignmentRole.FULL_TIME, []),
      'CONFLICT',
      'input.workerId',
    );
  });

  it('refuses unassigning an assignment that already ended', () => {
    expect(() => checkUnassign({ endedAt: null })).not.toThrow();
    expectDomainError(() => checkUnassign({ endedAt: new Date('2026-02-01T00:00:00Z') }), 'CONFLICT', 'assignmentId');
  });
});

describe('duties of an assignment', () => {
  it('defaults to all six for chiefs and full-time workers, three for part-time, one for coordinators', () => {
    expect(defaultDuties(AssignmentRole.GRID_CHIEF)).toHaveLength(6);
    expect(defaultDuties(AssignmentRole.FULL_TIME)).toEqual(Object.values(WorkerDuty));
    expect(defaultDuties(AssignmentRole.PART_TIME)).toEqual([
      WorkerDuty.INFORMATION_COLLECTION,
      WorkerDuty.DISPUTE_MEDIATION,
      WorkerDuty.POLICY_PUBLICITY,
    ]);
    expect(defaultDuties(AssignmentRole.COORDINATOR)).toEqual([WorkerDuty.INFORMATION_COLLECTION]);
  });

  it('orders named duties as the six are listed and drops repeats; refuses an empty list', () => {
    expect(
      checkDuties([
        WorkerDuty.CITY_MANAGEMENT_PATROL,
        WorkerDuty.INFORMATION_COLLECTION,
        WorkerDuty.CITY_MANAGEMENT_PATROL,
      ]),
    ).toEqual([WorkerDuty.INFORMATION_COLLECTION, WorkerDuty.CITY_MANAGEMENT_PATROL]);
    expectDomainError(() => checkDuties([]), 'BAD_USER_INPUT', 'input.duties');
  });
});

describe('changing a worker', () => {
  it('refuses a kind the roles they hold do not fit', () => {
    expect(() => checkKindChange(WorkerKind.PART_TIME, [AssignmentRole.GRID_CHIEF])).not.toThrow();
    expectDomainError(
      () => checkKindChange(WorkerKind.COORDINATOR, [AssignmentRole.FULL_TIME]),
      'CONFLICT',
      'input.kind',
    );
  });

  it('refuses deactivating a worker who still serves a grid', () => {
    expect(() => checkDeactivation(0)).not.toThrow();
    expectDomainError(() => checkDeactivation(2), 'CONFLICT', 'input.active');
  });
});

describe("a grid's team order (1+1+N)", () => {
  it('lists the chief, full-time, part-time, then coordinators, keeping the given order within a role', () => {
    const team = [
      { name: 'a', role: AssignmentRole.COORDINATOR },
      { name: 'b', role: AssignmentRole.PART_TIME },
      { name: 'c', role: AssignmentRole.COORDINATOR },
      { name: 'd', role: AssignmentRole.GRID_CHIEF },
      { name: 'e', role: AssignmentRole.FULL_TIME },
    ];
    expect([...team].sort((x, y) => byTeamRole(x.role, y.role)).map((member) => member.name)).toEqual([
      'd',
      'e',
      'b',
      'a',
      'c',
    ]);
  });
});
