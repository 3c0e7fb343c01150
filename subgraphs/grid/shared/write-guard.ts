import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../../lib/viewer';
import {
  checkPeopleWrite,
  checkPeopleWriter,
  checkStructureWrite,
  checkStructureWriter,
  checkVisitWrite,
  type WriteTarget,
} from '../access';
import { placeOf, placesOf, placesOfWorker, type PlaceKind } from './places';

/**
 * Each write is judged before anything is written: first the role (no SQL for a caller who may
 * not write at all), then where the records it touches lie. Called inside the write's
 * transaction, so a refusal leaves nothing behind.
 */
export interface TargetRef {
  /** The input field naming the record, for the error. */
  field: string;
  kind: PlaceKind;
  id: string;
}

/** Every ref located, one statement per kind of record. */
async function locate(em: EntityManager, refs: readonly TargetRef[]): Promise<WriteTarget[]> {
  const targets: WriteTarget[] = [];
  for (const kind of [...new Set(refs.map((ref) => ref.kind))]) {
    const ofKind = refs.filter((ref) => ref.kind === kind);
    const places = await placesOf(
      em,
      kind,
      ofKind.map((ref) => ref.id),
    );
    ofKind.forEach((ref, i) => targets.push({ field: ref.field, place: places[i] ?? null }));
  }
  return targets;
}

export async function guardStructureWrite(
  em: EntityManager,
  viewer: Viewer,
  action: string,
  refs: readonly TargetRef[],
): Promise<void> {
  checkStructureWriter(viewer, action);
  if (viewer.role === 'CITY_ADMIN') return;
  checkStructureWrite(viewer, action, await locate(em, refs));
}

/** A worker belongs to the streets of the grids they serve; one serving none is any street's to edit. */
export async function guardWorkerWrite(
  em: EntityManager,
  viewer: Viewer,
  action: string,
  workerId: string,
): Promise<void> {
  checkStructureWriter(viewer, action);
  if (viewer.role === 'CITY_ADMIN') return;
  const places = await placesOfWorker(em, workerId);
  checkStructureWrite(
    viewer,
    action,
    places.map((place) => ({ field: 'input.id', place })),
  );
}

export async function guardPeopleWrite(
  em: EntityManager,
  viewer: Viewer,
  action: string,
  refs: readonly TargetRef[],
): Promise<void> {
  checkPeopleWriter(viewer, action);
  if (viewer.role === 'CITY_ADMIN') return;
  checkPeopleWrite(viewer, action, await locate(em, refs));
}

export async function guardVisitWrite(
  em: EntityManager,
  viewer: Viewer,
  input: { workerId: string; gridId: string },
): Promise<void> {
  checkPeopleWriter(viewer, 'recording a visit');
  if (viewer.role === 'CITY_ADMIN') return;
  const grid = { field: 'input.gridId', place: await placeOf(em, 'grid', input.gridId) };
  checkVisitWrite(viewer, { workerId: input.workerId, grid });
}
