import type { ReferenceResolvers } from '../../../lib/federation';
import { requireSignedIn } from '../access';
import type { GridContext } from '../context';

export const gridWorkerReference: ReferenceResolvers = {
  GridWorker: {
    __resolveReference: (reference: { id: string }, ctx: GridContext) => {
      requireSignedIn(ctx.viewer, 'reading the grid map');
      return ctx.loaders.worker.load(reference.id);
    },
  },
  GridAssignment: {
    __resolveReference: (reference: { id: string }, ctx: GridContext) => {
      requireSignedIn(ctx.viewer, 'reading the grid map');
      return ctx.loaders.assignment.load(reference.id);
    },
  },
};
