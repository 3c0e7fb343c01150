import { Migration } from '@mikro-orm/migrations';

export class Migration20261123111551 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "co_building"."demand" ("id" uuid not null, "community_id" uuid not null, "title" varchar(200) not null, "description" text null, "created_at" timestamptz not null, constraint "demand_pkey" primary key ("id"));`);
    this.addSql(`create index "demand_community_id_index" on "co_building"."demand" ("community_id");`);

    this.addSql(`create table "co_building"."district_setting" ("key" varchar(50) not null, "value" int not null, constraint "district_setting_pkey" primary key ("key"));`);

    this.addSql(`create table "co_building"."service_category" ("id" uuid not null, "name" varchar(50) not null, "parent_id" uuid null, "created_at" timestamptz not null, constraint "service_category_pkey" primary key ("id"));`);
    this.addSql(`create index "service_category_parent_id_index" on "co_building"."service_category" ("parent_id");`);
    this.addSql(`alter table "co_building"."service_category" add constraint "service_category_parent_id_name_unique" unique ("parent_id", "name");`);

    this.addSql(`create table "co_building"."service_post" ("id" uuid not null, "community_id" uuid not null, "category_id" uuid not null, "name" varchar(100) not null, "description" text null, "capacity" int null, "created_at" timestamptz not null, constraint "service_post_pkey" primary key ("id"));`);
    this.addSql(`create index "service_post_community_id_index" on "co_building"."service_post" ("community_id");`);
    this.addSql(`create index "service_post_category_id_index" on "co_building"."service_post" ("category_id");`);

    this.addSql(`create table "co_building"."resource" ("id" uuid not null, "community_id" uuid not null, "title" varchar(200) not null, "description" text null, "provider_unit_id" uuid null, "created_at" timestamptz not null, constraint "resource_pkey" primary key ("id"));`);
    this.addSql(`create index "resource_community_id_index" on "co_building"."resource" ("community_id");`);
    this.addSql(`create index "resource_provider_unit_id_index" on "co_building"."resource" ("provider_unit_id");`);

    this.addSql(`create table "co_building"."project" ("id" uuid not null, "community_id" uuid not null, "name" varchar(200) not null, "description" text null, "demand_ids" text[] not null, "resource_ids" text[] not null, "status" text check ("status" in ('PROPOSED', 'CLAIMED', 'AGREED', 'IN_PROGRESS', 'DONE', 'CANCELLED')) not null default 'PROPOSED', "unit_id" uuid null, "claimed_at" timestamptz null, "community_confirmed_at" timestamptz null, "unit_confirmed_at" timestamptz null, "done_on" date null, "version" int not null default 1, "created_at" timestamptz not null, constraint "project_pkey" primary key ("id"));`);
    this.addSql(`create index "project_community_id_index" on "co_building"."project" ("community_id");`);
    this.addSql(`create index "project_status_index" on "co_building"."project" ("status");`);
    this.addSql(`create index "project_unit_id_index" on "co_building"."project" ("unit_id");`);

    this.addSql(`create table "co_building"."member_report" ("id" uuid not null, "member_id" uuid not null, "unit_id" uuid not null, "community_id" uuid not null, "reported_on" date not null, "status" text check ("status" in ('ACTIVE', 'ENDED')) not null default 'ACTIVE', "ended_on" date null, "created_at" timestamptz not null, constraint "member_report_pkey" primary key ("id"));`);
    this.addSql(`create index "member_report_member_id_index" on "co_building"."member_report" ("member_id");`);
    this.addSql(`create index "member_report_unit_id_index" on "co_building"."member_report" ("unit_id");`);
    this.addSql(`create index "member_report_community_id_index" on "co_building"."member_report" ("community_id");`);
    this.addSql(`create unique index "member_report_one_active_per_member" on "co_building"."member_report" ("member_id") where "status" = 'ACTIVE';`);

    this.addSql(`create table "co_building"."pledge" ("id" uuid not null, "report_id" uuid not null, "member_id" uuid not null, "post_id" uuid not null, "pledge_text" text not null, "signed_on" date not null, "status" text check ("status" in ('ACTIVE', 'ENDED')) not null default 'ACTIVE', "ended_on" date null, "created_at" timestamptz not null, constraint "pledge_pkey" primary key ("id"));`);
    this.addSql(`create index "pledge_report_id_index" on "co_building"."pledge" ("report_id");`);
    this.addSql(`create index "pledge_member_id_index" on "co_building"."pledge" ("member_id");`);
    this.addSql(`create index "pledge_post_id_index" on "co_building"."pledge" ("post_id");`);

    this.addSql(`create table "co_building"."evaluation" ("id" uuid not null, "unit_id" uuid not null, "year" int not null, "members_reported" int not null, "pledges_held" int not null, "wishes_fulfilled" int not null, "projects_done" int not null, "computed_at" timestamptz not null, "grade" text check ("grade" in ('A', 'B', 'C', 'D')) null, "comment" text null, "graded_by_organization_id" uuid null, "graded_at" timestamptz null, constraint "evaluation_pkey" primary key ("id"));`);
    this.addSql(`alter table "co_building"."evaluation" add constraint "evaluation_unit_id_year_unique" unique ("unit_id", "year");`);

    this.addSql(`create table "co_building"."wish" ("id" uuid not null, "resident_id" uuid not null, "community_id" uuid not null, "title" varchar(200) not null, "description" text null, "raised_on_behalf_by" varchar(50) null, "status" text check ("status" in ('OPEN', 'CLAIMED', 'FULFILLED', 'WITHDRAWN')) not null default 'OPEN', "claimed_by_member_id" uuid null, "claimed_by_unit_id" uuid null, "claimed_at" timestamptz null, "fulfilled_at" timestamptz null, "fulfilment_note" text null, "withdrawn_at" timestamptz null, "version" int not null default 1, "created_at" timestamptz not null, constraint "wish_pkey" primary key ("id"));`);
    this.addSql(`create index "wish_resident_id_index" on "co_building"."wish" ("resident_id");`);
    this.addSql(`create index "wish_community_id_index" on "co_building"."wish" ("community_id");`);
    this.addSql(`create index "wish_status_index" on "co_building"."wish" ("status");`);
    this.addSql(`create index "wish_claimed_by_member_id_index" on "co_building"."wish" ("claimed_by_member_id");`);
    this.addSql(`create index "wish_claimed_by_unit_id_index" on "co_building"."wish" ("claimed_by_unit_id");`);

    this.addSql(`alter table "co_building"."service_category" add constraint "service_category_parent_id_foreign" foreign key ("parent_id") references "co_building"."service_category" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "co_building"."service_post" add constraint "service_post_category_id_foreign" foreign key ("category_id") references "co_building"."service_category" ("id") on update cascade;`);

    this.addSql(`alter table "co_building"."resource" add constraint "resource_provider_unit_id_foreign" foreign key ("provider_unit_id") references "co_building"."unit" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "co_building"."project" add constraint "project_unit_id_foreign" foreign key ("unit_id") references "co_building"."unit" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "co_building"."member_report" add constraint "member_report_unit_id_foreign" foreign key ("unit_id") references "co_building"."unit" ("id") on update cascade;`);

    this.addSql(`alter table "co_building"."pledge" add constraint "pledge_report_id_foreign" foreign key ("report_id") references "co_building"."member_report" ("id") on update cascade;`);
    this.addSql(`alter table "co_building"."pledge" add constraint "pledge_post_id_foreign" foreign key ("post_id") references "co_building"."service_post" ("id") on update cascade;`);

    this.addSql(`alter table "co_building"."evaluation" add constraint "evaluation_unit_id_foreign" foreign key ("unit_id") references "co_building"."unit" ("id") on update cascade;`);

    this.addSql(`alter table "co_building"."wish" add constraint "wish_claimed_by_unit_id_foreign" foreign key ("claimed_by_unit_id") references "co_building"."unit" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "co_building"."unit" add column "party_organization_id" uuid null;`);
    this.addSql(`create index "unit_party_organization_id_index" on "co_building"."unit" ("party_organization_id");`);

    this.addSql(`alter table "co_building"."pairing" add column "agreement" text not null default '', add column "instructor_name" varchar(50) not null default '', add column "status" text check ("status" in ('ACTIVE', 'ENDED')) not null default 'ACTIVE';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "co_building"."service_category" drop constraint "service_category_parent_id_foreign";`);

    this.addSql(`alter table "co_building"."service_post" drop constraint "service_post_category_id_foreign";`);

    this.addSql(`alter table "co_building"."pledge" drop constraint "pledge_post_id_foreign";`);

    this.addSql(`alter table "co_building"."pledge" drop constraint "pledge_report_id_foreign";`);

    this.addSql(`drop table if exists "co_building"."demand" cascade;`);

    this.addSql(`drop table if exists "co_building"."district_setting" cascade;`);

    this.addSql(`drop table if exists "co_building"."service_category" cascade;`);

    this.addSql(`drop table if exists "co_building"."service_post" cascade;`);

    this.addSql(`drop table if exists "co_building"."resource" cascade;`);

    this.addSql(`drop table if exists "co_building"."project" cascade;`);

    this.addSql(`drop table if exists "co_building"."member_report" cascade;`);

    this.addSql(`drop table if exists "co_building"."pledge" cascade;`);

    this.addSql(`drop table if exists "co_building"."evaluation" cascade;`);

    this.addSql(`drop table if exists "co_building"."wish" cascade;`);

    this.addSql(`drop index "co_building"."unit_party_organization_id_index";`);
    this.addSql(`alter table "co_building"."unit" drop column "party_organization_id";`);

    this.addSql(`alter table "co_building"."pairing" drop column "agreement", drop column "instructor_name", drop column "status";`);
  }

}
