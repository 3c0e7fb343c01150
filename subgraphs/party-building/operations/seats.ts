import type { EntityManager } from '@mikro-orm/postgresql';
import { newId } from '../../../lib/ids';
import { checkSeatCommittee } from '../domain/committee-seats';
import { checkText } from '../domain/names';
import { checkEndOfTerm, checkTerm } from '../domain/terms';
import { CommitteeSeat, CommitteeSeatRole, PartyOrganization, SeatUnitKind } from '../entities';
import { requireRecord } from '../../../lib/records';

export interface AddSeat {
  committeeId: string;
  personName: string;
  unitName: string;
  unitKind: SeatUnitKind;
  role: CommitteeSeatRole;
  termStart: string;
  termEnd: string;
}

export async function addSeat(em: EntityManager, input: AddSeat): Promise<CommitteeSeat> {
  const personName = checkText(input.personName, 'input.personName', 50);
  const unitName = checkText(input.unitName, 'input.unitName', 100);
  checkTerm(input.termStart, input.termEnd);
  const committee = await requireRecord(em, PartyOrganization, input.committeeId, 'input.committeeId');
  checkSeatCommittee(committee);
  return em.create(CommitteeSeat, {
    id: newId(), committee, personName, unitName, unitKind: input.unitKind, role: input.role, termStart: input.termStart, termEnd: input.termEnd,
  });
}

export async function endSeat(em: EntityManager, input: { id: string; endedOn: string }): Promise<CommitteeSeat> {
  const seat = await requireRecord(em, CommitteeSeat, input.id, 'input.id');
  checkEndOfTerm(seat, input.endedOn);
  seat.endedOn = input.endedOn;
  return seat;
}
