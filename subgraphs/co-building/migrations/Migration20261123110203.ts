import { Migration } from '@mikro-orm/migrations';

export class Migration20261123110203 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "co_building";`);
    this.addSql(`create table "co_building"."unit" ("id" uuid not null, "code" varchar(32) not null, "name" varchar(200) not null, "kind" text check ("kind" in ('PARTY_GOV_ORGAN', 'PUBLIC_INSTITUTION', 'SOE', 'FINANCIAL', 'SCHOOL', 'HOSPITAL', 'NON_PUBLIC_ENTERPRISE', 'SOCIAL_ORGANIZATION')) not null, "created_at" timestamptz not null, constraint "unit_pkey" primary key ("id"));`);
    this.addSql(`alter table "co_building"."unit" add constraint "unit_code_unique" unique ("code");`);

    this.addSql(`create table "co_building"."pairing" ("id" uuid not null, "unit_id" uuid not null, "community_id" uuid not null, "started_on" date not null, "ended_on" date null, constraint "pairing_pkey" primary key ("id"));`);
    this.addSql(`create index "pairing_unit_id_index" on "co_building"."pairing" ("unit_id");`);
    this.addSql(`create index "pairing_community_id_index" on "co_building"."pairing" ("community_id");`);

    this.addSql(`alter table "co_building"."pairing" add constraint "pairing_unit_id_foreign" foreign key ("unit_id") references "co_building"."unit" ("id") on update cascade;`);
  }

}
