import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { PartyContext } from '../context';
import { PartyOrganization } from '../organization/organization.entity';
import { PartyMember } from './member.entity';
import { AppointPartyRoleInput, EndPartyRoleInput } from './party-role.inputs';
import { PartyRole } from './party-role.entity';
import { appointRole, endRole } from './party-role.service';
import { isInOffice, today } from './term.rules';

@Resolver(() => PartyRole)
export class PartyRoleResolver {
  @FieldResolver(() => PartyMember)
  member(@Root() role: PartyRole, @Ctx() ctx: PartyContext) {
    return ctx.loaders.member.load(role.member.id);
  }

  @FieldResolver(() => PartyOrganization)
  organization(@Root() role: PartyRole, @Ctx() ctx: PartyContext) {
    return ctx.loaders.organization.load(role.organization.id);
  }

  @FieldResolver(() => Boolean, { description: '今日在任' })
  inOffice(@Root() role: PartyRole) {
    return isInOffice(role, today());
  }

  @Mutation(() => PartyRole, { description: '任命书记、副书记或委员' })
  appointPartyRole(@Ctx() ctx: PartyContext, @Arg('input') input: AppointPartyRoleInput): Promise<PartyRole> {
    return appointRole(ctx, input);
  }

  @Mutation(() => PartyRole, { description: '结束任职（记录保留）' })
  endPartyRole(@Ctx() ctx: PartyContext, @Arg('input') input: EndPartyRoleInput): Promise<PartyRole> {
    return endRole(ctx, input);
  }
}
