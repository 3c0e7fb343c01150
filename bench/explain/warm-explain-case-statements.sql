-- Included twice by case-indexes-20261204.sql (with the indexes, then without them): each
-- statement once unexplained, so it reads from a warm cache, then explained. :side names the pass.
\echo -- :side street page
:street_page \g /dev/null
explain (analyze, buffers, costs off) :street_page;
\echo -- :side department page
:department_page \g /dev/null
explain (analyze, buffers, costs off) :department_page;
\echo -- :side indicators by street
:indicators \g /dev/null
explain (analyze, buffers, costs off) :indicators;
