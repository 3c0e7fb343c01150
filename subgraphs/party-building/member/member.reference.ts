import type { PartyContext } from '../context';

/** A member outside the viewer's scope resolves to null, as if it did not exist. */
export const MEMBER_REFERENCE = {
  PartyMember: {
    __resolveReference: (reference: { id: string }, ctx: PartyContext) => ctx.loaders.visibleMember(reference.id),
  },
};
