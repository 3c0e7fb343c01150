import { equalTo, type SqlParameter } from '../../../lib/sql-rows';
import type { ResidentFilter } from './resident.inputs';

/**
 * The filter as SQL conditions on grid.resident, each value written through `parameter`. A street,
 * community or grid narrows by the grid each resident carries (grid_id, kept by the database from
 * their building), without joining resident → household → building → grid for every page.
 */
export function residentConditions(filter: ResidentFilter, parameter: SqlParameter): string[] {
  const conditions: string[] = [];
  if (filter.streetId) {
    conditions.push(
      `"grid_id" in (select "grid"."id" from "grid"."grid" join "grid"."community" on "community"."id" = "grid"."community_id" where "community"."street_id" = ${parameter(filter.streetId)})`,
    );
  }
  if (filter.communityId)
    conditions.push(
      `"grid_id" in (select "id" from "grid"."grid" where "community_id" = ${parameter(filter.communityId)})`,
    );
  if (filter.buildingId)
    conditions.push(
      `"household_id" in (select "id" from "grid"."household" where "building_id" = ${parameter(filter.buildingId)})`,
    );
  if (filter.careTags?.length) {
    // Stated so that PostgreSQL reads the index of residents in care, which it cannot infer from `&&`.
    conditions.push(`"care_tags" && ${parameter(filter.careTags)}`, `"care_tags" <> '{}'`);
  }
  conditions.push(
    ...equalTo(parameter, {
      grid_id: filter.gridId,
      household_id: filter.householdId,
      residence_type: filter.residenceType,
      gender: filter.gender,
    }),
  );
  return conditions;
}
