-- Population base data (人口基础信息): the real-name verification source until the data-sharing capability serves it.
create table population_record (
  citizen_id varchar(18)  primary key,
  name       varchar(100) not null,
  added_at   timestamptz  not null default now()
);

-- Enterprise base data (法人基础信息): unified social credit code, name and legal representative.
create table enterprise_record (
  credit_code           varchar(18)  primary key,
  name                  varchar(200) not null,
  legal_rep_name        varchar(100) not null,
  legal_rep_citizen_id  varchar(18)  not null,
  added_at              timestamptz  not null default now()
);

-- Enterprises bound to the platform by their legal representative's personal account.
create table enterprise (
  id                    uuid primary key,
  credit_code           varchar(18)  not null unique,
  name                  varchar(200) not null,
  legal_rep_account_id  uuid         not null references account (id),
  bound_at              timestamptz  not null default now()
);
create index enterprise_legal_rep_idx on enterprise (legal_rep_account_id);

-- Mandates: a person (委托代办) or an enterprise (经办人授权) lets an agent act for it, for one item or all items,
-- until a date or until revoked. Revocation takes effect at once.
create table mandate (
  id               uuid primary key,
  principal_type   varchar(16)  not null check (principal_type in ('PERSON', 'ENTERPRISE')),
  principal_id     uuid         not null,
  agent_account_id uuid         not null references account (id),
  item_code        varchar(50),
  valid_from       date         not null,
  valid_until      date,
  granted_by       uuid         not null,
  granted_at       timestamptz  not null default now(),
  revoked_at       timestamptz,
  revoked_by       uuid
);
create index mandate_agent_idx on mandate (agent_account_id) where revoked_at is null;
create index mandate_principal_idx on mandate (principal_type, principal_id);

-- Guardianship (监护): a guardian manages a minor's account until the minor turns 18 (adult_on).
create table guardianship (
  id                  uuid primary key,
  guardian_account_id uuid        not null references account (id),
  minor_account_id    uuid        not null references account (id),
  relation            varchar(16) not null check (relation in ('FATHER', 'MOTHER', 'OTHER')),
  adult_on            date        not null,
  started_at          timestamptz not null default now(),
  ended_at            timestamptz,
  end_reason          varchar(16)
);
create unique index guardianship_active_uq on guardianship (minor_account_id, guardian_account_id) where ended_at is null;
create index guardianship_due_idx on guardianship (adult_on) where ended_at is null;
create index guardianship_guardian_idx on guardianship (guardian_account_id) where ended_at is null;

-- one_time_code (V2) also serves account handover and SMS identity verification.
alter table one_time_code drop constraint one_time_code_purpose_check;
alter table one_time_code add constraint one_time_code_purpose_check
  check (purpose in ('LOGIN', 'RESET', 'ACCOUNT_HANDOVER', 'IDENTITY_SMS'));

-- Separate consent to biometric (face) verification: purpose, time, withdrawable.
create table biometric_consent (
  id           uuid primary key,
  account_id   uuid         not null references account (id),
  purpose      varchar(200) not null,
  consented_at timestamptz  not null,
  withdrawn_at timestamptz
);
create index biometric_consent_account_idx on biometric_consent (account_id) where withdrawn_at is null;
