import { Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../../lib/pagination';
import type { PartyContext } from '../context';
import { PartyMemberConnection } from '../shared/connections';
import { GridReference } from '../shared/references';
import { memberCountOfGrid, membersOfGrid } from './member-query.service';

/**
 * The members the grid subgraph's Grid shows. Every field is nullable, so that while this service
 * is down the gateway nulls only these fields and the grid keeps the rest of its answer.
 */
@Resolver(() => GridReference)
export class GridMemberResolver {
  @FieldResolver(() => PartyMemberConnection, { nullable: true, description: '居住在本网格的党员' })
  async partyMembers(@Root() grid: GridReference, @Ctx() ctx: PartyContext, @Args() page: PageArgs) {
    return new PartyMemberConnection(await membersOfGrid(ctx, grid.id, page));
  }

  @FieldResolver(() => Int, { nullable: true, description: '居住在本网格的党员数' })
  partyMemberCount(@Root() grid: GridReference, @Ctx() ctx: PartyContext) {
    return memberCountOfGrid(ctx, grid.id);
  }
}
