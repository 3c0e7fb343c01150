import { Migration } from '@mikro-orm/migrations';

export class Migration20261123110155 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "party_building";`);
    this.addSql(`create table "party_building"."party_organization" ("id" uuid not null, "name" varchar(100) not null, "level" text check ("level" in ('STREET_WORKING_COMMITTEE', 'COMMUNITY_COMMITTEE', 'GRID_BRANCH', 'BUILDING_GROUP', 'CENTRAL_HOUSEHOLD')) not null, "parent_id" uuid null, "street_id" uuid null, "community_id" uuid null, "grid_ids" text[] not null, "created_at" timestamptz not null, constraint "party_organization_pkey" primary key ("id"));`);
    this.addSql(`create index "party_organization_parent_id_index" on "party_building"."party_organization" ("parent_id");`);
    this.addSql(`create index "party_organization_community_id_index" on "party_building"."party_organization" ("community_id");`);
    this.addSql(`create index "party_organization_grid_ids_index" on "party_building"."party_organization" using gin ("grid_ids");`);

    this.addSql(`alter table "party_building"."party_organization" add constraint "party_organization_parent_id_foreign" foreign key ("parent_id") references "party_building"."party_organization" ("id") on update cascade on delete set null;`);
  }

}
