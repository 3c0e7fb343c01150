import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from 'type-graphql';
import { checkDate } from '../../../lib/dates';
import { conflict } from '../../../lib/errors';
import { newId } from '../../../lib/ids';
import { checkNotPaired } from './pairing.rules';
import { checkRange } from '../shared/periods';
import { requireRecord } from '../../../lib/records';
import { checkText } from '../shared/text';
import { CommunityReference } from '../shared/references';
import { Pairing } from './pairing.entity';
import { PairingStatus } from '../shared/enums';
import { Unit } from './unit.entity';
import type { CoBuildingContext } from '../context';
import { checkCommunityWrite } from '../access';
import { requireCommunity } from '../shared/remote-checks';

@InputType({ description: '单位到社区报到、签订共建协议' })
class CreatePairingInput {
  @Field(() => ID) unitId!: string;
  @Field(() => ID, { description: '社区（网格子图的 Community）' }) communityId!: string;
  @Field({ description: '共建协议内容' }) agreement!: string;
  @Field({ description: '党建工作指导员姓名' }) instructorName!: string;
  @Field({ description: '开始日期 YYYY-MM-DD' }) startedOn!: string;
  @Field({ nullable: true, description: '约定结束日期 YYYY-MM-DD（空：长期）' }) endedOn?: string;
}

@InputType({ description: '结束结对共建' })
class EndPairingInput {
  @Field(() => ID) pairingId!: string;
  @Field({ description: '结束日期 YYYY-MM-DD' }) endedOn!: string;
}

@Resolver(() => Pairing)
export class PairingResolver {
  @FieldResolver(() => Unit)
  unit(@Root() pairing: Pairing, @Ctx() ctx: CoBuildingContext) {
    return ctx.loaders.unit.load(pairing.unit.id);
  }

  // Nullable: the grid service answers for it, and while it is down only this field is lost.
  @FieldResolver(() => CommunityReference, { nullable: true, description: '共建社区' })
  community(@Root() pairing: Pairing) {
    return { id: pairing.communityId };
  }

  @Mutation(() => Pairing, { description: '单位到社区报到，结对共建' })
  async createPairing(@Ctx() ctx: CoBuildingContext, @Arg('input') input: CreatePairingInput): Promise<Pairing> {
    checkCommunityWrite(ctx.viewer, input.communityId, 'pairing a unit with a community', 'input.communityId');
    const agreement = checkText(input.agreement, 'input.agreement', 4000);
    const instructorName = checkText(input.instructorName, 'input.instructorName', 50);
    const startedOn = checkDate(input.startedOn, 'input.startedOn');
    const endedOn = input.endedOn ? checkDate(input.endedOn, 'input.endedOn') : null;
    checkRange(startedOn, endedOn, 'input.endedOn');
    await requireCommunity(input.communityId, 'input.communityId');
    return ctx.em.transactional(async (em) => {
      const unit = await requireRecord(em, Unit, input.unitId, 'input.unitId');
      const current = await em.count(Pairing, { unit, communityId: input.communityId, status: PairingStatus.ACTIVE });
      checkNotPaired(current, unit.name);
      return em.create(Pairing, { id: newId(), unit, communityId: input.communityId, agreement, instructorName, startedOn, endedOn });
    });
  }

  @Mutation(() => Pairing, { description: '结束结对共建' })
  async endPairing(@Ctx() ctx: CoBuildingContext, @Arg('input') input: EndPairingInput): Promise<Pairing> {
    const endedOn = checkDate(input.endedOn, 'input.endedOn');
    return ctx.em.transactional(async (em) => {
      const pairing = await requireRecord(em, Pairing, input.pairingId, 'input.pairingId');
      checkCommunityWrite(ctx.viewer, pairing.communityId, 'ending a pairing', 'input.pairingId');
      if (pairing.status === PairingStatus.ENDED) throw conflict('input.pairingId', 'the pairing has already ended');
      checkRange(pairing.startedOn, endedOn, 'input.endedOn');
      pairing.status = PairingStatus.ENDED;
      pairing.endedOn = endedOn;
      return pairing;
    });
  }
}
