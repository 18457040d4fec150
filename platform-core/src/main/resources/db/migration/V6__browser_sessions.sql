-- Browser sessions of the agents' inbox. The cookie holds a random token; only its SHA-256 is stored, so the
-- table's contents cannot be replayed as cookies. Rows live in the shared database so every node honours a
-- session and a logout on one node ends it on all.
create table browser_session (
    token_hash    char(64)     primary key,
    username      varchar(100) not null references agent (username) on delete cascade,
    -- Required with every state-changing call the session makes (form field or X-CSRF-Token header).
    csrf_token    varchar(64)  not null,
    created_at    timestamptz  not null,
    last_seen_at  timestamptz  not null
);
create index browser_session_by_username on browser_session (username);

-- Failed logins (form and HTTP Basic), counted per username and per client address across all nodes.
create table login_failure (
    id         bigserial    primary key,
    username   varchar(200) not null,
    address    varchar(100) not null,
    failed_at  timestamptz  not null
);
create index login_failure_by_username on login_failure (username, failed_at);
create index login_failure_by_address on login_failure (address, failed_at);
