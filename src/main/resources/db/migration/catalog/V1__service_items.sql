-- Government service items as implemented in a region (实施清单), one row per version.
create table service_item (
  id                     bigserial primary key,
  code                   varchar(50)  not null,
  version                int          not null,
  status                 varchar(16)  not null check (status in ('DRAFT', 'PUBLISHED', 'SUPERSEDED')),
  name                   varchar(200) not null,
  item_type              varchar(40)  not null,
  department_code        varchar(32)  not null,
  department_name        varchar(100) not null,
  department_credit_code char(18)     not null,
  region_code            varchar(12)  not null,
  region_name            varchar(50)  not null,
  statutory_days         int          not null check (statutory_days >= 0),
  promised_days          int          not null check (promised_days >= 0),
  immediate              boolean      not null default false,
  visits_required        int          not null default 0 check (visits_required >= 0),
  process_key            varchar(64)  not null,
  license_type_code      varchar(40),
  license_validity_years int,
  guide                  jsonb        not null,
  created_at             timestamptz  not null default now(),
  unique (code, version),
  constraint promised_within_statutory check (promised_days <= statutory_days)
);
create unique index service_item_one_published on service_item (code) where status = 'PUBLISHED';
