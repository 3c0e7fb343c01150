import type { MiddlewareFn } from 'type-graphql';
import { requireSignedIn } from '../access';
import type { CoBuildingContext } from '../loaders';

/**
 * Every query, mutation and field of this subgraph's resolvers needs a signed-in caller (see
 * access.ts: nothing of the co-building data is public). Put on each resolver class, so a field
 * added later is covered without anyone remembering to.
 */
export const SignedIn: MiddlewareFn<CoBuildingContext> = ({ context, info }, next) => {
  requireSignedIn(context.viewer, `${info.parentType.name}.${info.fieldName}`);
  return next();
};
