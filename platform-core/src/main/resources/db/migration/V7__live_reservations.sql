-- Agents held for a live contact (a call ringing their phone) before any request exists: the hold counts against
-- the agent's capacity, so the dispatcher gives them nothing else, and lapses by itself at expires_at, so a node
-- that dies mid-ring never keeps an agent busy for good.
create table live_reservation (
    id           uuid primary key,
    agent_id     uuid         not null references agent (id),
    channel      varchar(40)  not null,
    contact_key  varchar(200) not null,
    address      varchar(320) not null,
    expires_at   timestamptz  not null,
    created_at   timestamptz  not null,
    constraint live_reservation_once_per_contact unique (channel, contact_key)
);

create index live_reservation_expiry on live_reservation (expires_at);
create index live_reservation_by_agent on live_reservation (agent_id);
