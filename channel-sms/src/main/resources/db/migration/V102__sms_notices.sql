-- Notices that belong to no request (a flow's reminder to a quiet texter, a chat link, an unread chat answer): stored
-- with the work that asked for them and sent once that commits, retried while Twilio cannot be reached.
create table sms_notice (
    id              uuid primary key,
    to_number       varchar(40) not null,
    text            text        not null,
    status          varchar(20) not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    lease_until     timestamptz,
    message_sid     varchar(64),
    last_error      text,
    created_at      timestamptz not null
);
create index sms_notice_due on sms_notice (next_attempt_at) where status = 'PENDING';
