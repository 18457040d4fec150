-- The knowledge base: questions customers ask, with the answer a supervisor wrote once. Automatic answers (flows)
-- and the inbox's suggestions search it with PostgreSQL's full-text search.
--
-- alternatives: other ways customers put the same question, one per line (plain text rather than text[]: the
-- generated vector below must be immutable, and array_to_string is only stable).
-- search_words: the question and its phrasings weigh A, the answer B, so a question matching how an article is
-- asked ranks above one that only shares words with some answer. 'english' for stemming ("refunds" finds
-- "refund"), as the requests' own search (V11). Generated, so it can never drift from the text.
create table knowledge_article (
    id            uuid          primary key,
    question      text          not null,
    answer        text          not null,
    alternatives  text          not null default '',
    language      varchar(20)   not null default 'en',
    author        varchar(100)  not null,
    created_at    timestamptz   not null,
    updated_at    timestamptz   not null,
    search_words  tsvector generated always as (
        setweight(to_tsvector('english', question), 'A')
        || setweight(to_tsvector('english', alternatives), 'A')
        || setweight(to_tsvector('english', answer), 'B')) stored
);
create index knowledge_article_search on knowledge_article using gin (search_words);
create index knowledge_article_newest on knowledge_article (updated_at desc, id);
