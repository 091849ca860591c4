-- The key canary: a known text sealed with the master key when the database is first used. At every start the
-- platform opens it; a node with another master key (or a database of another installation) refuses to start
-- instead of writing records sealed with the wrong key.
create table key_canary (
  id         smallint    primary key check (id = 1),
  sealed     bytea       not null,
  created_at timestamptz not null default now()
);
