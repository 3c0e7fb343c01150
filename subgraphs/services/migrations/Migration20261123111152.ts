import { Migration } from '@mikro-orm/migrations';

export class Migration20261123111152 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "services"."item_assignment" ("id" uuid not null, "item_id" uuid not null, "grid_id" uuid null, "community_id" uuid null, "assigned_by" varchar(100) not null, "assigned_at" timestamptz not null, constraint "item_assignment_pkey" primary key ("id"), constraint item_assignment_one_target check ((grid_id is null) <> (community_id is null)));`);
    this.addSql(`create index "item_assignment_item_id_index" on "services"."item_assignment" ("item_id");`);
    this.addSql(`create index "item_assignment_grid_id_index" on "services"."item_assignment" ("grid_id");`);
    this.addSql(`create index "item_assignment_community_id_index" on "services"."item_assignment" ("community_id");`);

    this.addSql(`create table "services"."admission_request" ("id" uuid not null, "department" varchar(100) not null, "item_id" uuid not null, "target" text check ("target" in ('GRID', 'COMMUNITY')) not null, "reason" text not null, "tasks" text not null, "authority_confirmed" boolean not null, "training_confirmed" boolean not null, "funding_confirmed" boolean not null, "status" text check ("status" in ('PENDING', 'APPROVED', 'REJECTED')) not null default 'PENDING', "decision_reason" text null, "decided_by" varchar(100) null, "decided_at" timestamptz null, "submitted_at" timestamptz not null, constraint "admission_request_pkey" primary key ("id"));`);
    this.addSql(`create index "admission_request_item_id_index" on "services"."admission_request" ("item_id");`);

    this.addSql(`create table "services"."service_item_version" ("id" uuid not null, "item_id" uuid not null, "version" int not null, "name" varchar(200) not null, "category" varchar(50) not null, "department" varchar(100) not null, "level" text check ("level" in ('GRID', 'COMMUNITY', 'STREET', 'DEPARTMENT')) not null, "time_limit_hours" int not null, "home_service" boolean not null, "lists" text[] not null, "attributes" jsonb not null, "created_at" timestamptz not null, constraint "service_item_version_pkey" primary key ("id"));`);
    this.addSql(`create index "service_item_version_item_id_index" on "services"."service_item_version" ("item_id");`);
    this.addSql(`alter table "services"."service_item_version" add constraint "service_item_version_item_id_version_unique" unique ("item_id", "version");`);

    this.addSql(`create table "services"."service_case" ("id" uuid not null, "channel" text check ("channel" in ('HOTLINE', 'APP_PHOTO', 'GRID_WORKER', 'WECHAT', 'WALK_IN')) not null, "item_id" uuid not null, "item_version_id" uuid not null, "category" varchar(50) not null, "department" varchar(100) not null, "grid_id" uuid not null, "community_id" uuid not null, "street_id" uuid not null, "reporter_resident_id" uuid null, "description" text not null, "location" text null, "attributes" jsonb not null, "state" text check ("state" in ('REPORTED', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'PARKED', 'RESOLVED', 'VERIFIED', 'CLOSED', 'RETURNED', 'CANCELLED')) not null default 'REPORTED', "level" text check ("level" in ('GRID', 'COMMUNITY', 'STREET', 'DEPARTMENT', 'CITY')) not null default 'GRID', "version" int not null default 1, "reopen_count" int not null default 0, "satisfaction" text check ("satisfaction" in ('SATISFIED', 'BASIC', 'UNSATISFIED')) null, "idempotency_key" varchar(100) null, "intake_fingerprint" varchar(64) null, "reported_at" timestamptz not null, "accepted_at" timestamptz null, "dispatched_at" timestamptz null, "deadline" timestamptz null, "resolved_at" timestamptz null, "closed_at" timestamptz null, "parked_at" timestamptz null, "updated_at" timestamptz not null, constraint "service_case_pkey" primary key ("id"));`);
    this.addSql(`create index "service_case_item_id_index" on "services"."service_case" ("item_id");`);
    this.addSql(`create index "service_case_department_index" on "services"."service_case" ("department");`);
    this.addSql(`create index "service_case_reporter_resident_id_index" on "services"."service_case" ("reporter_resident_id");`);
    this.addSql(`create index "service_case_state_index" on "services"."service_case" ("state");`);
    this.addSql(`alter table "services"."service_case" add constraint "service_case_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "service_case_deadline_index" on "services"."service_case" ("deadline");`);
    this.addSql(`create index "service_case_street_id_reported_at_index" on "services"."service_case" ("street_id", "reported_at");`);
    this.addSql(`create index "service_case_community_id_reported_at_index" on "services"."service_case" ("community_id", "reported_at");`);
    this.addSql(`create index "service_case_grid_id_reported_at_index" on "services"."service_case" ("grid_id", "reported_at");`);

    this.addSql(`create table "services"."case_extension" ("id" uuid not null, "case_id" uuid not null, "hours" int not null, "reason" text not null, "requested_by" varchar(100) not null, "requested_at" timestamptz not null, "status" text check ("status" in ('PENDING', 'APPROVED', 'REJECTED')) not null default 'PENDING', "decided_by" varchar(100) null, "decision_note" text null, "decided_at" timestamptz null, constraint "case_extension_pkey" primary key ("id"));`);
    this.addSql(`create index "case_extension_case_id_index" on "services"."case_extension" ("case_id");`);

    this.addSql(`create table "services"."case_event" ("id" uuid not null, "case_id" uuid not null, "action" text check ("action" in ('REPORT', 'ACCEPT', 'CANCEL', 'DISPATCH', 'START', 'RETURN', 'PARK', 'RESUME', 'RESOLVE', 'VERIFY', 'CLOSE', 'ESCALATE', 'REQUEST_EXTENSION', 'DECIDE_EXTENSION', 'SUPERVISE', 'RATE')) not null, "from_state" text check ("from_state" in ('REPORTED', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'PARKED', 'RESOLVED', 'VERIFIED', 'CLOSED', 'RETURNED', 'CANCELLED')) null, "to_state" text check ("to_state" in ('REPORTED', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'PARKED', 'RESOLVED', 'VERIFIED', 'CLOSED', 'RETURNED', 'CANCELLED')) not null, "from_level" text check ("from_level" in ('GRID', 'COMMUNITY', 'STREET', 'DEPARTMENT', 'CITY')) null, "to_level" text check ("to_level" in ('GRID', 'COMMUNITY', 'STREET', 'DEPARTMENT', 'CITY')) null, "actor" varchar(100) not null, "note" text null, "occurred_at" timestamptz not null, constraint "case_event_pkey" primary key ("id"));`);
    this.addSql(`create index "case_event_case_id_occurred_at_index" on "services"."case_event" ("case_id", "occurred_at");`);

    this.addSql(`create table "services"."supervision_notice" ("id" uuid not null, "case_id" uuid not null, "department" varchar(100) not null, "deadline" timestamptz not null, "overdue_hours" double precision not null, "issued_by" varchar(100) not null, "note" text null, "issued_at" timestamptz not null, constraint "supervision_notice_pkey" primary key ("id"));`);
    this.addSql(`create index "supervision_notice_case_id_index" on "services"."supervision_notice" ("case_id");`);

    this.addSql(`alter table "services"."item_assignment" add constraint "item_assignment_item_id_foreign" foreign key ("item_id") references "services"."service_item" ("id") on update cascade;`);

    this.addSql(`alter table "services"."admission_request" add constraint "admission_request_item_id_foreign" foreign key ("item_id") references "services"."service_item" ("id") on update cascade;`);

    this.addSql(`alter table "services"."service_item_version" add constraint "service_item_version_item_id_foreign" foreign key ("item_id") references "services"."service_item" ("id") on update cascade;`);

    this.addSql(`alter table "services"."service_case" add constraint "service_case_item_id_foreign" foreign key ("item_id") references "services"."service_item" ("id") on update cascade;`);
    this.addSql(`alter table "services"."service_case" add constraint "service_case_item_version_id_foreign" foreign key ("item_version_id") references "services"."service_item_version" ("id") on update cascade;`);

    this.addSql(`alter table "services"."case_extension" add constraint "case_extension_case_id_foreign" foreign key ("case_id") references "services"."service_case" ("id") on update cascade;`);

    this.addSql(`alter table "services"."case_event" add constraint "case_event_case_id_foreign" foreign key ("case_id") references "services"."service_case" ("id") on update cascade;`);

    this.addSql(`alter table "services"."supervision_notice" add constraint "supervision_notice_case_id_foreign" foreign key ("case_id") references "services"."service_case" ("id") on update cascade;`);

    // Items written before versioning get their first version; the defaults exist only for them.
    this.addSql(`alter table "services"."service_item" add column "attributes" jsonb not null default '[]', add column "version" int not null default 1, add column "updated_at" timestamptz not null default now();`);
    this.addSql(`alter table "services"."service_item" alter column "attributes" drop default, alter column "updated_at" drop default;`);
    this.addSql(`insert into "services"."service_item_version" ("id", "item_id", "version", "name", "category", "department", "level", "time_limit_hours", "home_service", "lists", "attributes", "created_at")
      select gen_random_uuid(), "id", 1, "name", "category", "department", "level", "time_limit_hours", "home_service", "lists", "attributes", "created_at" from "services"."service_item";`);

    // The timeline is evidence of who did what and when: nothing may rewrite or remove a step.
    this.addSql(`create function "services"."refuse_timeline_change"() returns trigger language plpgsql as $$
      begin raise exception 'case_event is append-only: % refused', tg_op; end $$;`);
    this.addSql(`create trigger "case_event_append_only" before update or delete on "services"."case_event"
      for each row execute function "services"."refuse_timeline_change"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "case_event_append_only" on "services"."case_event";`);
    this.addSql(`drop function if exists "services"."refuse_timeline_change"();`);
    this.addSql(`alter table "services"."service_case" drop constraint "service_case_item_version_id_foreign";`);

    this.addSql(`alter table "services"."case_extension" drop constraint "case_extension_case_id_foreign";`);

    this.addSql(`alter table "services"."case_event" drop constraint "case_event_case_id_foreign";`);

    this.addSql(`alter table "services"."supervision_notice" drop constraint "supervision_notice_case_id_foreign";`);

    this.addSql(`drop table if exists "services"."item_assignment" cascade;`);

    this.addSql(`drop table if exists "services"."admission_request" cascade;`);

    this.addSql(`drop table if exists "services"."service_item_version" cascade;`);

    this.addSql(`drop table if exists "services"."service_case" cascade;`);

    this.addSql(`drop table if exists "services"."case_extension" cascade;`);

    this.addSql(`drop table if exists "services"."case_event" cascade;`);

    this.addSql(`drop table if exists "services"."supervision_notice" cascade;`);

    this.addSql(`alter table "services"."service_item" drop column "attributes", drop column "version", drop column "updated_at";`);
  }

}
