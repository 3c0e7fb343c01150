import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ResidentReference } from '../shared/references';
import type { ServicesContext } from '../context';
import { CaseFilterArgs } from '../case/case.inputs';
import { casePage } from '../case/case.service';
import { CaseConnection } from '../shared/connections';

/**
 * Fields the service centre adds to the grid subgraph's Resident.
 * Every one is nullable, so that while this service is down the gateway nulls only these fields and
 * the resident keeps the rest of its answer (one non-null field would null the whole resident).
 */
@Resolver(() => ResidentReference)
export class ResidentServicesResolver {
  @FieldResolver(() => CaseConnection, { nullable: true, description: '本人上报的诉求（仅调用者有权查看的）' })
  reportedCases(@Root() resident: ResidentReference, @Ctx() ctx: ServicesContext, @Args() args: CaseFilterArgs) {
    return casePage(ctx, 'casesOfReporter', resident.id, args);
  }
}
