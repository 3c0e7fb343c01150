import { Migration } from '@mikro-orm/migrations';

export class Migration20261123111847 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "party_building";`);
    this.addSql(`create table "party_building"."organization_change" ("id" uuid not null, "organization_id" uuid not null, "kind" text check ("kind" in ('CREATED', 'UPDATED', 'MOVED', 'SPLIT', 'DISSOLVED')) not null, "parent_before_id" uuid null, "parent_after_id" uuid null, "coverage_before" text[] not null, "coverage_after" text[] not null, "related_organization_ids" text[] not null, "changed_fields" text[] not null, "note" text null, "actor" varchar(100) not null, "occurred_at" timestamptz not null, constraint "organization_change_pkey" primary key ("id"));`);
    this.addSql(`create index "organization_change_organization_id_index" on "party_building"."organization_change" ("organization_id");`);

    this.addSql(`create table "party_building"."party_organization" ("id" uuid not null, "name" varchar(100) not null, "level" text check ("level" in ('STREET_WORKING_COMMITTEE', 'COMMUNITY_COMMITTEE', 'GRID_BRANCH', 'BUILDING_GROUP', 'CENTRAL_HOUSEHOLD')) not null, "status" text check ("status" in ('ACTIVE', 'DISSOLVED')) not null default 'ACTIVE', "parent_id" uuid null, "street_id" uuid null, "community_id" uuid null, "grid_ids" text[] not null default '{}', "building_ids" text[] not null default '{}', "household_id" uuid null, "created_at" timestamptz not null default now(), "dissolved_at" timestamptz null, constraint "party_organization_pkey" primary key ("id"));`);
    this.addSql(`create index "party_organization_level_index" on "party_building"."party_organization" ("level");`);
    this.addSql(`create index "party_organization_parent_id_index" on "party_building"."party_organization" ("parent_id");`);
    this.addSql(`create index "party_organization_street_id_index" on "party_building"."party_organization" ("street_id");`);
    this.addSql(`create index "party_organization_community_id_index" on "party_building"."party_organization" ("community_id");`);
    this.addSql(`create index "party_organization_household_id_index" on "party_building"."party_organization" ("household_id");`);
    this.addSql(`create index "party_organization_grid_ids_index" on "party_building"."party_organization" using gin ("grid_ids");`);
    this.addSql(`create index "party_organization_building_ids_index" on "party_building"."party_organization" using gin ("building_ids");`);

    this.addSql(`create table "party_building"."party_member" ("id" uuid not null, "name" varchar(50) not null, "kind" text check ("kind" in ('RESIDENT', 'IN_SERVICE', 'RETIRED', 'FLOATING')) not null, "organization_id" uuid not null, "resident_id" uuid null, "home_grid_id" uuid null, "work_unit_name" varchar(100) null, "shows_identity_publicly" boolean not null default false, "joined_on" date null, "id_number" varchar(18) null, "phone" varchar(11) null, "created_at" timestamptz not null, constraint "party_member_pkey" primary key ("id"));`);
    this.addSql(`create index "party_member_kind_index" on "party_building"."party_member" ("kind");`);
    this.addSql(`create index "party_member_organization_id_index" on "party_building"."party_member" ("organization_id");`);
    this.addSql(`alter table "party_building"."party_member" add constraint "party_member_resident_id_unique" unique ("resident_id");`);
    this.addSql(`create index "party_member_home_grid_id_index" on "party_building"."party_member" ("home_grid_id");`);
    this.addSql(`create index "party_member_shows_identity_publicly_index" on "party_building"."party_member" ("shows_identity_publicly");`);

    this.addSql(`create table "party_building"."membership_period" ("id" uuid not null, "member_id" uuid not null, "organization_id" uuid not null, "since" timestamptz not null, "until" timestamptz null, "note" text null, constraint "membership_period_pkey" primary key ("id"));`);
    this.addSql(`create index "membership_period_member_id_index" on "party_building"."membership_period" ("member_id");`);
    this.addSql(`create index "membership_period_organization_id_index" on "party_building"."membership_period" ("organization_id");`);

    this.addSql(`create table "party_building"."committee_seat" ("id" uuid not null, "committee_id" uuid not null, "person_name" varchar(50) not null, "unit_name" varchar(100) not null, "unit_kind" text check ("unit_kind" in ('UNIT', 'PROPERTY_COMPANY')) not null, "role" text check ("role" in ('DEPUTY_SECRETARY', 'COMMITTEE_MEMBER')) not null, "term_start" date not null, "term_end" date not null, "ended_on" date null, "created_at" timestamptz not null, constraint "committee_seat_pkey" primary key ("id"));`);
    this.addSql(`create index "committee_seat_committee_id_index" on "party_building"."committee_seat" ("committee_id");`);

    this.addSql(`create table "party_building"."party_role" ("id" uuid not null, "member_id" uuid not null, "organization_id" uuid not null, "role" text check ("role" in ('SECRETARY', 'DEPUTY_SECRETARY', 'COMMITTEE_MEMBER')) not null, "term_start" date not null, "term_end" date null, "ended_on" date null, "created_at" timestamptz not null, constraint "party_role_pkey" primary key ("id"));`);
    this.addSql(`create index "party_role_member_id_index" on "party_building"."party_role" ("member_id");`);
    this.addSql(`create index "party_role_organization_id_index" on "party_building"."party_role" ("organization_id");`);

    this.addSql(`alter table "party_building"."party_organization" add constraint "party_organization_parent_id_foreign" foreign key ("parent_id") references "party_building"."party_organization" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "party_building"."party_member" add constraint "party_member_organization_id_foreign" foreign key ("organization_id") references "party_building"."party_organization" ("id") on update cascade;`);

    this.addSql(`alter table "party_building"."membership_period" add constraint "membership_period_member_id_foreign" foreign key ("member_id") references "party_building"."party_member" ("id") on update cascade;`);
    this.addSql(`alter table "party_building"."membership_period" add constraint "membership_period_organization_id_foreign" foreign key ("organization_id") references "party_building"."party_organization" ("id") on update cascade;`);

    this.addSql(`alter table "party_building"."committee_seat" add constraint "committee_seat_committee_id_foreign" foreign key ("committee_id") references "party_building"."party_organization" ("id") on update cascade;`);

    this.addSql(`alter table "party_building"."party_role" add constraint "party_role_member_id_foreign" foreign key ("member_id") references "party_building"."party_member" ("id") on update cascade;`);
    this.addSql(`alter table "party_building"."party_role" add constraint "party_role_organization_id_foreign" foreign key ("organization_id") references "party_building"."party_organization" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "party_building"."party_organization" drop constraint "party_organization_parent_id_foreign";`);

    this.addSql(`alter table "party_building"."party_member" drop constraint "party_member_organization_id_foreign";`);

    this.addSql(`alter table "party_building"."membership_period" drop constraint "membership_period_organization_id_foreign";`);

    this.addSql(`alter table "party_building"."committee_seat" drop constraint "committee_seat_committee_id_foreign";`);

    this.addSql(`alter table "party_building"."party_role" drop constraint "party_role_organization_id_foreign";`);

    this.addSql(`alter table "party_building"."membership_period" drop constraint "membership_period_member_id_foreign";`);

    this.addSql(`alter table "party_building"."party_role" drop constraint "party_role_member_id_foreign";`);

    this.addSql(`drop table if exists "party_building"."organization_change" cascade;`);

    this.addSql(`drop table if exists "party_building"."party_organization" cascade;`);

    this.addSql(`drop table if exists "party_building"."party_member" cascade;`);

    this.addSql(`drop table if exists "party_building"."membership_period" cascade;`);

    this.addSql(`drop table if exists "party_building"."committee_seat" cascade;`);

    this.addSql(`drop table if exists "party_building"."party_role" cascade;`);

    this.addSql(`drop schema if exists "party_building";`);
  }

}
