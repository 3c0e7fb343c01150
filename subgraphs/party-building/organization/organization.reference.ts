import type { PartyContext } from '../context';

/** Organisations resolve for signed-in callers only; for anonymous ones a reference reads as null. */
export const ORGANIZATION_REFERENCE = {
  PartyOrganization: {
    __resolveReference: (reference: { id: string }, ctx: PartyContext) =>
      ctx.viewer.authenticated ? ctx.loaders.organization.load(reference.id) : null,
  },
};
