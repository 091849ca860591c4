-- Spring Modulith's event publication registry (the outbox of events between modules): one row per event and
-- listener, completed when the listener's transaction commits; incomplete rows are resubmitted. The layout is
-- Modulith's own (schema version 2, PostgreSQL), placed in this schema by spring.modulith.events.jdbc.schema.
create table event_publication (
  id                     uuid                     not null primary key,
  listener_id            text                     not null,
  event_type             text                     not null,
  serialized_event       text                     not null,
  publication_date       timestamp with time zone not null,
  completion_date        timestamp with time zone,
  status                 text,
  completion_attempts    int,
  last_resubmission_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
