import type { ReferenceResolvers } from '../../../lib/federation';
import { requireSignedIn } from '../access';
import type { GridContext } from '../context';

/** A household outside the viewer's scope resolves to null (the whole batch checked at once). */
export const householdReference: ReferenceResolvers = {
  Household: {
    __resolveReference: (reference: { id: string }, ctx: GridContext) => {
      requireSignedIn(ctx.viewer, 'reading the grid map');
      return ctx.loaders.visibleHousehold.load(reference.id);
    },
  },
};
