import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PartyContext } from '../context';
import { GridReference } from '../shared/references';
import { PartyOrganization } from './organization.entity';
import { branchesOfGrid } from './organization-query.service';

/**
 * The organisations the grid subgraph's Grid shows. Nullable, so that while this service is down
 * the gateway nulls only this field and the grid keeps the rest of its answer.
 */
@Resolver(() => GridReference)
export class GridOrganizationResolver {
  @FieldResolver(() => [PartyOrganization], { nullable: true, description: '覆盖本网格的网格党支部（支部建在网格上）' })
  partyBranches(@Root() grid: GridReference, @Ctx() ctx: PartyContext) {
    return branchesOfGrid(ctx, grid.id);
  }
}
