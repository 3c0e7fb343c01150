import type { CoBuildingContext } from '../context';

/** Units are organisational data for any signed-in caller; an anonymous caller's reference resolves to null. */
export const unitReference = {
  Unit: {
    __resolveReference: (reference: { id: string }, ctx: CoBuildingContext) =>
      ctx.viewer.authenticated ? ctx.loaders.unit.load(reference.id) : null,
  },
};
