-- A customer's entries are looked up by their identity on a full index, never through the predicate "not taken".
-- Partial indexes on "taken_at is null" are costed from how many entries were untaken at the last analyze, nearly
-- always none because the drain keeps up; when a backlog builds (a peak, nodes down), the planner then walked the
-- whole backlog through the untaken-by-seq index for every webhook (13.6 ms a text with 30,000 waiting, against
-- 0.2 ms). On a full index the choice rests on how many entries one customer has, which does not swing.
create index intake_entry_by_identity on intake_entry (identity, seq);
drop index intake_entry_untaken_identity;
