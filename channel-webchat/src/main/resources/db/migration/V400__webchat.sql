-- The web chat's own state: the browsers it knows (by a hash of the token each keeps) and every message shown in
-- their conversations, numbered per browser so a reconnecting page resumes after the last one it saw.
create table webchat_visitor (
    id          uuid primary key,
    token_hash  bytea not null unique,
    address     text not null unique,
    phone       text,
    last_seq    bigint not null default 0,
    created_at  timestamptz not null
);

create table webchat_message (
    id              uuid primary key,
    visitor_id      uuid not null references webchat_visitor (id) on delete cascade,
    seq             bigint not null,
    request_id      uuid,
    kind            text not null,
    text            text,
    audio_type      text,
    client_id       text,
    delivery_id     uuid unique,
    by_name         text,
    at              timestamptz not null,
    acknowledged_at timestamptz,
    confirmed       boolean not null default false,
    sms_sent_at     timestamptz,
    unique (visitor_id, seq),
    unique (visitor_id, client_id)
);

create index webchat_message_request on webchat_message (request_id);
create index webchat_message_unconfirmed on webchat_message (at) where delivery_id is not null and not confirmed;
-- One transcript and one end-of-chat notice per request, however many nodes hear the event that makes them.
create unique index webchat_message_once on webchat_message (request_id, kind) where kind in ('transcript', 'ended');
