import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { PartyContext } from '../context';
import { PartyOrganization } from '../organization/organization.entity';
import { MembershipPeriod } from './membership-period.entity';

@Resolver(() => MembershipPeriod)
export class MembershipPeriodResolver {
  @FieldResolver(() => PartyOrganization, { description: '该时段组织关系所在党组织' })
  organization(@Root() period: MembershipPeriod, @Ctx() ctx: PartyContext) {
    return ctx.loaders.organization.load(period.organization.id);
  }
}
