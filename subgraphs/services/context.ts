import type { EntityManager } from '@mikro-orm/postgresql';
import type { SubgraphContext } from '../../lib/subgraph-server';
import type { Viewer } from '../../lib/viewer';
import { admissionScopeOf, caseScopeOf } from './access';
import { admissionLoaders } from './admission/admission.store';
import { caseLoaders } from './case/case.store';
import { indicatorLoaders } from './indicators/indicators.store';
import { itemLoaders } from './item/item.store';

/** The per-request loaders of every module of the department, over one `now` and the viewer's scope. */
export function createServicesLoaders(em: EntityManager, viewer: Viewer) {
  // One "now" per request, so a case is overdue or not consistently across the fields of one answer.
  const now = new Date();
  // The viewer's scope is fixed for the request: every case list and count applies it in SQL.
  const scope = caseScopeOf(viewer);
  return {
    now,
    scope,
    ...itemLoaders(em),
    ...caseLoaders(em, viewer, now, scope),
    ...admissionLoaders(em, admissionScopeOf(viewer)),
    ...indicatorLoaders(em, now, scope),
  };
}

export type ServicesLoaders = ReturnType<typeof createServicesLoaders>;
export type ServicesContext = SubgraphContext<ServicesLoaders>;

/** The name recorded as "who" on timelines and decisions. */
export function actorOf(ctx: ServicesContext): string {
  return ctx.viewer.subject ?? 'anonymous';
}
