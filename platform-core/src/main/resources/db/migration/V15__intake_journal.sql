-- The intake journal (dev.nohold.core.channel.IntakeJournal): a customer's text is durable once its entry commits,
-- which is all a webhook waits for; the drain turns entries into (or into parts of) requests right after, in
-- batches, on whichever node claims them first. Entries stay after they are taken (taken_at set) so a provider's
-- retry finds the first answer, and are forgotten after nohold.intake.journal.retention.
create table intake_entry (
    seq                 bigserial    primary key,
    channel             varchar(40)  not null,
    provider_message_id varchar(200) not null,
    fingerprint         varchar(128),
    sender              varchar(320) not null,
    -- The customer's identity (CustomerAddress.identityOf): a customer's entries are taken in order, one at a time.
    identity            varchar(400) not null,
    -- The reference the customer was told; told_new: a request of its own (else: it joins the one with it).
    reference           varchar(16)  not null,
    told_new            boolean      not null,
    message             jsonb        not null,
    received_at         timestamptz  not null,
    taken_at            timestamptz,
    request_id          uuid,
    attempts            integer      not null default 0,
    last_error          text,
    unique (channel, provider_message_id)
);
create index intake_entry_untaken on intake_entry (seq) where taken_at is null;
create index intake_entry_untaken_identity on intake_entry (identity, seq) where taken_at is null;
create index intake_entry_taken on intake_entry (taken_at) where taken_at is not null;
-- At most one entry per customer waits to make a new request: two texts written at once from one number both find
-- nothing pending, and the second's insert then conflicts here (after the first commits) and is written again,
-- joining the first, so one burst from one number is one request, as the customer is told.
create unique index intake_entry_one_new_per_customer on intake_entry (identity) where taken_at is null and told_new;

-- The drain writes a few hundred customers, addresses, requests, events and messages a transaction; with inserts
-- grouped by table in JDBC batches (hibernate.order_inserts) a child row may go out before its parent's in the same
-- transaction. The keys are checked at commit instead, where the whole transaction is.
alter table customer_address alter constraint customer_address_customer_id_fkey deferrable initially deferred;
alter table customer_request alter constraint customer_request_customer_id_fkey deferrable initially deferred;
alter table request_event alter constraint request_event_request_id_fkey deferrable initially deferred;
alter table message alter constraint message_request_id_fkey deferrable initially deferred;
alter table message alter constraint message_reply_id_fkey deferrable initially deferred;
alter table reply alter constraint reply_request_id_fkey deferrable initially deferred;
alter table delivery alter constraint delivery_reply_id_fkey deferrable initially deferred;
alter table delivery alter constraint delivery_request_id_fkey deferrable initially deferred;
