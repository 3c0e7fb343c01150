import { LockMode } from '@mikro-orm/core';
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { checkDate } from '../../../lib/dates';
import { conflict } from '../../../lib/errors';
import { newId } from '../../../lib/ids';
import { checkReportInForce } from './member-report.rules';
import { checkPledge, checkPledgeLimit, DEFAULT_PLEDGE_LIMIT, PLEDGE_LIMIT_SETTING } from './pledge.rules';
import { checkRange } from '../shared/periods';
import { requireRecord } from '../../../lib/records';
import { checkId } from '../shared/check-id';
import { checkText } from '../shared/text';
import { DistrictSetting } from './district-setting.entity';
import { MemberReport } from './member-report.entity';
import { PartyMemberReference } from '../shared/references';
import { Pledge } from './pledge.entity';
import { PledgeStatus, ReportStatus } from '../shared/enums';
import { ServicePost } from '../service-post/service-post.entity';
import { checkCityAdmin, checkCommunityOrUnitWrite, checkPledgeSigner } from '../access';
import type { CoBuildingContext } from '../context';

@InputType({ description: '报到党员认领服务岗位、签订履岗承诺书' })
class SignPledgeInput {
  @Field(() => ID, { description: '党员（须已到社区报到）' }) memberId!: string;
  @Field(() => ID, { description: '服务岗位' }) postId!: string;
  @Field({ description: '履岗承诺书内容' }) pledgeText!: string;
  @Field({ description: '签订日期 YYYY-MM-DD' }) signedOn!: string;
}

@InputType({ description: '结束履岗承诺' })
class EndPledgeInput {
  @Field(() => ID) pledgeId!: string;
  @Field({ description: '结束日期 YYYY-MM-DD' }) endedOn!: string;
}

async function pledgeLimit(em: EntityManager): Promise<number> {
  const setting = await em.findOne(DistrictSetting, { key: PLEDGE_LIMIT_SETTING });
  return setting?.value ?? DEFAULT_PLEDGE_LIMIT;
}

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
  async signPledge(@Ctx() ctx: CoBuildingContext, @Arg('input') input: SignPledgeInput): Promise<Pledge> {
    const pledgeText = checkText(input.pledgeText, 'input.pledgeText', 4000);
    const signedOn = checkDate(input.signedOn, 'input.signedOn');
    checkId(input.memberId, 'input.memberId', 'PartyMember');
    checkPledgeSigner(ctx.viewer);
    return ctx.em.transactional(async (em) => {
      // Locking the member's report, then the post, serialises pledges of one member and of one post.
      const inForce = await em.findOne(MemberReport, { memberId: input.memberId, status: ReportStatus.ACTIVE }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const post = await requireRecord(em, ServicePost, input.postId, 'input.postId', { lock: true });
      // The post's community staff, or the liaison of the unit the member reported from; judged
      // before the report is, so that a caller out of scope learns nothing of the member's report.
      checkCommunityOrUnitWrite(
        ctx.viewer, { communityId: post.communityId, unitId: inForce?.unit.id ?? null }, 'signing a pledge', { community: 'input.postId', unit: 'input.memberId' },
      );
      const report = checkReportInForce(inForce, input.memberId, 'input.memberId', 'claiming a post');
      const active = await em.find(Pledge, { memberId: input.memberId, status: PledgeStatus.ACTIVE });
      checkPledge({
        memberActivePledges: active.length,
        limit: await pledgeLimit(em),
        memberHoldsPost: active.some((pledge) => pledge.post.id === post.id),
        postCapacity: post.capacity,
        postActivePledges: await em.count(Pledge, { post, status: PledgeStatus.ACTIVE }),
        reportCommunityId: report.communityId,
        postCommunityId: post.communityId,
      });
      checkRange(report.reportedOn, signedOn, 'input.signedOn');
      return em.create(Pledge, { id: newId(), report, memberId: input.memberId, post, pledgeText, signedOn });
    });
  }

  @Mutation(() => Pledge, { description: '结束履岗承诺' })
  async endPledge(@Ctx() ctx: CoBuildingContext, @Arg('input') input: EndPledgeInput): Promise<Pledge> {
    const endedOn = checkDate(input.endedOn, 'input.endedOn');
    return ctx.em.transactional(async (em) => {
      const pledge = await requireRecord(em, Pledge, input.pledgeId, 'input.pledgeId', { lock: true });
      const report = await em.findOneOrFail(MemberReport, pledge.report.id);
      checkCommunityOrUnitWrite(ctx.viewer, { communityId: report.communityId, unitId: report.unit.id }, 'ending a pledge', 'input.pledgeId');
      if (pledge.status === PledgeStatus.ENDED) throw conflict('input.pledgeId', 'the pledge has already ended');
      checkRange(pledge.signedOn, endedOn, 'input.endedOn');
      pledge.status = PledgeStatus.ENDED;
      pledge.endedOn = endedOn;
      return pledge;
    });
  }

  @Mutation(() => Int, { description: '设置本区每名党员最多可同时认领的服务岗位数' })
  async setPledgeLimit(@Ctx() ctx: CoBuildingContext, @Arg('limit', () => Int) limit: number): Promise<number> {
    checkCityAdmin(ctx.viewer, 'setting the pledge limit');
    const value = checkPledgeLimit(limit, 'limit');
    await ctx.em.transactional((em) => em.upsert(DistrictSetting, { key: PLEDGE_LIMIT_SETTING, value }));
    return value;
  }
}
