import { Migration } from '@mikro-orm/migrations';
import { appendOnlyTriggerSql } from '../../../lib/audit/personal-data-access';

/** Personal data access records, append-only. */
export class Migration20261123131552 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "grid"."personal_data_access" ("id" uuid not null, "at" timestamptz not null, "actor" varchar(200) not null, "role" varchar(40) not null, "purpose" text null, "record_type" varchar(40) not null, "record_id" uuid not null, "field" varchar(40) not null, "operation" varchar(200) null, "outcome" varchar(10) not null, "reason" text null, constraint "personal_data_access_pkey" primary key ("id"));`);
    this.addSql(`create index "personal_data_access_actor_at_index" on "grid"."personal_data_access" ("actor", "at");`);
    this.addSql(`create index "personal_data_access_record_id_at_index" on "grid"."personal_data_access" ("record_id", "at");`);
    for (const sql of appendOnlyTriggerSql('grid')) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "grid"."personal_data_access" cascade;`);
    this.addSql(`drop function if exists "grid"."refuse_access_record_change"();`);
  }

}
