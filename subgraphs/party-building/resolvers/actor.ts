import type { PartyContext } from '../loaders';

/** The name recorded as "who" in the organisation history. */
export function actorOf(ctx: PartyContext): string {
  return ctx.viewer.subject ?? 'anonymous';
}
