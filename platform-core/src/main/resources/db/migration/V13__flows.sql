-- Conversation flows (dev.nohold.core.flow): each flow's versions as uploaded, which one is live, and each customer's
-- conversation with its position and what it collected, so any node takes the next step from the committed state.

-- A flow by id: its newest version and whether it answers customers.
create table flow (
    id         varchar(100) primary key,
    name       varchar(200) not null,
    version    integer      not null,
    active     boolean      not null default false,
    updated_at timestamptz  not null
);

-- Every version ever uploaded, so a conversation finishes on the version it started with.
create table flow_version (
    flow_id    varchar(100) not null references flow (id) on delete cascade,
    version    integer      not null,
    source     text         not null,
    created_at timestamptz  not null,
    primary key (flow_id, version)
);

-- One customer's run through a flow. outcome is null while it waits for the customer; then self-served, handoff,
-- ended or abandoned (quiet past the reminder and ended), with step the last step reached.
create table flow_conversation (
    id            uuid primary key,
    flow_id       varchar(100) not null,
    flow_version  integer      not null,
    channel       varchar(50)  not null,
    address       varchar(300) not null,
    entry_point   varchar(300),
    step          varchar(100),
    collected     jsonb        not null default '{}',
    attempts      integer      not null default 0,
    detail        jsonb        not null default '{}',
    last_activity timestamptz  not null,
    reminded_at   timestamptz,
    -- When the quiet-customer timer next acts on it: the reminder, then the end (or the request) the flow says.
    due_at        timestamptz,
    outcome       varchar(20),
    request_id    uuid,
    created_at    timestamptz  not null,
    foreign key (flow_id, flow_version) references flow_version (flow_id, version)
);

-- A customer has at most one conversation open per channel and address.
create unique index flow_conversation_open on flow_conversation (channel, address) where outcome is null;
-- The quiet-customer timer claims open conversations that are due.
create index flow_conversation_due on flow_conversation (due_at) where outcome is null;
create index flow_conversation_figures on flow_conversation (flow_id, outcome);
