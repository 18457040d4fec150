-- Secrets every node must share (the key reply links are signed with), generated once: the first node to start
-- inserts it, the others read the same row. Tests do not truncate it: a node caches its key, and a key deleted under
-- it would leave other nodes (or the next restart) signing with another.
create table platform_secret (
    name       varchar(64) primary key,
    secret     text        not null,
    created_at timestamptz not null default now()
);

-- The languages an agent answers in (lower-case tags, like ["en", "fr"]); empty: requests in any language.
alter table agent add column languages jsonb not null default '[]';
