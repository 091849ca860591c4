-- Web sessions in PostgreSQL (Spring Session JDBC schema), so app nodes keep no state of their own.
create table spring_session (
  primary_id            char(36) not null,
  session_id            char(36) not null,
  creation_time         bigint   not null,
  last_access_time      bigint   not null,
  max_inactive_interval int      not null,
  expiry_time           bigint   not null,
  principal_name        varchar(100),
  constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
  session_primary_id char(36)     not null,
  attribute_name     varchar(200) not null,
  attribute_bytes    bytea        not null,
  constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
  constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);

-- Bearer tokens of the API channels (app, mini-program, kiosk): only their SM3 hash is stored.
create table api_token (
  token_hash  char(64)    primary key,
  account_id  uuid        not null references account (id),
  channel     varchar(16) not null,
  issued_at   timestamptz not null default now(),
  expires_at  timestamptz not null,
  revoked_at  timestamptz
);
create index api_token_account_idx on api_token (account_id) where revoked_at is null;

-- One-time codes for login and password reset, sent through the notification outbox; stored as SM3 hashes.
create table one_time_code (
  id          uuid        primary key,
  account_id  uuid        not null references account (id),
  purpose     varchar(16) not null check (purpose in ('LOGIN', 'RESET', 'HANDOVER')),
  code_hash   char(64)    not null,
  created_at  timestamptz not null default now(),
  expires_at  timestamptz not null,
  attempts    int         not null default 0,
  used_at     timestamptz
);
create index one_time_code_account_idx on one_time_code (account_id, purpose, created_at desc);

-- Lockout after repeated failures.
alter table account add column failed_attempts int not null default 0;
alter table account add column locked_until timestamptz;
