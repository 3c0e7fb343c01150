import { Migration } from '@mikro-orm/migrations';

export class Migration20261123111051 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "grid"."grid_worker" add column "public_contact" varchar(20) null;`);

    this.addSql(`alter table "grid"."record_change" alter column "entity_type" type text using ("entity_type"::text);`);
    this.addSql(`alter table "grid"."record_change" alter column "action" type text using ("action"::text);`);
    this.addSql(`alter table "grid"."record_change" add constraint "record_change_entity_type_check" check("entity_type" in ('Resident', 'Household', 'Building'));`);
    this.addSql(`alter table "grid"."record_change" add constraint "record_change_action_check" check("action" in ('CREATED', 'UPDATED', 'MOVED'));`);

    // Rows from before this migration get the default duties of their role (domain/assignment-rules.ts).
    this.addSql(`alter table "grid"."grid_assignment" add column "duties" text[] not null default '{}';`);
    this.addSql(`update "grid"."grid_assignment" set "duties" = case "role"
      when 'PART_TIME' then '{INFORMATION_COLLECTION,DISPUTE_MEDIATION,POLICY_PUBLICITY}'::text[]
      when 'COORDINATOR' then '{INFORMATION_COLLECTION}'::text[]
      else '{INFORMATION_COLLECTION,SANITATION_SUPERVISION,DISPUTE_MEDIATION,POLICY_PUBLICITY,CITY_MANAGEMENT_PATROL,AFFAIRS_ON_BEHALF}'::text[] end;`);
    this.addSql(`alter table "grid"."grid_assignment" alter column "duties" drop default;`);
    this.addSql(`create unique index "grid_assignment_one_chief_per_grid" on "grid"."grid_assignment" ("grid_id") where "role" = 'GRID_CHIEF' and "ended_at" is null;`);
    this.addSql(`create unique index "grid_assignment_one_open_per_worker_and_grid" on "grid"."grid_assignment" ("worker_id", "grid_id") where "ended_at" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "grid"."record_change" drop constraint if exists "record_change_entity_type_check";`);
    this.addSql(`alter table "grid"."record_change" drop constraint if exists "record_change_action_check";`);

    this.addSql(`alter table "grid"."grid_worker" drop column "public_contact";`);

    this.addSql(`alter table "grid"."record_change" alter column "entity_type" type varchar(30) using ("entity_type"::varchar(30));`);
    this.addSql(`alter table "grid"."record_change" alter column "action" type varchar(20) using ("action"::varchar(20));`);

    this.addSql(`drop index "grid"."grid_assignment_one_chief_per_grid";`);
    this.addSql(`drop index "grid"."grid_assignment_one_open_per_worker_and_grid";`);
    this.addSql(`alter table "grid"."grid_assignment" drop column "duties";`);
  }

}
