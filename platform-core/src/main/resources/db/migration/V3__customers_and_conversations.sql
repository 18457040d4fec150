-- People and conversations: a customer with addresses on several channels, and each request's messages both ways.

create table customer (
    id          uuid primary key,
    created_at  timestamptz not null
);

-- One row per address seen on a channel. "identity" is what makes two addresses one person: a phone number in
-- E.164 is 'phone:+15551234567' on every channel (SMS and voice), anything else is keyed by its channel.
create table customer_address (
    id           uuid primary key,
    customer_id  uuid         not null references customer (id),
    channel      varchar(40)  not null,
    address      varchar(320) not null,
    identity     varchar(400) not null,
    created_at   timestamptz  not null,
    constraint customer_address_once unique (channel, address)
);

create index customer_address_identity on customer_address (identity);
create index customer_address_by_customer on customer_address (customer_id);

alter table customer_request
    add column customer_id        uuid references customer (id),
    add column answered_at        timestamptz;

create index request_by_customer on customer_request (customer_id, created_at desc);

-- The conversation: what the customer sent (in) and what agents answered (out), in order, on any channel.
create table message (
    id                  uuid primary key,
    seq                 bigint generated always as identity,
    request_id          uuid         not null references customer_request (id),
    direction           varchar(3)   not null check (direction in ('in', 'out')),
    channel             varchar(40)  not null,
    address             varchar(320),
    text                text,
    audio_key           varchar(200),
    audio_type          varchar(100),
    agent_id            uuid references agent (id),
    reply_id            uuid references reply (id),
    provider_message_id varchar(200),
    fingerprint         varchar(64),
    intake_status       varchar(20),
    at                  timestamptz  not null,
    constraint message_once_per_provider_message unique (channel, provider_message_id)
);

create index message_by_request on message (request_id, at, seq);

-- A reply goes out on the channel the customer last wrote on, to their address there.
alter table delivery add column address varchar(320);

-- Requests taken in before this version: one customer per identity, their first message and their replies.
create temporary table earlier_identity on commit drop as
select identity, gen_random_uuid() as customer_id
  from (select distinct case when customer_address ~ '^\+[1-9][0-9]{6,14}$' then 'phone:' || customer_address
                             else channel || ':' || customer_address end as identity
          from customer_request) identities;

insert into customer (id, created_at)
select e.customer_id, min(r.created_at)
  from earlier_identity e
  join customer_request r on e.identity = case when r.customer_address ~ '^\+[1-9][0-9]{6,14}$'
                                               then 'phone:' || r.customer_address
                                               else r.channel || ':' || r.customer_address end
 group by e.customer_id;

insert into customer_address (id, customer_id, channel, address, identity, created_at)
select gen_random_uuid(), e.customer_id, r.channel, r.customer_address, e.identity, min(r.created_at)
  from earlier_identity e
  join customer_request r on e.identity = case when r.customer_address ~ '^\+[1-9][0-9]{6,14}$'
                                               then 'phone:' || r.customer_address
                                               else r.channel || ':' || r.customer_address end
 group by e.customer_id, r.channel, r.customer_address, e.identity;

update customer_request r
   set customer_id = a.customer_id
  from customer_address a
 where a.channel = r.channel and a.address = r.customer_address;

update customer_request r
   set answered_at = (select min(e.at) from request_event e where e.request_id = r.id and e.type = 'ANSWERED')
 where r.status in ('ANSWERED', 'DELIVERED', 'DELIVERY_FAILED');

insert into message (id, request_id, direction, channel, address, text, audio_key, audio_type, provider_message_id,
                     fingerprint, intake_status, at)
select gen_random_uuid(), r.id, 'in', r.channel, r.customer_address, r.text, r.audio_key, r.audio_type,
       r.provider_message_id, r.fingerprint, r.intake_status, r.created_at
  from customer_request r;

insert into message (id, request_id, direction, channel, text, audio_key, audio_type, agent_id, reply_id, at)
select gen_random_uuid(), p.request_id, 'out', r.channel, p.text, p.audio_key, p.audio_type, p.agent_id, p.id, p.at
  from reply p
  join customer_request r on r.id = p.request_id;
