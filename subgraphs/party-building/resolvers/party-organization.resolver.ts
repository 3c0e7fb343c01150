import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { PartyOrganization } from '../entities/party-organization';
import type { PartyContext } from '../loaders';

@Resolver(() => PartyOrganization)
export class PartyOrganizationResolver {
  @Query(() => PartyOrganization, { nullable: true, description: '按 id 查党组织' })
  partyOrganization(@Ctx() ctx: PartyContext, @Arg('id', () => ID) id: string) {
    return ctx.loaders.organization.load(id);
  }

  @FieldResolver(() => PartyOrganization, { nullable: true, description: '上级党组织' })
  parent(@Root() organization: PartyOrganization, @Ctx() ctx: PartyContext) {
    return organization.parent ? ctx.loaders.organization.load(organization.parent.id) : null;
  }
}
