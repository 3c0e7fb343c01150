import { Migration } from '@mikro-orm/migrations';
import { truncateRefusalSql } from '../../../lib/audit/append-only';

/**
 * Personal data access records cannot be emptied either: the row trigger refuses UPDATE and DELETE, but TRUNCATE
 * fires no row trigger. A statement trigger refuses it, for the owner too; a runtime role is not
 * granted TRUNCATE at all (docs/database-roles.md).
 */
export class Migration20261205100000 extends Migration {

  override async up(): Promise<void> {
    for (const sql of truncateRefusalSql('grid', 'personal_data_access', 'refuse_access_record_change')) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "personal_data_access_no_truncate" on "grid"."personal_data_access";`);
  }

}
