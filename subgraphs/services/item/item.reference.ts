import { mayReadCatalogue } from '../access';
import type { ServicesContext } from '../context';

/** An item for a caller who may not read the catalogue (no token) resolves to null. */
export const ITEM_REFERENCE = {
  ServiceItem: {
    __resolveReference: (reference: { id: string }, ctx: ServicesContext) =>
      mayReadCatalogue(ctx.viewer) ? ctx.loaders.item.load(reference.id) : null,
  },
};
