-- The intake journal is a queue: every entry is written, taken moments later and left behind as a dead row version.
-- The drain's claim walks its partial index of untaken entries from the oldest; until a vacuum clears the versions
-- taken since the last one, every claim steps over them, and a claim's cost grows with the traffic since then
-- (measured by the intake benchmark: 0.4 to 1.2 ms a claim at 650 texts/s). Vacuum it after every thousand changes,
-- whatever its size, and without the throttle meant for large tables.
alter table intake_entry set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000,
                              autovacuum_vacuum_cost_delay = 0, autovacuum_analyze_scale_factor = 0,
                              autovacuum_analyze_threshold = 5000);
