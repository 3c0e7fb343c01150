import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CoBuildingContext } from '../context';
import { PartyMemberReference } from '../shared/references';
import { ServicePost } from '../service-post/service-post.entity';
import { EndPledgeInput, SignPledgeInput } from './member-report.inputs';
import { MemberReport } from './member-report.entity';
import { Pledge } from './pledge.entity';
import { DEFAULT_PLEDGE_LIMIT } from './pledge.rules';
import { endPledge, pledgeLimit, setPledgeLimit, signPledge } from './pledge.service';

@Resolver(() => Pledge)
export class PledgeResolver {
  @Query(() => Int, { description: `每名党员最多可同时认领的服务岗位数（本区设置；默认 ${DEFAULT_PLEDGE_LIMIT}）` })
  pledgeLimit(@Ctx() ctx: CoBuildingContext) {
    return pledgeLimit(ctx.em);
  }

  @FieldResolver(() => ServicePost)
  post(@Root() pledge: Pledge, @Ctx() ctx: CoBuildingContext) {
    return ctx.loaders.servicePost.load(pledge.post.id);
  }

  @FieldResolver(() => MemberReport, { description: '据以认领的报到记录' })
  report(@Root() pledge: Pledge, @Ctx() ctx: CoBuildingContext) {
    return ctx.loaders.memberReport.load(pledge.report.id);
  }

  // Nullable: the party-building service answers for it, and while it is down only this field is lost.
  @FieldResolver(() => PartyMemberReference, { nullable: true, description: '认领党员' })
  member(@Root() pledge: Pledge) {
    return { id: pledge.memberId };
  }

  @Mutation(() => Pledge, { description: '认领服务岗位并签订履岗承诺书；超过本区上限或岗位已满时拒绝' })
  signPledge(@Ctx() ctx: CoBuildingContext, @Arg('input') input: SignPledgeInput): Promise<Pledge> {
    return signPledge(ctx, input);
  }

  @Mutation(() => Pledge, { description: '结束履岗承诺' })
  endPledge(@Ctx() ctx: CoBuildingContext, @Arg('input') input: EndPledgeInput): Promise<Pledge> {
    return endPledge(ctx, input);
  }

  @Mutation(() => Int, { description: '设置本区每名党员最多可同时认领的服务岗位数' })
  setPledgeLimit(@Ctx() ctx: CoBuildingContext, @Arg('limit', () => Int) limit: number): Promise<number> {
    return setPledgeLimit(ctx, limit);
  }
}
