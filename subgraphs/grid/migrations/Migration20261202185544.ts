import { Migration } from '@mikro-orm/migrations';

/** The triggers that keep a resident's grid: what fires them, how, and the function each runs. */
const TRIGGERS = [
  { name: 'resident_grid', table: 'resident', timing: 'before insert or update of household_id, grid_id', each: 'for each row', fn: 'resident_grid_from_household' },
  { name: 'household_resident_grid_update', table: 'household', timing: 'after update', each: 'referencing old table as old_households new table as new_households for each statement', fn: 'households_moved_residents' },
  { name: 'building_resident_grid_update', table: 'building', timing: 'after update', each: 'referencing old table as old_buildings new table as new_buildings for each statement', fn: 'buildings_moved_residents' },
];

export class Migration20261202185544 extends Migration {

  /**
   * Each resident carries the grid of their building (`grid_id`), so that lists and territory
   * checks by grid read one indexed column instead of joining resident → household → building.
   * The database keeps it, in the transaction of the write:
   * - a resident added or moved to another household takes the grid of that household's building
   *   (a value written to the column directly is replaced the same way);
   * - a household moved to another building, or a building moved to another grid, updates its
   *   residents.
   * Adding a resident locks its household and building against change (`for share`) until the
   * transaction ends: a concurrent move then waits for it and updates the new resident too, or
   * the resident, having waited for the move, reads the building's new grid.
   */
  override async up(): Promise<void> {
    this.addSql(`alter table "grid"."resident" add column "grid_id" uuid;`);
    this.addSql(`update "grid"."resident" r set grid_id = b.grid_id
      from "grid"."household" h join "grid"."building" b on b.id = h.building_id where h.id = r.household_id;`);
    this.addSql(`alter table "grid"."resident" alter column "grid_id" set not null;`);
    this.addSql(`create index "resident_grid_id_id_index" on "grid"."resident" ("grid_id", "id") include ("care_tags");`);

    this.addSql(`create function "grid"."resident_grid_from_household"() returns trigger language plpgsql as $$
      begin
        select b.grid_id into new.grid_id from "grid"."household" h join "grid"."building" b on b.id = h.building_id
          where h.id = new.household_id for share;
        if not found then
          raise exception 'household % does not exist', new.household_id using errcode = 'foreign_key_violation';
        end if;
        return new;
      end $$;`);
    this.addSql(`create function "grid"."households_moved_residents"() returns trigger language plpgsql as $$
      begin
        update "grid"."resident" r set grid_id = b.grid_id
          from new_households n join old_households o on o.id = n.id join "grid"."building" b on b.id = n.building_id
          where o.building_id <> n.building_id and r.household_id = n.id;
        return null;
      end $$;`);
    this.addSql(`create function "grid"."buildings_moved_residents"() returns trigger language plpgsql as $$
      begin
        update "grid"."resident" r set grid_id = n.grid_id
          from new_buildings n join old_buildings o on o.id = n.id join "grid"."household" h on h.building_id = n.id
          where o.grid_id <> n.grid_id and r.household_id = h.id;
        return null;
      end $$;`);
    for (const trigger of TRIGGERS) {
      this.addSql(`create trigger "${trigger.name}" ${trigger.timing} on "grid"."${trigger.table}"
        ${trigger.each} execute function "grid"."${trigger.fn}"();`);
    }
  }

  override async down(): Promise<void> {
    for (const trigger of TRIGGERS) this.addSql(`drop trigger "${trigger.name}" on "grid"."${trigger.table}";`);
    this.addSql(`drop function "grid"."resident_grid_from_household"(), "grid"."households_moved_residents"(), "grid"."buildings_moved_residents"();`);
    this.addSql(`drop index "grid"."resident_grid_id_id_index";`);
    this.addSql(`alter table "grid"."resident" drop column "grid_id";`);
  }

}
