import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { GraphQLResolveInfo } from 'graphql';
import { isId } from '../../../lib/ids';
import { columnsOf, readOnlyMapper } from '../../../lib/read-only-entities';
import { paginate, type Page } from '../../../lib/pagination';
import { equalTo, oneOf, SqlParameters, sqlRows, type SqlStatement } from '../../../lib/sql-rows';
import { PairingStatus } from '../shared/enums';
import type { UnitFilter } from './unit.inputs';
import { Unit } from './unit.entity';

/**
 * Units in an active pairing with the communities, by unit name. One community (a dashboard) is
 * one value rather than an array (`oneOf`), so PostgreSQL keeps the prepared statement's plan.
 */
function unitsPairedWith(em: EntityManager, communityIds: string[]): SqlStatement {
  const parameters = new SqlParameters();
  const text = `select ${columnsOf(em, Unit, 'u')}, p.community_id as paired_community_id
  from co_building.pairing p join co_building.unit u on u.id = p.unit_id
  where ${oneOf('p.community_id', communityIds, parameters.add)} and p.status = '${PairingStatus.ACTIVE}' order by u.name, u.id`;
  return { text, values: parameters.values, prepared: true };
}

/** Units currently paired with each community, one query per batch. */
export function unitsOfCommunityLoader(em: EntityManager) {
  return new DataLoader<string, Unit[]>(async (communityIds) => {
    const valid = communityIds.filter(isId);
    const rows = valid.length ? await sqlRows<Record<string, unknown>>(em, unitsPairedWith(em, valid)) : [];
    const unitOf = readOnlyMapper(em, Unit);
    return communityIds.map((id) => rows.filter((row) => row.paired_community_id === id).map(unitOf));
  });
}

/** A page of the register, of one kind when asked. */
export function unitsPage(em: EntityManager, filter: UnitFilter, info: GraphQLResolveInfo): Promise<Page<Unit>> {
  return paginate(em, Unit, (parameter) => equalTo(parameter, { kind: filter.kind }), filter, info);
}
