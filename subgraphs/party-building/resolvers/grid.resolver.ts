import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { GridReference } from '../entities/grid-reference';
import { PartyOrganization } from '../entities/party-organization';
import type { PartyContext } from '../loaders';

/** Fields the organisation department adds to the grid subgraph's Grid. */
@Resolver(() => GridReference)
export class GridPartyResolver {
  @FieldResolver(() => [PartyOrganization], { description: '覆盖本网格的网格党支部（支部建在网格上）' })
  partyBranches(@Root() grid: GridReference, @Ctx() ctx: PartyContext) {
    return ctx.loaders.branchesOfGrid.load(grid.id);
  }
}
