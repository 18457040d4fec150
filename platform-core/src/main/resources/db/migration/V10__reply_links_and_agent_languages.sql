-- Secrets every node must share (the key reply links are signed with), generated once: the first node to start
-- inserts it, the others read the same row.
create table platform_secret (
    name       varchar(64) primary key,
    secret     text        not null,
    created_at timestamptz not null default now()
);

-- The languages an agent answers in (lower-case tags, like ["en", "fr"]); empty: requests in any language.
alter table agent add column languages jsonb not null default '[]';
