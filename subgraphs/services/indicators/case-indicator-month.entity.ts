import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The indicator figures of the cases reported in one grid in one month (Asia/Shanghai), kept by
 * PostgreSQL triggers on service_case in the same transaction as every case write (migration
 * Migration20261123165001). A community's figures for a year are then about a hundred rows
 * instead of thousands of cases; indicators/case-indicators.store.ts counts whole months here and only
 * the partial months at a period's edges from the cases themselves.
 *
 * The territory is the case's own copy (grid, community and street at intake), so these rows
 * group exactly as the cases do. Declared as an entity so that the schema diff knows the table;
 * it is only ever read with SQL and written by the triggers, never through the ORM.
 */
@Entity({ tableName: 'case_indicator_month' })
@Index({ properties: ['communityId', 'month'] })
@Index({ properties: ['streetId', 'month'] })
// A month across the district (the analyst's figures by street): that month's rows, not the table.
@Index({ properties: ['month'] })
export class CaseIndicatorMonth {
  @PrimaryKey({ type: 'uuid' })
  gridId!: string;

  @PrimaryKey({ type: 'uuid' })
  communityId!: string;

  @PrimaryKey({ type: 'uuid' })
  streetId!: string;

  /** First day of the month the cases were reported in, Beijing time. */
  @PrimaryKey({ type: 'date' })
  month!: string;

  @Property() received!: number;
  @Property() accepted!: number;
  @Property() closed!: number;
  @Property() closedOnTime!: number;
  @Property() reworked!: number;
  @Property() rated!: number;
  @Property() satisfied!: number;

  /** Closed cases with a closing time, and their summed report-to-close seconds: the average handling time. */
  @Property() handled!: number;
  @Property({ type: 'double' }) handlingSeconds!: number;
}
