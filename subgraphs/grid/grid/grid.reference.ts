import type { ReferenceResolvers } from '../../../lib/federation';
import { requireSignedIn } from '../access';
import type { GridContext } from '../context';

export const gridReference: ReferenceResolvers = {
  Grid: {
    __resolveReference: (reference: { id: string }, ctx: GridContext) => {
      requireSignedIn(ctx.viewer, 'reading the grid map');
      return ctx.loaders.grid.load(reference.id);
    },
  },
  Building: {
    __resolveReference: (reference: { id: string }, ctx: GridContext) => {
      requireSignedIn(ctx.viewer, 'reading the grid map');
      return ctx.loaders.building.load(reference.id);
    },
  },
};
