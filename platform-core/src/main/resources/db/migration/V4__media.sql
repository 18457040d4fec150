-- Media: recordings and voice replies, in the database every node shares, with the type detected from their
-- bytes. The platform's upload limit (20 MiB) keeps each row well within what bytea holds.

create table media (
    key        text primary key,
    media_type text        not null,
    size       bigint      not null,
    bytes      bytea       not null,
    sha256     text        not null,
    created_at timestamptz not null
);

-- Stored out of line and uncompressed, so substring() for a range request reads only the chunks it needs
-- (audio hardly compresses anyway).
alter table media alter column bytes set storage external;
