-- The SMS channel's own tables. Versions from 100 on belong to channel-sms, so they never clash with the core's.

-- Numbers that texted STOP: carriers require that nothing more is sent to them until they text START.
create table sms_opt_out (
    phone_number  varchar(40) primary key,
    keyword       varchar(40) not null,
    opted_out_at  timestamptz not null
);

-- Every inbound MessageSid handled, and what it did: a Twilio retry of a joining text or a keyword changes nothing
-- twice (a new request is deduplicated by the core itself).
create table sms_inbound (
    message_sid  varchar(64) primary key,
    request_id   uuid references customer_request (id),
    handled_as   varchar(20) not null,
    received_at  timestamptz not null
);

-- The messages one reply went out as (a long answer is several): a retry sends only the parts not yet accepted,
-- and the delivery is DELIVERED once Twilio reports every part delivered.
create table sms_outbound_part (
    delivery_id  uuid        not null references delivery (id),
    part         integer     not null,
    parts        integer     not null,
    message_sid  varchar(64) primary key,
    status       varchar(20) not null,
    error        text,
    sent_at      timestamptz not null,
    updated_at   timestamptz not null,
    unique (delivery_id, part)
);
