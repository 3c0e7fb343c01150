import { Migration } from '@mikro-orm/migrations';

/** The statement-level triggers that keep the counts: what fires them and the transition tables they read. */
const TRIGGERS = [
  { name: 'household_count_insert', table: 'household', event: 'insert', transition: 'new table as new_households', fn: 'households_inserted' },
  { name: 'household_count_delete', table: 'household', event: 'delete', transition: 'old table as old_households', fn: 'households_deleted' },
  { name: 'household_count_update', table: 'household', event: 'update', transition: 'old table as old_households new table as new_households', fn: 'households_updated' },
  { name: 'building_household_count_insert', table: 'building', event: 'insert', transition: 'new table as new_buildings', fn: 'buildings_inserted' },
  { name: 'building_household_count_delete', table: 'building', event: 'delete', transition: 'old table as old_buildings', fn: 'buildings_deleted' },
  { name: 'building_household_count_update', table: 'building', event: 'update', transition: 'old table as old_buildings new table as new_buildings', fn: 'buildings_moved' },
];

export class Migration20261202154451 extends Migration {

  /**
   * Household counts kept on the building and the grid by statement-level triggers, in the
   * transaction that adds, removes or moves households or buildings, so a count can never disagree
   * with the committed rows. Counts change by deltas (`n = n + d`), which stay right when two
   * transactions change one grid at once: the second waits for the first's row and adds to its value.
   * A household's delta reaches the grid through the building row it updates (`returning grid_id`
   * gives the building's grid as of that update), so a building moved by a concurrent transaction
   * takes its households' counts with it.
   */
  override async up(): Promise<void> {
    this.addSql(`alter table "grid"."grid" add column "household_count" int not null default 0;`);

    this.addSql(`alter table "grid"."building" add column "household_count" int not null default 0;`);

    this.addSql(`create function "grid"."add_household_counts"(building_ids uuid[], deltas int[]) returns void language sql as $$
      with per_building as (
        select building_id, sum(delta)::int as n from unnest(building_ids, deltas) as c(building_id, delta)
        group by building_id having sum(delta) <> 0
      ), counted as (
        update "grid"."building" b set household_count = b.household_count + p.n
        from per_building p where b.id = p.building_id
        returning b.grid_id, p.n
      )
      update "grid"."grid" g set household_count = g.household_count + x.n
      from (select grid_id, sum(n)::int as n from counted group by grid_id) x
      where g.id = x.grid_id
    $$;`);
    this.addSql(`create function "grid"."households_inserted"() returns trigger language plpgsql as $$
      begin
        perform "grid"."add_household_counts"(array(select building_id from new_households), array(select 1 from new_households));
        return null;
      end $$;`);
    this.addSql(`create function "grid"."households_deleted"() returns trigger language plpgsql as $$
      begin
        perform "grid"."add_household_counts"(array(select building_id from old_households), array(select -1 from old_households));
        return null;
      end $$;`);
    // A household that changes building (not something the service does) counts -1 and +1.
    this.addSql(`create function "grid"."households_updated"() returns trigger language plpgsql as $$
      begin
        perform "grid"."add_household_counts"(c.ids, c.deltas)
        from (select array_agg(building_id) as ids, array_agg(delta) as deltas
              from (select n.building_id, 1 as delta from new_households n join old_households o on o.id = n.id where o.building_id <> n.building_id
                    union all
                    select o.building_id, -1 from new_households n join old_households o on o.id = n.id where o.building_id <> n.building_id) moved) c
        where c.ids is not null;
        return null;
      end $$;`);
    // A building that changes grid takes its count from the old grid to the new one; a building
    // added or removed with households counted (not something the service does) adds or removes them.
    this.addSql(`create function "grid"."add_building_counts"(grid_ids uuid[], deltas int[]) returns void language sql as $$
      update "grid"."grid" g set household_count = g.household_count + x.n
      from (select grid_id, sum(delta)::int as n from unnest(grid_ids, deltas) as c(grid_id, delta) group by grid_id having sum(delta) <> 0) x
      where g.id = x.grid_id
    $$;`);
    this.addSql(`create function "grid"."buildings_moved"() returns trigger language plpgsql as $$
      begin
        perform "grid"."add_building_counts"(c.ids, c.deltas)
        from (select array_agg(grid_id) as ids, array_agg(delta) as deltas
              from (select n.grid_id, n.household_count as delta from new_buildings n join old_buildings o on o.id = n.id where o.grid_id <> n.grid_id
                    union all
                    select o.grid_id, -o.household_count from new_buildings n join old_buildings o on o.id = n.id where o.grid_id <> n.grid_id) moved) c
        where c.ids is not null;
        return null;
      end $$;`);
    this.addSql(`create function "grid"."buildings_inserted"() returns trigger language plpgsql as $$
      begin
        perform "grid"."add_building_counts"(array(select grid_id from new_buildings), array(select household_count from new_buildings));
        return null;
      end $$;`);
    this.addSql(`create function "grid"."buildings_deleted"() returns trigger language plpgsql as $$
      begin
        perform "grid"."add_building_counts"(array(select grid_id from old_buildings), array(select -household_count from old_buildings));
        return null;
      end $$;`);

    for (const trigger of TRIGGERS) {
      this.addSql(`create trigger "${trigger.name}" after ${trigger.event} on "grid"."${trigger.table}"
        referencing ${trigger.transition} for each statement execute function "grid"."${trigger.fn}"();`);
    }

    // The households already there.
    this.addSql(`update "grid"."building" b set household_count = c.n
      from (select building_id, count(*)::int as n from "grid"."household" group by building_id) c where b.id = c.building_id;`);
    this.addSql(`update "grid"."grid" g set household_count = c.n
      from (select grid_id, sum(household_count)::int as n from "grid"."building" group by grid_id) c where g.id = c.grid_id;`);
  }

  override async down(): Promise<void> {
    for (const trigger of TRIGGERS) this.addSql(`drop trigger "${trigger.name}" on "grid"."${trigger.table}";`);
    this.addSql(`drop function "grid"."households_inserted"(), "grid"."households_deleted"(), "grid"."households_updated"(),
      "grid"."buildings_moved"(), "grid"."buildings_inserted"(), "grid"."buildings_deleted"();`);
    this.addSql(`drop function "grid"."add_household_counts"(uuid[], int[]), "grid"."add_building_counts"(uuid[], int[]);`);

    this.addSql(`alter table "grid"."grid" drop column "household_count";`);

    this.addSql(`alter table "grid"."building" drop column "household_count";`);
  }

}
