-- What the inbox's supervisors and admins need: redelivery of failed answers, search, and disabled accounts.

-- A delivery made to replace a failed one (an agent's retry or resend on another channel, or the channel's own
-- fallback) names the one it replaces, so a failed delivery is redelivered once and the inbox can say by which.
alter table delivery add column replaces uuid references delivery (id);
create unique index delivery_replaced_once on delivery (replaces) where replaces is not null;

-- Full-text search over what the customer wrote or said (a transcript is the request's text too). 'english'
-- rather than 'simple': agents search with other word forms than the customer used ("refunds" must find
-- "refund", "charged" find "charging"), which only a stemming configuration gives; words of other languages are
-- still found as written, since the query is stemmed the same way. Generated, so it can never drift from the text.
alter table customer_request
    add column search_words tsvector generated always as (to_tsvector('english', coalesce(text, ''))) stored;
create index request_search_words on customer_request using gin (search_words);
create index request_by_channel on customer_request (channel, created_at desc);

-- A disabled account cannot log in; it is kept (its replies and timeline name it) and can be enabled again.
alter table agent add column disabled boolean not null default false;
