import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from 'type-graphql';
import { isInOffice, today } from '../domain/terms';
import { MembershipPeriod, PartyMember, PartyOrganization, PartyRole, PartyRoleKind } from '../entities';
import type { PartyContext } from '../context';
import { appointRole, endRole } from '../operations/roles';
import { authorizeChange } from '../access';

@InputType({ description: '任命党内职务' })
class AppointPartyRoleInput {
  @Field(() => ID) memberId!: string;
  @Field(() => ID, { description: '任职的党组织（须在党员所在组织的同一条线上）' }) organizationId!: string;
  @Field(() => PartyRoleKind) role!: PartyRoleKind;
  @Field({ description: '任期开始 YYYY-MM-DD' }) termStart!: string;
  @Field({ nullable: true, description: '任期届满 YYYY-MM-DD' }) termEnd?: string;
}

@InputType({ description: '免职/卸任' })
class EndPartyRoleInput {
  @Field(() => ID) id!: string;
  @Field({ description: '卸任日期 YYYY-MM-DD' }) endedOn!: string;
}

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
  async appointPartyRole(@Ctx() ctx: PartyContext, @Arg('input') input: AppointPartyRoleInput): Promise<PartyRole> {
    await authorizeChange(ctx.viewer, ctx.loaders.scope.currentSubtree, 'appointing to a Party office', async () => {
      const member = await ctx.loaders.member.load(input.memberId);
      return [
        { organizationId: input.organizationId, field: 'input.organizationId' },
        member && { organizationId: member.organization.id, field: 'input.memberId' },
      ];
    });
    return ctx.em.transactional((em) => appointRole(em, input));
  }

  @Mutation(() => PartyRole, { description: '结束任职（记录保留）' })
  async endPartyRole(@Ctx() ctx: PartyContext, @Arg('input') input: EndPartyRoleInput): Promise<PartyRole> {
    await authorizeChange(ctx.viewer, ctx.loaders.scope.currentSubtree, 'ending a Party office', async () => {
      const role = await ctx.loaders.role.load(input.id);
      return [role && { organizationId: role.organization.id, field: 'input.id' }];
    });
    return ctx.em.transactional((em) => endRole(em, input));
  }
}

@Resolver(() => MembershipPeriod)
export class MembershipPeriodResolver {
  @FieldResolver(() => PartyOrganization, { description: '该时段组织关系所在党组织' })
  organization(@Root() period: MembershipPeriod, @Ctx() ctx: PartyContext) {
    return ctx.loaders.organization.load(period.organization.id);
  }
}
