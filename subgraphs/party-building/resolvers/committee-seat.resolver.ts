import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, Resolver, Root } from 'type-graphql';
import { isInOffice, today } from '../domain/terms';
import { CommitteeSeat, CommitteeSeatRole, PartyOrganization, SeatUnitKind } from '../entities';
import type { PartyContext } from '../loaders';
import { addSeat, endSeat } from '../operations/seats';
import { authorizeChange } from './authorize';

@InputType({ description: '大党委增设兼职委员席位' })
class AddCommitteeSeatInput {
  @Field(() => ID, { description: '社区党委' }) committeeId!: string;
  @Field({ description: '兼职委员姓名' }) personName!: string;
  @Field({ description: '所在单位或物业企业' }) unitName!: string;
  @Field(() => SeatUnitKind) unitKind!: SeatUnitKind;
  @Field(() => CommitteeSeatRole) role!: CommitteeSeatRole;
  @Field({ description: '任期开始 YYYY-MM-DD' }) termStart!: string;
  @Field({ description: '任期届满 YYYY-MM-DD' }) termEnd!: string;
}

@InputType({ description: '兼职委员提前结束任职' })
class EndCommitteeSeatInput {
  @Field(() => ID) id!: string;
  @Field({ description: '结束日期 YYYY-MM-DD' }) endedOn!: string;
}

@Resolver(() => CommitteeSeat)
export class CommitteeSeatResolver {
  @FieldResolver(() => PartyOrganization, { description: '所在社区党委' })
  committee(@Root() seat: CommitteeSeat, @Ctx() ctx: PartyContext) {
    return ctx.loaders.organization.load(seat.committee.id);
  }

  @FieldResolver(() => Boolean, { description: '今日在任' })
  inOffice(@Root() seat: CommitteeSeat) {
    return isInOffice(seat, today());
  }

  @Mutation(() => CommitteeSeat, { description: '大党委增设兼职委员' })
  async addCommitteeSeat(@Ctx() ctx: PartyContext, @Arg('input') input: AddCommitteeSeatInput): Promise<CommitteeSeat> {
    await authorizeChange(ctx, 'seating a part-time committee member', () => [{ organizationId: input.committeeId, field: 'input.committeeId' }]);
    return ctx.em.transactional((em) => addSeat(em, input));
  }

  @Mutation(() => CommitteeSeat, { description: '兼职委员结束任职（记录保留）' })
  async endCommitteeSeat(@Ctx() ctx: PartyContext, @Arg('input') input: EndCommitteeSeatInput): Promise<CommitteeSeat> {
    await authorizeChange(ctx, 'ending a part-time committee seat', async () => {
      const seat = await ctx.loaders.seat.load(input.id);
      return [seat && { organizationId: seat.committee.id, field: 'input.id' }];
    });
    return ctx.em.transactional((em) => endSeat(em, input));
  }
}
