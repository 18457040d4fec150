-- Canned responses: answers supervisors write once and agents insert into a reply. The text may hold
-- placeholders ({reference}, {customer}, {agent}) that the inbox fills in for the open request.
create table canned_response (
    id          uuid          primary key,
    title       varchar(100)  not null,
    body        text          not null,
    created_by  varchar(100)  not null,
    created_at  timestamptz   not null
);
create unique index canned_response_title on canned_response (lower(title));
