import { Migration } from '@mikro-orm/migrations';

export class Migration20261123145256 extends Migration {

  /**
   * Indicator indexes that carry every column the counts read, for index-only scans. The three
   * (grid|community|street, reported_at) indexes keep their names and gain the included columns.
   */
  override async up(): Promise<void> {
    this.addSql(`drop index "services"."service_case_grid_id_reported_at_index";`);
    this.addSql(`create index "service_case_grid_id_reported_at_index" on "services"."service_case" ("grid_id", "reported_at") include ("street_id", "community_id", "department", "category", "state", "accepted_at", "resolved_at", "deadline", "reopen_count", "satisfaction", "closed_at", "dispatched_at", "reporter_resident_id");`);
    this.addSql(`drop index "services"."service_case_community_id_reported_at_index";`);
    this.addSql(`create index "service_case_community_id_reported_at_index" on "services"."service_case" ("community_id", "reported_at") include ("street_id", "grid_id", "department", "category", "state", "accepted_at", "resolved_at", "deadline", "reopen_count", "satisfaction", "closed_at", "dispatched_at", "reporter_resident_id");`);
    this.addSql(`drop index "services"."service_case_street_id_reported_at_index";`);
    this.addSql(`create index "service_case_street_id_reported_at_index" on "services"."service_case" ("street_id", "reported_at") include ("community_id", "grid_id", "department", "category", "state", "accepted_at", "resolved_at", "deadline", "reopen_count", "satisfaction", "closed_at", "dispatched_at", "reporter_resident_id");`);
    this.addSql(`create index "service_case_reported_at_indicators_index" on "services"."service_case" ("reported_at") include ("street_id", "community_id", "grid_id", "department", "category", "state", "accepted_at", "resolved_at", "deadline", "reopen_count", "satisfaction", "closed_at", "dispatched_at", "reporter_resident_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "services"."service_case_reported_at_indicators_index";`);
    this.addSql(`drop index "services"."service_case_grid_id_reported_at_index";`);
    this.addSql(`create index "service_case_grid_id_reported_at_index" on "services"."service_case" ("grid_id", "reported_at");`);
    this.addSql(`drop index "services"."service_case_community_id_reported_at_index";`);
    this.addSql(`create index "service_case_community_id_reported_at_index" on "services"."service_case" ("community_id", "reported_at");`);
    this.addSql(`drop index "services"."service_case_street_id_reported_at_index";`);
    this.addSql(`create index "service_case_street_id_reported_at_index" on "services"."service_case" ("street_id", "reported_at");`);
  }

}
