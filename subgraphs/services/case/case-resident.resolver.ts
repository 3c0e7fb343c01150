import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ServicesContext } from '../context';
import { CaseConnection } from '../shared/connections';
import { ResidentReference } from '../shared/references';
import { CaseFilterArgs } from './case.inputs';
import { casePage } from './case.service';

/** The cases field the service centre adds to the grid subgraph's Resident; nullable (see case-grid.resolver.ts). */
@Resolver(() => ResidentReference)
export class CaseResidentResolver {
  @FieldResolver(() => CaseConnection, { nullable: true, description: '本人上报的诉求（仅调用者有权查看的）' })
  reportedCases(@Root() resident: ResidentReference, @Ctx() ctx: ServicesContext, @Args() args: CaseFilterArgs) {
    return casePage(ctx, 'casesOfReporter', resident.id, args);
  }
}
