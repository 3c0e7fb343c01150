import { Migration } from '@mikro-orm/migrations';

export class Migration20261204052012 extends Migration {

  /**
   * Indexes for what grew with the city (measured on a city of three districts, 450 000 cases):
   * case lists by territory or department and state read the matching rows in id order (a
   * street's dispatched cases were looked for among the whole city's); the analyst's month reads
   * that month's figures and that month's open cases, not every row of either. The department
   * index becomes (department, state, id), which still serves a department alone.
   */
  override async up(): Promise<void> {
    this.addSql(`create index "case_indicator_month_month_index" on "services"."case_indicator_month" ("month");`);

    this.addSql(`drop index "services"."service_case_department_index";`);

    this.addSql(`create index "service_case_open_reported_at_index" on "services"."service_case" ("reported_at") include ("street_id", "community_id", "grid_id", "deadline") where "state" in ('ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'RETURNED');`);
    this.addSql(`create index "service_case_department_state_id_index" on "services"."service_case" ("department", "state", "id");`);
    this.addSql(`create index "service_case_grid_id_state_id_index" on "services"."service_case" ("grid_id", "state", "id");`);
    this.addSql(`create index "service_case_community_id_state_id_index" on "services"."service_case" ("community_id", "state", "id");`);
    this.addSql(`create index "service_case_street_id_state_id_index" on "services"."service_case" ("street_id", "state", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "services"."case_indicator_month_month_index";`);

    this.addSql(`drop index "services"."service_case_open_reported_at_index";`);
    this.addSql(`drop index "services"."service_case_department_state_id_index";`);
    this.addSql(`drop index "services"."service_case_grid_id_state_id_index";`);
    this.addSql(`drop index "services"."service_case_community_id_state_id_index";`);
    this.addSql(`drop index "services"."service_case_street_id_state_id_index";`);

    this.addSql(`create index "service_case_department_index" on "services"."service_case" ("department");`);
  }

}
