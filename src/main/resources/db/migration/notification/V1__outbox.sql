-- The transactional outbox: a notice is written in the same transaction as the action that causes it and delivered
-- afterwards by whichever node picks it up first (FOR UPDATE SKIP LOCKED), with retries.
create table outbox (
  id            uuid primary key,
  channel       varchar(16)  not null check (channel in ('SMS', 'EMAIL')),
  recipient_id  varchar(64),
  address       bytea        not null,   -- SM4-sealed phone number or e-mail address
  address_shown varchar(64)  not null,   -- masked, for lists and logs
  subject       varchar(200) not null,
  body          text         not null,
  status        varchar(16)  not null check (status in ('PENDING', 'SENT', 'FAILED')),
  attempts      int          not null default 0,
  last_error    text,
  created_at    timestamptz  not null default now(),
  next_attempt  timestamptz  not null default now(),
  sent_at       timestamptz,
  delivered_by  varchar(40)
);
create index outbox_pending_idx on outbox (next_attempt) where status = 'PENDING';
create index outbox_recipient_idx on outbox (recipient_id, created_at desc);
