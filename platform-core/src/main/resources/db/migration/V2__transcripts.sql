-- Speech: what recognition heard in a spoken request, and the lease that makes transcription durable work.

alter table customer_request
    add column transcript_confidence     double precision,
    add column transcript_words          jsonb,
    add column transcription_lease_until timestamptz,
    add column transcription_attempts    integer not null default 0;

-- The transcribers' claim: spoken requests waiting for a node, oldest first.
create index request_transcribing on customer_request (created_at, id) where status = 'TRANSCRIBING';
