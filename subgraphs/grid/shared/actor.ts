import type { GridContext } from '../context';

/** The name recorded as "who" in change logs. */
export function actorOf(ctx: GridContext): string {
  return ctx.viewer.subject ?? 'anonymous';
}
