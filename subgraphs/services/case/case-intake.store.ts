import type { EntityManager } from '@mikro-orm/postgresql';
import { columnsOf, readOnlyMapper, readOnlyRowsIn, tableOf } from '../../../lib/read-only-entities';
import { SqlParameters, sqlRows } from '../../../lib/sql-rows';
import { insertText } from '../../../lib/written-rows';
import type { IntakeStore } from './case-intake.rules';
import { CaseEvent } from './case-event.entity';
import { ServiceCase } from './case.entity';
import { ServiceItemVersion } from '../item/item-version.entity';
import { ServiceItem } from '../item/item.entity';

/**
 * The intake's reads and its write as SQL, three statements at most (the earlier case under the
 * key, the item's version in force, the case with its first event), each prepared: an intake
 * through the ORM sent seven (three look-ups, then begin, two inserts and commit) and its unit
 * of work cost more CPU than PostgreSQL spent on all of them. The case and its event are one
 * statement, so they are written together or not at all.
 */
export function intakeStore(em: EntityManager): IntakeStore {
  return {
    async caseByKey(key) {
      const [found] = await readOnlyRowsIn(em, ServiceCase, 'idempotencyKey', [key]);
      return found ?? null;
    },

    async currentVersion(itemId) {
      const text =
        `select ${columnsOf(em, ServiceItemVersion, 'v')} from ${tableOf(em, ServiceItemVersion)} "v" ` +
        `join ${tableOf(em, ServiceItem)} "i" on "i"."id" = "v"."item_id" and "i"."version" = "v"."version" where "i"."id" = $1`;
      const [row] = await sqlRows(em, { text, values: [itemId], prepared: true });
      return row ? readOnlyMapper(em, ServiceItemVersion)(row) : null;
    },

    async insert(serviceCase, firstEvent) {
      const parameters = new SqlParameters();
      const text =
        `with "case" as (${insertText(em, ServiceCase, [serviceCase], parameters.add)} returning ${columnsOf(em, ServiceCase)}), ` +
        `"event" as (${insertText(em, CaseEvent, [firstEvent], parameters.add)}) select * from "case"`;
      try {
        const [row] = await sqlRows(em, { text, values: parameters.values, prepared: true });
        if (!row) throw new Error('inserting a case returned no row');
        return readOnlyMapper(em, ServiceCase)(row);
      } catch (error) {
        if (isTakenKey(error)) return null;
        throw error;
      }
    },
  };
}

/** PostgreSQL refused the case because its idempotency key is already another case's. */
function isTakenKey(error: unknown): boolean {
  const { code, constraint } = error as { code?: string; constraint?: string };
  return code === '23505' && constraint === 'service_case_idempotency_key_unique';
}
