import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { checkDate } from '../../../lib/dates';
import { conflict } from '../../../lib/errors';
import { newId } from '../../../lib/ids';
import { requireRecord } from '../../../lib/records';
import { checkCityAdmin, checkCommunityOrUnitWrite, checkPledgeSigner } from '../access';
import type { CoBuildingContext } from '../context';
import { checkId } from '../shared/check-id';
import { PledgeStatus, ReportStatus } from '../shared/enums';
import { checkRange } from '../shared/periods';
import { checkText } from '../shared/text';
import { ServicePost } from '../service-post/service-post.entity';
import { DistrictSetting } from './district-setting.entity';
import type { EndPledgeInput, SignPledgeInput } from './member-report.inputs';
import { MemberReport } from './member-report.entity';
import { checkReportInForce } from './member-report.rules';
import { Pledge } from './pledge.entity';
import { checkPledge, checkPledgeLimit, DEFAULT_PLEDGE_LIMIT, PLEDGE_LIMIT_SETTING } from './pledge.rules';

/** 履岗承诺: a reported member holds service posts, up to the district's limit. */

export async function pledgeLimit(em: EntityManager): Promise<number> {
  const setting = await em.findOne(DistrictSetting, { key: PLEDGE_LIMIT_SETTING });
  return setting?.value ?? DEFAULT_PLEDGE_LIMIT;
}

export async function signPledge(ctx: CoBuildingContext, input: SignPledgeInput): Promise<Pledge> {
  const pledgeText = checkText(input.pledgeText, 'input.pledgeText', 4000);
  const signedOn = checkDate(input.signedOn, 'input.signedOn');
  checkId(input.memberId, 'input.memberId', 'PartyMember');
  checkPledgeSigner(ctx.viewer);
  return ctx.em.transactional(async (em) => {
    // Locking the member's report, then the post, serialises pledges of one member and of one post.
    const inForce = await em.findOne(
      MemberReport,
      { memberId: input.memberId, status: ReportStatus.ACTIVE },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    const post = await requireRecord(em, ServicePost, input.postId, 'input.postId', { lock: true });
    // The post's community staff, or the liaison of the unit the member reported from; judged
    // before the report is, so that a caller out of scope learns nothing of the member's report.
    checkCommunityOrUnitWrite(
      ctx.viewer,
      { communityId: post.communityId, unitId: inForce?.unit.id ?? null },
      'signing a pledge',
      { community: 'input.postId', unit: 'input.memberId' },
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

export async function endPledge(ctx: CoBuildingContext, input: EndPledgeInput): Promise<Pledge> {
  const endedOn = checkDate(input.endedOn, 'input.endedOn');
  return ctx.em.transactional(async (em) => {
    const pledge = await requireRecord(em, Pledge, input.pledgeId, 'input.pledgeId', { lock: true });
    const report = await em.findOneOrFail(MemberReport, pledge.report.id);
    checkCommunityOrUnitWrite(
      ctx.viewer,
      { communityId: report.communityId, unitId: report.unit.id },
      'ending a pledge',
      'input.pledgeId',
    );
    if (pledge.status === PledgeStatus.ENDED) throw conflict('input.pledgeId', 'the pledge has already ended');
    checkRange(pledge.signedOn, endedOn, 'input.endedOn');
    pledge.status = PledgeStatus.ENDED;
    pledge.endedOn = endedOn;
    return pledge;
  });
}

export async function setPledgeLimit(ctx: CoBuildingContext, limit: number): Promise<number> {
  checkCityAdmin(ctx.viewer, 'setting the pledge limit');
  const value = checkPledgeLimit(limit, 'limit');
  await ctx.em.transactional((em) => em.upsert(DistrictSetting, { key: PLEDGE_LIMIT_SETTING, value }));
  return value;
}
