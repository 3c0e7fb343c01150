import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { PartyContext } from '../context';
import { isInOffice, today } from '../member/term.rules';
import { CommitteeSeat } from './committee-seat.entity';
import { AddCommitteeSeatInput, EndCommitteeSeatInput } from './committee-seat.inputs';
import { addSeat, endSeat } from './committee-seat.service';
import { PartyOrganization } from './organization.entity';

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
  addCommitteeSeat(@Ctx() ctx: PartyContext, @Arg('input') input: AddCommitteeSeatInput): Promise<CommitteeSeat> {
    return addSeat(ctx, input);
  }

  @Mutation(() => CommitteeSeat, { description: '兼职委员结束任职（记录保留）' })
  endCommitteeSeat(@Ctx() ctx: PartyContext, @Arg('input') input: EndCommitteeSeatInput): Promise<CommitteeSeat> {
    return endSeat(ctx, input);
  }
}
