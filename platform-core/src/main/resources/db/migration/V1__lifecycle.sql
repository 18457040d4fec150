-- The deferred-request lifecycle: agents, requests with their timeline, replies and the delivery outbox.

create table agent (
    id                uuid primary key,
    username          varchar(100) not null unique,
    password_hash     varchar(100) not null,
    display_name      varchar(200) not null,
    phone             varchar(40),
    skills            jsonb        not null default '[]',
    roles             varchar(200) not null,
    capacity          integer      not null default 1 check (capacity > 0),
    open_assignments  integer      not null default 0 check (open_assignments >= 0),
    presence          varchar(20)  not null default 'OFFLINE',
    presence_since    timestamptz  not null,
    idle_since        timestamptz  not null,
    created_at        timestamptz  not null
);

create index agent_idle on agent (idle_since, id) where presence = 'AVAILABLE';

create table customer_request (
    id                  uuid primary key,
    reference           varchar(16)  not null unique,
    channel             varchar(40)  not null,
    customer_address    varchar(320) not null,
    status              varchar(20)  not null,
    text                text,
    audio_key           varchar(200),
    audio_type          varchar(100),
    language            varchar(20),
    required_skill      varchar(100),
    priority            integer      not null default 0,
    requeued            boolean      not null default false,
    provider_message_id varchar(200),
    fingerprint         varchar(64),
    intake_status       varchar(20)  not null,
    attributes          jsonb        not null default '{}',
    assigned_agent_id   uuid references agent (id),
    created_at          timestamptz  not null,
    queued_at           timestamptz,
    assigned_at         timestamptz,
    updated_at          timestamptz  not null,
    version             bigint       not null default 0,
    constraint request_once_per_provider_message unique (channel, provider_message_id)
);

-- The dispatcher's line: requeued first, then by priority, then the longest waiting.
create index request_line on customer_request (requeued desc, priority desc, queued_at, id) where status = 'QUEUED';
create index request_by_agent on customer_request (assigned_agent_id, status);
create index request_newest on customer_request (created_at desc, id);
create index request_status on customer_request (status);

create table request_event (
    id          bigint generated always as identity primary key,
    request_id  uuid         not null references customer_request (id),
    at          timestamptz  not null,
    type        varchar(40)  not null,
    detail      text
);

create index request_event_timeline on request_event (request_id, at, id);

create table reply (
    id          uuid primary key,
    request_id  uuid         not null references customer_request (id),
    agent_id    uuid         not null references agent (id),
    text        text,
    audio_key   varchar(200),
    audio_type  varchar(100),
    at          timestamptz  not null
);

create index reply_by_request on reply (request_id, at);
create index reply_by_agent on reply (agent_id);

create table delivery (
    id              uuid primary key,
    reply_id        uuid         not null references reply (id),
    request_id      uuid         not null references customer_request (id),
    channel         varchar(40)  not null,
    status          varchar(20)  not null,
    attempts        integer      not null default 0,
    provider_id     varchar(200),
    last_error      text,
    next_attempt_at timestamptz  not null,
    lease_until     timestamptz,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);

create index delivery_due on delivery (next_attempt_at) where status = 'PENDING';
create index delivery_by_request on delivery (request_id);
create index delivery_by_provider_id on delivery (channel, provider_id);
