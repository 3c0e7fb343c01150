import { Migration } from '@mikro-orm/migrations';

export class Migration20261123110151 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "grid";`);
    this.addSql(`create table "grid"."grid_change" ("id" uuid not null, "kind" text check ("kind" in ('CREATED', 'SPLIT', 'MERGED', 'RETIRED', 'BUILDING_MOVED', 'COMMUNITY_MERGED')) not null, "from_grid_ids" text[] not null, "to_grid_ids" text[] not null, "building_ids" text[] not null, "note" text null, "actor" varchar(100) not null, "occurred_at" timestamptz not null, constraint "grid_change_pkey" primary key ("id"));`);

    this.addSql(`create table "grid"."grid_worker" ("id" uuid not null, "name" varchar(50) not null, "kind" text check ("kind" in ('FULL_TIME', 'PART_TIME', 'COORDINATOR')) not null, "department" varchar(100) null, "phone" varchar(11) not null, "active" boolean not null default true, "created_at" timestamptz not null, constraint "grid_worker_pkey" primary key ("id"));`);

    this.addSql(`create table "grid"."record_change" ("id" uuid not null, "entity_type" varchar(30) not null, "entity_id" uuid not null, "action" varchar(20) not null, "fields" text[] not null, "changed_by" varchar(100) not null, "changed_at" timestamptz not null, constraint "record_change_pkey" primary key ("id"));`);
    this.addSql(`create index "record_change_entity_type_entity_id_index" on "grid"."record_change" ("entity_type", "entity_id");`);

    this.addSql(`create table "grid"."street" ("id" uuid not null, "code" varchar(32) not null, "name" varchar(100) not null, "created_at" timestamptz not null, constraint "street_pkey" primary key ("id"));`);
    this.addSql(`alter table "grid"."street" add constraint "street_code_unique" unique ("code");`);

    this.addSql(`create table "grid"."community" ("id" uuid not null, "code" varchar(32) not null, "name" varchar(100) not null, "street_id" uuid not null, "status" text check ("status" in ('ACTIVE', 'MERGED')) not null default 'ACTIVE', "merged_into_id" uuid null, "merged_at" timestamptz null, "created_at" timestamptz not null, constraint "community_pkey" primary key ("id"));`);
    this.addSql(`alter table "grid"."community" add constraint "community_code_unique" unique ("code");`);
    this.addSql(`create index "community_street_id_index" on "grid"."community" ("street_id");`);
    this.addSql(`create index "community_merged_into_id_index" on "grid"."community" ("merged_into_id");`);

    this.addSql(`create table "grid"."grid" ("id" uuid not null, "code" varchar(32) not null, "name" varchar(100) not null, "kind" text check ("kind" in ('RESIDENTIAL', 'COMMERCIAL', 'MIXED', 'ENTERPRISE_PARK')) not null, "status" text check ("status" in ('ACTIVE', 'RETIRED')) not null default 'ACTIVE', "community_id" uuid not null, "retired_at" timestamptz null, "created_at" timestamptz not null, constraint "grid_pkey" primary key ("id"));`);
    this.addSql(`alter table "grid"."grid" add constraint "grid_code_unique" unique ("code");`);
    this.addSql(`create index "grid_status_index" on "grid"."grid" ("status");`);
    this.addSql(`create index "grid_community_id_index" on "grid"."grid" ("community_id");`);

    this.addSql(`create table "grid"."grid_assignment" ("id" uuid not null, "worker_id" uuid not null, "grid_id" uuid not null, "role" text check ("role" in ('GRID_CHIEF', 'FULL_TIME', 'PART_TIME', 'COORDINATOR')) not null, "started_at" timestamptz not null, "ended_at" timestamptz null, constraint "grid_assignment_pkey" primary key ("id"));`);
    this.addSql(`create index "grid_assignment_worker_id_ended_at_index" on "grid"."grid_assignment" ("worker_id", "ended_at");`);
    this.addSql(`create index "grid_assignment_grid_id_ended_at_index" on "grid"."grid_assignment" ("grid_id", "ended_at");`);

    this.addSql(`create table "grid"."building" ("id" uuid not null, "code" varchar(40) not null, "address" varchar(200) not null, "grid_id" uuid not null, "created_at" timestamptz not null, constraint "building_pkey" primary key ("id"));`);
    this.addSql(`alter table "grid"."building" add constraint "building_code_unique" unique ("code");`);
    this.addSql(`create index "building_grid_id_index" on "grid"."building" ("grid_id");`);

    this.addSql(`create table "grid"."household" ("id" uuid not null, "building_id" uuid not null, "unit" varchar(20) not null, "room" varchar(20) not null, "tenure" text check ("tenure" in ('OWNER_OCCUPIED', 'RENTED', 'VACANT')) not null, "created_at" timestamptz not null, constraint "household_pkey" primary key ("id"));`);
    this.addSql(`create index "household_building_id_index" on "grid"."household" ("building_id");`);
    this.addSql(`alter table "grid"."household" add constraint "household_building_id_unit_room_unique" unique ("building_id", "unit", "room");`);

    this.addSql(`create table "grid"."resident" ("id" uuid not null, "name" varchar(50) not null, "gender" text check ("gender" in ('MALE', 'FEMALE')) not null, "birth_date" date not null, "id_number" varchar(18) not null, "phone" varchar(11) null, "household_id" uuid not null, "relation_to_head" text check ("relation_to_head" in ('HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDCHILD', 'SIBLING', 'TENANT', 'OTHER')) not null, "residence_type" text check ("residence_type" in ('REGISTERED', 'PERMANENT', 'FLOATING')) not null, "care_tags" text[] not null, "created_at" timestamptz not null, constraint "resident_pkey" primary key ("id"));`);
    this.addSql(`alter table "grid"."resident" add constraint "resident_id_number_unique" unique ("id_number");`);
    this.addSql(`create index "resident_household_id_index" on "grid"."resident" ("household_id");`);
    this.addSql(`create index "resident_residence_type_index" on "grid"."resident" ("residence_type");`);
    this.addSql(`create index "resident_care_tags_index" on "grid"."resident" using gin ("care_tags");`);

    this.addSql(`create table "grid"."building_grid_period" ("id" uuid not null, "building_id" uuid not null, "grid_id" uuid not null, "since" timestamptz not null, "until" timestamptz null, constraint "building_grid_period_pkey" primary key ("id"));`);
    this.addSql(`create index "building_grid_period_building_id_index" on "grid"."building_grid_period" ("building_id");`);
    this.addSql(`create index "building_grid_period_grid_id_index" on "grid"."building_grid_period" ("grid_id");`);

    this.addSql(`create table "grid"."visit" ("id" uuid not null, "worker_id" uuid not null, "grid_id" uuid not null, "household_id" uuid null, "duty" text check ("duty" in ('INFORMATION_COLLECTION', 'SANITATION_SUPERVISION', 'DISPUTE_MEDIATION', 'POLICY_PUBLICITY', 'CITY_MANAGEMENT_PATROL', 'AFFAIRS_ON_BEHALF')) not null, "visited_at" timestamptz not null, "note" text not null, constraint "visit_pkey" primary key ("id"));`);
    this.addSql(`create index "visit_worker_id_index" on "grid"."visit" ("worker_id");`);
    this.addSql(`create index "visit_grid_id_index" on "grid"."visit" ("grid_id");`);

    this.addSql(`alter table "grid"."community" add constraint "community_street_id_foreign" foreign key ("street_id") references "grid"."street" ("id") on update cascade;`);
    this.addSql(`alter table "grid"."community" add constraint "community_merged_into_id_foreign" foreign key ("merged_into_id") references "grid"."community" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "grid"."grid" add constraint "grid_community_id_foreign" foreign key ("community_id") references "grid"."community" ("id") on update cascade;`);

    this.addSql(`alter table "grid"."grid_assignment" add constraint "grid_assignment_worker_id_foreign" foreign key ("worker_id") references "grid"."grid_worker" ("id") on update cascade;`);
    this.addSql(`alter table "grid"."grid_assignment" add constraint "grid_assignment_grid_id_foreign" foreign key ("grid_id") references "grid"."grid" ("id") on update cascade;`);

    this.addSql(`alter table "grid"."building" add constraint "building_grid_id_foreign" foreign key ("grid_id") references "grid"."grid" ("id") on update cascade;`);

    this.addSql(`alter table "grid"."household" add constraint "household_building_id_foreign" foreign key ("building_id") references "grid"."building" ("id") on update cascade;`);

    this.addSql(`alter table "grid"."resident" add constraint "resident_household_id_foreign" foreign key ("household_id") references "grid"."household" ("id") on update cascade;`);

    this.addSql(`alter table "grid"."building_grid_period" add constraint "building_grid_period_building_id_foreign" foreign key ("building_id") references "grid"."building" ("id") on update cascade;`);
    this.addSql(`alter table "grid"."building_grid_period" add constraint "building_grid_period_grid_id_foreign" foreign key ("grid_id") references "grid"."grid" ("id") on update cascade;`);

    this.addSql(`alter table "grid"."visit" add constraint "visit_worker_id_foreign" foreign key ("worker_id") references "grid"."grid_worker" ("id") on update cascade;`);
    this.addSql(`alter table "grid"."visit" add constraint "visit_grid_id_foreign" foreign key ("grid_id") references "grid"."grid" ("id") on update cascade;`);
    this.addSql(`alter table "grid"."visit" add constraint "visit_household_id_foreign" foreign key ("household_id") references "grid"."household" ("id") on update cascade on delete set null;`);
  }

}
