import { Migration } from '@mikro-orm/migrations';

export class Migration20261123165001 extends Migration {

  /**
   * Monthly indicator figures per grid, kept by statement-level triggers on service_case: every
   * insert, update and delete adds the changed cases' figures (new rows counted +1, old rows -1)
   * in the same transaction, so the figures can never disagree with the committed cases. A bulk
   * insert of a thousand cases is one grouped upsert, not a thousand.
   */
  override async up(): Promise<void> {
    this.addSql(`create table "services"."case_indicator_month" ("grid_id" uuid not null, "community_id" uuid not null, "street_id" uuid not null, "month" date not null, "received" int not null, "accepted" int not null, "closed" int not null, "closed_on_time" int not null, "reworked" int not null, "rated" int not null, "satisfied" int not null, "handled" int not null, "handling_seconds" double precision not null, constraint "case_indicator_month_pkey" primary key ("grid_id", "community_id", "street_id", "month"));`);
    this.addSql(`create index "case_indicator_month_community_id_month_index" on "services"."case_indicator_month" ("community_id", "month");`);
    this.addSql(`create index "case_indicator_month_street_id_month_index" on "services"."case_indicator_month" ("street_id", "month");`);

    this.addSql(`create index "service_case_open_deadline_index" on "services"."service_case" ("grid_id", "deadline") include ("community_id", "street_id", "reported_at") where "state" in ('ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'RETURNED');`);

    // One case's figures, times sign: the same definitions as the live count in queries/case-indicators.ts.
    this.addSql(`create function "services"."case_figures"(c "services"."service_case", sign int) returns "services"."case_indicator_month"
      language sql stable as $$
        select c.grid_id, c.community_id, c.street_id, date_trunc('month', c.reported_at at time zone 'Asia/Shanghai')::date,
          sign,
          sign * (c.accepted_at is not null)::int,
          sign * (c.state = 'CLOSED')::int,
          sign * coalesce(c.state = 'CLOSED' and c.resolved_at <= c.deadline, false)::int,
          sign * (c.reopen_count > 0)::int,
          sign * (c.satisfaction is not null)::int,
          sign * coalesce(c.satisfaction in ('SATISFIED', 'BASIC'), false)::int,
          sign * (c.state = 'CLOSED' and c.closed_at is not null)::int,
          sign * coalesce(case when c.state = 'CLOSED' then extract(epoch from c.closed_at - c.reported_at) end, 0)::double precision
      $$;`);
    // Added in key order, so two transactions never lock the same months in opposite orders.
    this.addSql(`create function "services"."add_case_figures"(figures "services"."case_indicator_month"[]) returns void
      language sql as $$
        insert into "services"."case_indicator_month" as m
        select grid_id, community_id, street_id, month, sum(received), sum(accepted), sum(closed), sum(closed_on_time), sum(reworked),
               sum(rated), sum(satisfied), sum(handled), sum(handling_seconds)
        from unnest(figures)
        group by grid_id, community_id, street_id, month
        having (sum(received), sum(accepted), sum(closed), sum(closed_on_time), sum(reworked), sum(rated), sum(satisfied), sum(handled), sum(handling_seconds))
          <> (0, 0, 0, 0, 0, 0, 0, 0, 0)
        order by grid_id, community_id, street_id, month
        on conflict (grid_id, community_id, street_id, month) do update set
          received = m.received + excluded.received, accepted = m.accepted + excluded.accepted, closed = m.closed + excluded.closed,
          closed_on_time = m.closed_on_time + excluded.closed_on_time, reworked = m.reworked + excluded.reworked,
          rated = m.rated + excluded.rated, satisfied = m.satisfied + excluded.satisfied, handled = m.handled + excluded.handled,
          handling_seconds = m.handling_seconds + excluded.handling_seconds
      $$;`);
    this.addSql(`create function "services"."case_figures_inserted"() returns trigger language plpgsql as $$
      begin
        perform "services"."add_case_figures"(array(select "services"."case_figures"(n, 1) from new_cases n));
        return null;
      end $$;`);
    this.addSql(`create function "services"."case_figures_updated"() returns trigger language plpgsql as $$
      begin
        perform "services"."add_case_figures"(array(
          select "services"."case_figures"(n, 1) from new_cases n union all select "services"."case_figures"(o, -1) from old_cases o));
        return null;
      end $$;`);
    this.addSql(`create function "services"."case_figures_deleted"() returns trigger language plpgsql as $$
      begin
        perform "services"."add_case_figures"(array(select "services"."case_figures"(o, -1) from old_cases o));
        return null;
      end $$;`);
    this.addSql(`create trigger "case_indicator_month_insert" after insert on "services"."service_case"
      referencing new table as new_cases for each statement execute function "services"."case_figures_inserted"();`);
    this.addSql(`create trigger "case_indicator_month_update" after update on "services"."service_case"
      referencing old table as old_cases new table as new_cases for each statement execute function "services"."case_figures_updated"();`);
    this.addSql(`create trigger "case_indicator_month_delete" after delete on "services"."service_case"
      referencing old table as old_cases for each statement execute function "services"."case_figures_deleted"();`);

    // The cases already there.
    this.addSql(`select "services"."add_case_figures"(array(select "services"."case_figures"(c, 1) from "services"."service_case" c));`);
    this.addSql(`analyze "services"."case_indicator_month";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger "case_indicator_month_insert" on "services"."service_case";`);
    this.addSql(`drop trigger "case_indicator_month_update" on "services"."service_case";`);
    this.addSql(`drop trigger "case_indicator_month_delete" on "services"."service_case";`);
    this.addSql(`drop function "services"."case_figures_inserted"(), "services"."case_figures_updated"(), "services"."case_figures_deleted"();`);
    this.addSql(`drop function "services"."add_case_figures"("services"."case_indicator_month"[]);`);
    this.addSql(`drop function "services"."case_figures"("services"."service_case", int);`);
    this.addSql(`drop table if exists "services"."case_indicator_month" cascade;`);

    this.addSql(`drop index "services"."service_case_open_deadline_index";`);
  }

}
