import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { requireSignedIn } from '../access';
import { ResidentReference } from '../shared/references';
import type { ServicesContext } from '../context';
import { CaseFilterArgs } from './case.resolver';
import { CaseConnection } from '../shared/connections';

/**
 * Fields the service centre adds to the grid subgraph's Resident.
 * Every one is nullable, so that while this service is down the gateway nulls only these fields and
 * the resident keeps the rest of its answer (one non-null field would null the whole resident).
 */
@Resolver(() => ResidentReference)
export class ResidentServicesResolver {
  @FieldResolver(() => CaseConnection, { nullable: true, description: '本人上报的诉求（仅调用者有权查看的）' })
  async reportedCases(@Root() resident: ResidentReference, @Ctx() ctx: ServicesContext, @Args() args: CaseFilterArgs) {
    requireSignedIn(ctx.viewer, 'cases');
    const { state, overdue, ...page } = args;
    return new CaseConnection(await ctx.loaders.casesOfReporter(resident.id, { state, overdue }, page));
  }
}
