-- The tamper-evident audit trail: every record carries the SM3 hash of its content chained to the previous record.
create table audit_record (
  seq          bigint primary key,
  occurred_at  timestamptz  not null,
  actor_id     varchar(64)  not null,
  actor_name   varchar(100) not null,
  actor_role   varchar(32)  not null,
  channel      varchar(16)  not null,
  client_addr  varchar(64),
  action       varchar(64)  not null,
  object_type  varchar(64)  not null,
  object_id    varchar(100) not null,
  detail       text,
  prev_hash    char(64)     not null,
  hash         char(64)     not null unique
);
create index audit_record_object_idx on audit_record (object_type, object_id);
create index audit_record_actor_idx on audit_record (actor_id);

-- One row: the head of the chain. Appending locks it, so concurrent writers on any node form one chain.
create table chain_head (
  id        smallint primary key check (id = 1),
  last_seq  bigint   not null,
  last_hash char(64) not null
);
insert into chain_head (id, last_seq, last_hash) values (1, 0, repeat('0', 64));
