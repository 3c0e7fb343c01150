import { Migration } from '@mikro-orm/migrations';

export class Migration20261123110159 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "services";`);
    this.addSql(`create table "services"."service_item" ("id" uuid not null, "code" varchar(32) not null, "name" varchar(200) not null, "category" varchar(50) not null, "department" varchar(100) not null, "level" text check ("level" in ('GRID', 'COMMUNITY', 'STREET', 'DEPARTMENT')) not null, "time_limit_hours" int not null, "home_service" boolean not null default false, "lists" text[] not null, "created_at" timestamptz not null, constraint "service_item_pkey" primary key ("id"));`);
    this.addSql(`alter table "services"."service_item" add constraint "service_item_code_unique" unique ("code");`);
  }

}
