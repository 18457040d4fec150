-- Live events: every committed change a browser or another node should hear about, in commit order's ids.
-- A row is written in the same transaction as the change and announced with pg_notify('nohold_events', id),
-- which PostgreSQL delivers only on commit. The row's id is the server-sent event's id, so a client resumes
-- with Last-Event-ID; rows are kept for a retention period (nohold.events.retention), then deleted.
-- No foreign keys: this is a feed, not the record (the request's timeline is request_event).
create table live_event (
    id          bigint generated always as identity primary key,
    at          timestamptz  not null,
    type        varchar(40)  not null,
    request_id  uuid,
    reference   varchar(16),
    -- the request's status after the change; for PRESENCE events the agent's new presence
    status      varchar(20),
    -- the agent concerned (holding the request, or whose presence changed): an agent's stream shows these
    agent_id    uuid,
    agent       varchar(100),
    detail      text
);

create index live_event_by_agent on live_event (agent_id, id);
create index live_event_at on live_event (at);

-- Refreshed while the agent holds a live event stream open: "is this agent still connected?"
alter table agent add column last_seen_at timestamptz;
