import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ServicesContext } from '../context';
import { CaseConnection } from '../shared/connections';
import { GridReference } from '../shared/references';
import { CaseFilterArgs } from './case.inputs';
import { casePage } from './case.service';

/**
 * The cases field the service centre adds to the grid subgraph's Grid. It is nullable, like every
 * field this department adds to another's type: while this service is down the gateway nulls only
 * these fields and the grid keeps the rest of its answer (one non-null field would null the grid).
 */
@Resolver(() => GridReference)
export class CaseGridResolver {
  @FieldResolver(() => CaseConnection, {
    nullable: true,
    description: '本网格的工单（仅调用者有权查看的），可按状态、是否超期筛选',
  })
  cases(@Root() grid: GridReference, @Ctx() ctx: ServicesContext, @Args() args: CaseFilterArgs) {
    return casePage(ctx, 'casesOfGrid', grid.id, args);
  }
}
