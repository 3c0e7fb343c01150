import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PartyContext } from '../context';
import { HouseholdReference } from '../shared/references';
import { PartyOrganization } from './organization.entity';
import { centralHouseholdOf } from './organization-query.service';

/** The grid subgraph's Household: the central household it is (nullable, like every field added to another service's type). */
@Resolver(() => HouseholdReference)
export class HouseholdOrganizationResolver {
  @FieldResolver(() => PartyOrganization, { nullable: true, description: '本户为党员中心户时的组织' })
  partyCentralHousehold(@Root() household: HouseholdReference, @Ctx() ctx: PartyContext) {
    return centralHouseholdOf(ctx, household.id);
  }
}
