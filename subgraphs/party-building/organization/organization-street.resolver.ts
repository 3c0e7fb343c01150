import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PartyContext } from '../context';
import { StreetReference } from '../shared/references';
import { PartyOrganization } from './organization.entity';
import { workingCommitteeOfStreet } from './organization-query.service';

/** The grid subgraph's Street: its working committee (nullable, like every field added to another service's type). */
@Resolver(() => StreetReference)
export class StreetOrganizationResolver {
  @FieldResolver(() => PartyOrganization, { nullable: true, description: '街道党工委' })
  partyWorkingCommittee(@Root() street: StreetReference, @Ctx() ctx: PartyContext) {
    return workingCommitteeOfStreet(ctx, street.id);
  }
}
