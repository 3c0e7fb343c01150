import { buildGridCard } from '../../subgraphs/grid/grid/grid-card.rules';
import { checkRoomFree, checkUnitOrRoom } from '../../subgraphs/grid/household/household.rules';
import { changedFields } from '../../subgraphs/grid/record-change/record-change.rules';
import {
  checkPeriod,
  checkVisitedAt,
  checkVisitNote,
  checkVisitPlace,
  CLOCK_SKEW_MS,
} from '../../subgraphs/grid/visit/visit.rules';
import { checkWorker } from '../../subgraphs/grid/worker/grid-worker.rules';
import { AssignmentRole, WorkerDuty, WorkerKind } from '../../subgraphs/grid/shared/enums';
import { expectDomainError } from './expect-domain-error';

describe('households', () => {
  it('trims unit and room and refuses empty or long ones', () => {
    expect(checkUnitOrRoom(' 2 ', 'input.unit')).toBe('2');
    expectDomainError(() => checkUnitOrRoom('  ', 'input.unit'), 'BAD_USER_INPUT', 'input.unit');
    expectDomainError(() => checkUnitOrRoom('x'.repeat(21), 'input.room'), 'BAD_USER_INPUT', 'input.room');
  });

  it('refuses a unit and room already taken in the building, except by the household itself', () => {
    const place = { buildingCode: 'B1', unit: '1', room: '101' };
    expect(() => checkRoomFree(null, place)).not.toThrow();
    expect(() => checkRoomFree({ id: 'h1' }, place, 'h1')).not.toThrow();
    const error = expectDomainError(() => checkRoomFree({ id: 'h1' }, place, 'h2'), 'CONFLICT', 'input.room');
    expect(error.message).toBe('unit 1 room 101 already exists in building B1');
  });
});

describe('record-change log', () => {
  it('names the fields that changed, comparing references by id and arrays as sets', () => {
    const before = { name: '张三', household: { id: 'h1' }, careTags: ['A', 'B'], phone: null };
    const after = { name: '张三', household: { id: 'h2' }, careTags: ['B', 'A'], phone: '13812345678' };
    expect(changedFields(before, after)).toEqual(['household', 'phone']);
    expect(changedFields(before, before)).toEqual([]);
  });
});

describe('visits', () => {
  const now = new Date('2026-03-01T08:00:00Z');

  it('refuses a visit in the future beyond clock drift', () => {
    expect(checkVisitedAt(new Date(now.getTime() + CLOCK_SKEW_MS), now)).toEqual(
      new Date(now.getTime() + CLOCK_SKEW_MS),
    );
    expectDomainError(
      () => checkVisitedAt(new Date(now.getTime() + CLOCK_SKEW_MS + 1), now),
      'BAD_USER_INPUT',
      'input.visitedAt',
    );
  });

  it('needs a note', () => {
    expect(checkVisitNote(' 入户走访 ')).toBe('入户走访');
    expectDomainError(() => checkVisitNote(' '), 'BAD_USER_INPUT', 'input.note');
  });

  it('counts only in a grid the worker serves, and only for households of that grid', () => {
    const place = { workerName: '王芳', gridCode: 'G1', gridId: 'g1', servesGrid: true };
    expect(() => checkVisitPlace({ ...place, householdGridId: 'g1' })).not.toThrow();
    expect(() => checkVisitPlace({ ...place, householdGridId: null })).not.toThrow();
    expectDomainError(() => checkVisitPlace({ ...place, servesGrid: false }), 'CONFLICT', 'input.gridId');
    expectDomainError(
      () => checkVisitPlace({ ...place, householdGridId: 'g2' }),
      'BAD_USER_INPUT',
      'input.householdId',
    );
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => checkPeriod(now, now)).not.toThrow();
    expectDomainError(() => checkPeriod(now, new Date('2026-02-01T00:00:00Z')), 'BAD_USER_INPUT', 'to');
  });
});

describe('grid workers', () => {
  it('needs a department for a coordinator and checks the phone', () => {
    const base = { name: '李强', kind: WorkerKind.COORDINATOR, phone: '13912345678' };
    expectDomainError(() => checkWorker(base), 'BAD_USER_INPUT', 'input.department');
    expect(checkWorker({ ...base, department: ' 城市管理局 ', publicContact: '' })).toEqual({
      name: '李强',
      kind: WorkerKind.COORDINATOR,
      department: '城市管理局',
      phone: '13912345678',
      publicContact: null,
    });
    expectDomainError(
      () => checkWorker({ ...base, department: '环卫处', phone: '1391234567' }),
      'BAD_USER_INPUT',
      'input.phone',
    );
  });
});

describe('public card', () => {
  it('lists active workers chief first, with Chinese labels and work contacts only', () => {
    const worker = (name: string, active = true) => ({ name, department: null, publicContact: '0536-5221001', active });
    const card = buildGridCard({ code: 'G1', name: '东城第一网格' }, '东城社区', [
      {
        role: AssignmentRole.COORDINATOR,
        duties: [WorkerDuty.CITY_MANAGEMENT_PATROL],
        worker: { ...worker('赵六'), department: '城市管理局' },
      },
      { role: AssignmentRole.FULL_TIME, duties: [WorkerDuty.INFORMATION_COLLECTION], worker: worker('王芳') },
      { role: AssignmentRole.GRID_CHIEF, duties: [WorkerDuty.DISPUTE_MEDIATION], worker: worker('张书记') },
      { role: AssignmentRole.PART_TIME, duties: [WorkerDuty.POLICY_PUBLICITY], worker: worker('离岗者', false) },
    ]);
    expect(card).toEqual({
      gridCode: 'G1',
      gridName: '东城第一网格',
      communityName: '东城社区',
      workers: [
        {
          name: '张书记',
          role: 'GRID_CHIEF',
          roleLabel: '网格长',
          department: null,
          duties: [{ duty: 'DISPUTE_MEDIATION', label: '矛盾纠纷调解员' }],
          publicContact: '0536-5221001',
        },
        {
          name: '王芳',
          role: 'FULL_TIME',
          roleLabel: '专职网格员',
          department: null,
          duties: [{ duty: 'INFORMATION_COLLECTION', label: '信息采集员' }],
          publicContact: '0536-5221001',
        },
        {
          name: '赵六',
          role: 'COORDINATOR',
          roleLabel: '协管员',
          department: '城市管理局',
          duties: [{ duty: 'CITY_MANAGEMENT_PATROL', label: '城市管理巡查员' }],
          publicContact: '0536-5221001',
        },
      ],
    });
  });
});
