import type { ReferenceResolvers } from '../../../lib/federation';
import { requireSignedIn } from '../access';
import type { GridContext } from '../context';

/** A visit outside the viewer's scope resolves to null. */
export const visitReference: ReferenceResolvers = {
  Visit: {
    __resolveReference: (reference: { id: string }, ctx: GridContext) => {
      requireSignedIn(ctx.viewer, 'reading the grid map');
      return ctx.loaders.visibleVisit.load(reference.id);
    },
  },
};
