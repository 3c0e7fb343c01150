import type { ServicesContext } from '../loaders';

/** The name recorded as "who" on timelines and decisions. */
export function actorOf(ctx: ServicesContext): string {
  return ctx.viewer.subject ?? 'anonymous';
}
