import type { EntityManager } from '@mikro-orm/postgresql';
import type { Period } from '../shared/periods';
import type { EvaluationFigures } from './evaluation.rules';

/**
 * The year's four figures for a unit in one statement: members reported and pledges held at any
 * time in the year; wishes fulfilled in the year by the unit or by its members while reported
 * from it; projects it completed in the year.
 */
export async function figuresOf(em: EntityManager, unitId: string, period: Period): Promise<EvaluationFigures> {
  const fulfilledOn = `cast(timezone('Asia/Shanghai', w.fulfilled_at) as date)`;
  const query = em.getKnex().raw(
    `select
       (select cast(count(*) as int) from co_building.member_report r
         where r.unit_id = :unit and r.reported_on <= :to and (r.ended_on is null or r.ended_on >= :from)) as "membersReported",
       (select cast(count(*) as int) from co_building.pledge p join co_building.member_report r on r.id = p.report_id
         where r.unit_id = :unit and p.signed_on <= :to and (p.ended_on is null or p.ended_on >= :from)) as "pledgesHeld",
       (select cast(count(*) as int) from co_building.wish w
         where w.status = 'FULFILLED' and ${fulfilledOn} between :from and :to
           and (w.claimed_by_unit_id = :unit or exists (
             select 1 from co_building.member_report r
              where r.member_id = w.claimed_by_member_id and r.unit_id = :unit
                and r.reported_on <= ${fulfilledOn} and (r.ended_on is null or r.ended_on >= ${fulfilledOn})))) as "wishesFulfilled",
       (select cast(count(*) as int) from co_building.project pr
         where pr.unit_id = :unit and pr.status = 'DONE' and pr.done_on between :from and :to) as "projectsDone"`,
    { unit: unitId, from: period.from, to: period.to },
  );
  return em.getConnection().execute<EvaluationFigures>(query, [], 'get', em.getTransactionContext());
}
