-- Intake rate limits (dev.nohold.core.channel.limits): one counter per key and fixed window, shared by every node.
-- A key is a customer's address on a channel ("address:sms:+15551230001") or a client ("client:webhook:10.0.0.7").
-- Each check is one upsert that returns the new count. Unlogged: a counter is worth no WAL and no wait for the disk
-- at commit (a crash of PostgreSQL forgets the current windows, which only lets a flooder start afresh).
create unlogged table intake_limit_window (
    limit_key    varchar(300) not null,
    window_start timestamptz  not null,
    hits         integer      not null,
    primary key (limit_key, window_start)
);
