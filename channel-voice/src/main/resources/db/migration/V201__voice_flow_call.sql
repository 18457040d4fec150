-- A call answered by a conversation flow, one row per CallSid: the turn it is on and the TwiML it was last answered
-- with, so a Twilio retry of a Gather's callback is answered the same again instead of taking the flow a turn further;
-- the request the flow handed the caller over with, and whether it was connected live to an agent.
create table voice_flow_call (
    call_sid       varchar(64) primary key,
    turn           integer     not null,
    twiml          text        not null,
    request_id     uuid,
    connected_live boolean     not null default false,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
