-- Failed sign-ins, counted per minute, kind, client address and masked login (not one audit record each), so a
-- flood of wrong passwords or bad tokens costs one upsert per key every few seconds (see FailedSignIns).
create table sign_in_failure (
  minute       timestamptz not null,
  kind         varchar(40) not null,
  client_addr  varchar(64) not null,
  login_shown  varchar(32) not null,
  failures     bigint      not null,
  primary key (minute, kind, client_addr, login_shown)
);
