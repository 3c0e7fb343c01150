import type { ReferenceResolvers } from '../../../lib/federation';
import { requireSignedIn } from '../access';
import type { GridContext } from '../context';

/** A resident outside the viewer's scope resolves to null (the whole batch checked at once). */
export const residentReference: ReferenceResolvers = {
  Resident: {
    __resolveReference: (reference: { id: string }, ctx: GridContext) => {
      requireSignedIn(ctx.viewer, 'reading the grid map');
      return ctx.loaders.visibleResident.load(reference.id);
    },
  },
};
