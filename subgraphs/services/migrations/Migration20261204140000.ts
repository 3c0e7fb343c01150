import { Migration } from '@mikro-orm/migrations';

export class Migration20261204140000 extends Migration {

  /**
   * The open cases by report time hold only cases with a deadline, the only ones that can be
   * overdue. With the open states alone the index also matched a list of one open state, and
   * PostgreSQL read a street's dispatched cases through it: every open case of the district with
   * its row (2.4 ms on a generated district) instead of the street's own through
   * (street_id, state, id) (0.2 ms). "Overdue now" states "deadline < $n", from which PostgreSQL
   * knows the deadline is set, so it still reads the period's open cases here.
   */
  override async up(): Promise<void> {
    this.addSql(`drop index "services"."service_case_open_reported_at_index";`);
    this.addSql(`create index "service_case_open_reported_at_index" on "services"."service_case" ("reported_at") include ("street_id", "community_id", "grid_id", "deadline") where "state" in ('ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'RETURNED') and "deadline" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "services"."service_case_open_reported_at_index";`);
    this.addSql(`create index "service_case_open_reported_at_index" on "services"."service_case" ("reported_at") include ("street_id", "community_id", "grid_id", "deadline") where "state" in ('ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'RETURNED');`);
  }

}
