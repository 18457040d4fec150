-- The pace agents take requests at (assignments in the last hour, for wait estimates) is read by assignment time:
-- an index, so that read costs what the window holds, not what the table holds.
create index request_assigned_at on customer_request (assigned_at) where assigned_at is not null;
