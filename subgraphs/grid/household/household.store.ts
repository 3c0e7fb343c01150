import { equalTo, type SqlParameter } from '../../../lib/sql-rows';
import type { HouseholdFilter } from './household.inputs';

/** The filter as SQL conditions on grid.household, each value written through `parameter`. */
export function householdConditions(filter: HouseholdFilter, parameter: SqlParameter): string[] {
  const conditions = equalTo(parameter, { building_id: filter.buildingId, tenure: filter.tenure });
  if (filter.gridId)
    conditions.push(
      `"building_id" in (select "id" from "grid"."building" where "grid_id" = ${parameter(filter.gridId)})`,
    );
  if (filter.communityId) {
    conditions.push(
      `"building_id" in (select "building"."id" from "grid"."building" join "grid"."grid" on "grid"."id" = "building"."grid_id" where "grid"."community_id" = ${parameter(filter.communityId)})`,
    );
  }
  return conditions;
}
