-- What the indexes of the services migrations 20261204052012 and 20261204140000 change, statement
-- by statement: the benchmark's statements (as the services subgraph sends them, with one street's
-- values) are explained with the indexes, then again in a transaction that drops them, puts back
-- the department index they replaced, and rolls back. Each statement runs once unexplained first,
-- so both sides read from a warm cache. Dropping an index locks its table: run it on a generated
-- district or city that nothing else uses.
--   psql postgresql://postgres@127.0.0.1:5432/hub_district -f bench/explain/case-indexes-20261204.sql \
--     | grep -E '^--|Scan|Execution Time'
\set ON_ERROR_STOP on
\pset pager off

-- The first street with the grids of its communities (a street staff's territory), the
-- department with most cases, and the month before the latest case (the analyst's month).
select s.id as street,
       (select array_agg(g.id order by g.id)::text from grid.grid g join grid.community c on c.id = g.community_id where c.street_id = s.id) as grids
  from grid.street s order by s.id limit 1 \gset
select department from services.service_case group by department order by count(*) desc limit 1 \gset
select to_char(m, 'YYYY-MM-DD') as month_from, to_char(m + interval '1 month', 'YYYY-MM-DD') as month_to,
       to_char(m + interval '1 month' - interval '1 day', 'YYYY-MM-DD') as month_last
  from (select date_trunc('month', max(reported_at) - interval '1 month') as m from services.service_case) x \gset

-- A street's dispatched cases, 20 to a page, with their count (case-list-page).
\set street_page 'select "id", "state", "reported_at", (select count(*) from services.service_case where "grid_id" = any(:''grids''::uuid[]) and "street_id" = :''street'' and "state" = ''DISPATCHED'') as "page_total" from services.service_case where "grid_id" = any(:''grids''::uuid[]) and "street_id" = :''street'' and "state" = ''DISPATCHED'' order by "id" limit 21'
-- A department's dispatched cases, 20 to a page, with their count (a department's list).
\set department_page 'select "id", "state", "reported_at", (select count(*) from services.service_case where "department" = :''department'' and "state" = ''DISPATCHED'') as "page_total" from services.service_case where "department" = :''department'' and "state" = ''DISPATCHED'' order by "id" limit 21'
-- The district's indicators by street for one month (analyst-indicators): that month's figures and its open cases past their deadline.
\set indicators 'select key, sum("received")::int as received, sum(overdue_now)::int as overdue_now from ((select "street_id"::text as key, "received", 0 as overdue_now from services.case_indicator_month where "month" >= :''month_from'' and "month" < :''month_to'') union all (select "street_id"::text as key, 0 as received, count(*) as overdue_now from services.service_case where "state" in (''ACCEPTED'', ''DISPATCHED'', ''IN_PROGRESS'', ''RETURNED'') and "deadline" < now() and reported_at >= (:''month_from''::date)::timestamp at time zone ''Asia/Shanghai'' and reported_at < (:''month_last''::date + 1)::timestamp at time zone ''Asia/Shanghai'' group by "street_id")) as figures group by key having sum(received) > 0 order by key'

\set side 'with the indexes:'
\ir warm-explain-case-statements.sql

begin;
drop index services.case_indicator_month_month_index, services.service_case_open_reported_at_index,
  services.service_case_department_state_id_index, services.service_case_grid_id_state_id_index,
  services.service_case_community_id_state_id_index, services.service_case_street_id_state_id_index;
create index service_case_department_index on services.service_case ("department");
\set side 'without them:'
\ir warm-explain-case-statements.sql
rollback;
