-- SM2 signing keys of the platform's seal. The private key is stored sealed (SM4-GCM) under the master key,
-- which lives outside the database. Old keys stay so that old licenses remain verifiable.
create table signing_key (
  id            varchar(40) primary key,
  purpose       varchar(32) not null,
  algorithm     varchar(32) not null,
  public_key    bytea       not null,
  private_key   bytea       not null,
  active        boolean     not null,
  created_at    timestamptz not null default now()
);
create unique index signing_key_one_active on signing_key (purpose) where active;

create sequence license_serial;

-- Electronic licenses (电子证照): structured data plus an SM2 signature over its canonical form.
create table license (
  id                 uuid primary key,
  identifier         varchar(120) not null unique,
  type_code          varchar(40)  not null,
  name               varchar(100) not null,
  holder_name        varchar(100) not null,
  holder_id          varchar(18)  not null,
  issuer_code        char(18)     not null,
  issuer_name        varchar(100) not null,
  issued_on          date         not null,
  valid_from         date         not null,
  valid_until        date,
  data               jsonb        not null,
  application_number varchar(40),
  status             varchar(16)  not null check (status in ('VALID', 'REVOKED')),
  key_id             varchar(40)  not null references signing_key (id),
  signature          bytea        not null,
  created_at         timestamptz  not null default now()
);
create index license_holder_idx on license (holder_id);
