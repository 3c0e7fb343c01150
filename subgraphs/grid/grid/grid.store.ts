import { equalTo, type SqlParameter } from '../../../lib/sql-rows';
import { STANDARD_HOUSEHOLDS } from './grid-size.rules';

/**
 * The root lists' filters as SQL conditions on the listed table, to AND together (`paginate`):
 * a page and its total count the same rows, and no ORM filter is translated per request.
 * `parameter` gives the placeholder of each value, in the order written.
 */

/** Communities of a street: a grid, a building, a resident carries no street of its own. */
const communitiesOfStreet = (streetId: string, parameter: SqlParameter) =>
  `select "id" from "grid"."community" where "street_id" = ${parameter(streetId)}`;

export function gridConditions(
  filter: {
    streetId?: string;
    communityId?: string;
    kind?: string;
    status?: string;
    outsideStandardBand?: boolean | null;
  },
  parameter: SqlParameter,
): string[] {
  const conditions: string[] = [];
  if (filter.streetId) conditions.push(`"community_id" in (${communitiesOfStreet(filter.streetId, parameter)})`);
  conditions.push(
    ...equalTo(parameter, { community_id: filter.communityId, kind: filter.kind, status: filter.status }),
  );
  if (filter.outsideStandardBand != null) {
    const band = `"household_count" between ${parameter(STANDARD_HOUSEHOLDS.min)} and ${parameter(STANDARD_HOUSEHOLDS.max)}`;
    conditions.push(filter.outsideStandardBand ? `not (${band})` : band);
  }
  return conditions;
}

export function buildingConditions(
  filter: { gridId?: string; communityId?: string },
  parameter: SqlParameter,
): string[] {
  const conditions = equalTo(parameter, { grid_id: filter.gridId });
  if (filter.communityId)
    conditions.push(
      `"grid_id" in (select "id" from "grid"."grid" where "community_id" = ${parameter(filter.communityId)})`,
    );
  return conditions;
}
