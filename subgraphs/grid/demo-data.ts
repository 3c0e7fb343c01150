import type { EntityManager } from '@mikro-orm/postgresql';
import { demoDistrict } from '../../lib/demo-district';
import { defaultDuties } from './worker/grid-assignment.rules';
import { AssignmentRole, GridChangeKind, WorkerDuty } from './shared/enums';
import { Building } from './grid/building.entity';
import { BuildingGridPeriod } from './grid/building-grid-period.entity';
import { Community } from './community/community.entity';
import { Grid } from './grid/grid.entity';
import { GridAssignment } from './worker/grid-assignment.entity';
import { GridChange } from './grid/grid-change.entity';
import { GridWorker } from './worker/grid-worker.entity';
import { Household } from './household/household.entity';
import { Resident } from './resident/resident.entity';
import { Street } from './street/street.entity';
import { Visit } from './visit/visit.entity';

/** What the departments' coordinators do in the demo grids, besides reporting what they see. */
const COORDINATOR_DUTIES: Record<string, WorkerDuty[]> = {
  公安派出所: [WorkerDuty.INFORMATION_COLLECTION, WorkerDuty.DISPUTE_MEDIATION, WorkerDuty.POLICY_PUBLICITY],
  城市管理局: [WorkerDuty.SANITATION_SUPERVISION, WorkerDuty.CITY_MANAGEMENT_PATROL],
};

/** Load the demo district's grid part (streets to residents and workers) in one transaction. */
export async function seedGridDemo(em: EntityManager): Promise<void> {
  const d = demoDistrict();
  const at = new Date('2026-01-01T00:00:00Z');
  await em.transactional(async (tx) => {
    await tx.insertMany(
      Street,
      d.streets.map((s) => ({ ...s, createdAt: at })),
    );
    await tx.insertMany(
      Community,
      d.communities.map(({ streetId, ...c }) => ({ ...c, street: streetId, createdAt: at })) as any,
    );
    await tx.insertMany(
      Grid,
      d.grids.map(({ communityId, ...g }) => ({ ...g, community: communityId, createdAt: at })) as any,
    );
    await tx.insertMany(
      Building,
      d.buildings.map(({ gridId, ...b }) => ({ ...b, grid: gridId, createdAt: at })) as any,
    );
    await tx.insertMany(
      BuildingGridPeriod,
      d.buildings.map((b) => ({
        id: b.id.replace('-0004-', '-0009-'),
        building: b.id,
        grid: b.gridId,
        since: at,
        until: null,
      })) as any,
    );
    await tx.insertMany(
      Household,
      d.households.map(({ buildingId, ...h }) => ({ ...h, building: buildingId, createdAt: at })) as any,
    );
    await tx.insertMany(
      Resident,
      d.residents.map(({ householdId, ...r }) => ({ ...r, household: householdId, createdAt: at })) as any,
    );
    await tx.insertMany(GridWorker, d.workers.map((w) => ({ ...w, active: true, createdAt: at })) as any);
    await tx.insertMany(
      GridAssignment,
      d.assignments.map(({ workerId, gridId, ...a }) => ({
        ...a,
        worker: workerId,
        grid: gridId,
        startedAt: at,
        endedAt: null,
        duties:
          COORDINATOR_DUTIES[d.workers.find((w) => w.id === workerId)?.department ?? ''] ??
          defaultDuties(a.role as AssignmentRole),
      })) as any,
    );
    await tx.insertMany(
      Visit,
      d.visits.map(({ workerId, gridId, householdId, visitedAt, ...v }) => ({
        ...v,
        worker: workerId,
        grid: gridId,
        household: householdId,
        visitedAt: new Date(visitedAt),
      })) as any,
    );
    await tx.insertMany(
      GridChange,
      d.grids.map((g) => ({
        id: g.id.replace('-0003-', '-0010-'),
        kind: GridChangeKind.CREATED,
        fromGridIds: [],
        toGridIds: [g.id],
        buildingIds: [],
        note: '演示数据',
        actor: 'demo',
        occurredAt: at,
      })) as any,
    );
  });
}
