import type { EntityManager } from '@mikro-orm/postgresql';
import { newId } from '../../../lib/ids';
import { requireRecord } from '../../../lib/records';
import { authorizeChange } from '../access';
import type { PartyContext } from '../context';
import { checkEndOfTerm, checkTerm } from '../member/term.rules';
import { CommitteeSeatRole, SeatUnitKind } from '../shared/enums';
import { CommitteeSeat } from './committee-seat.entity';
import { checkSeatCommittee } from './committee-seat.rules';
import { checkText } from './organization-names.rules';
import { PartyOrganization } from './organization.entity';

export interface AddSeat {
  committeeId: string;
  personName: string;
  unitName: string;
  unitKind: SeatUnitKind;
  role: CommitteeSeatRole;
  termStart: string;
  termEnd: string;
}

async function add(em: EntityManager, input: AddSeat): Promise<CommitteeSeat> {
  const personName = checkText(input.personName, 'input.personName', 50);
  const unitName = checkText(input.unitName, 'input.unitName', 100);
  checkTerm(input.termStart, input.termEnd);
  const committee = await requireRecord(em, PartyOrganization, input.committeeId, 'input.committeeId');
  checkSeatCommittee(committee);
  return em.create(CommitteeSeat, {
    id: newId(),
    committee,
    personName,
    unitName,
    unitKind: input.unitKind,
    role: input.role,
    termStart: input.termStart,
    termEnd: input.termEnd,
  });
}

async function end(em: EntityManager, input: { id: string; endedOn: string }): Promise<CommitteeSeat> {
  const seat = await requireRecord(em, CommitteeSeat, input.id, 'input.id');
  checkEndOfTerm(seat, input.endedOn);
  seat.endedOn = input.endedOn;
  return seat;
}

export async function addSeat(ctx: PartyContext, input: AddSeat): Promise<CommitteeSeat> {
  await authorizeChange(ctx.viewer, ctx.loaders.scope.currentSubtree, 'seating a part-time committee member', () => [
    { organizationId: input.committeeId, field: 'input.committeeId' },
  ]);
  return ctx.em.transactional((em) => add(em, input));
}

export async function endSeat(ctx: PartyContext, input: { id: string; endedOn: string }): Promise<CommitteeSeat> {
  await authorizeChange(ctx.viewer, ctx.loaders.scope.currentSubtree, 'ending a part-time committee seat', async () => {
    const seat = await ctx.loaders.seat.load(input.id);
    return [seat && { organizationId: seat.committee.id, field: 'input.id' }];
  });
  return ctx.em.transactional((em) => end(em, input));
}
