-- The agent who took each live chat: the chat is live while that agent holds the request (a follow-up that reopens it
-- for someone else is not live).
create table webchat_live (
    request_id     uuid primary key,
    agent_username text not null,
    agent_name     text not null,
    started_at     timestamptz not null
);
