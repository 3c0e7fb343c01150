import type { ServicesContext } from '../context';

/** A case outside the viewer's cases (access.ts) resolves to null. */
export const CASE_REFERENCE = {
  Case: {
    __resolveReference: (reference: { id: string }, ctx: ServicesContext) => ctx.loaders.case.load(reference.id),
  },
};
