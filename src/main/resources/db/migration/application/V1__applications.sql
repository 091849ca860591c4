-- Applications (办件): one row per case, its timeline, and its materials.
create table application (
  id                  uuid primary key,
  number              varchar(40)  not null unique,
  query_code          varchar(12)  not null,
  item_code           varchar(50)  not null,
  item_version        int          not null,
  item_name           varchar(200) not null,
  department_code     varchar(32)  not null,
  department_name     varchar(100) not null,
  applicant_id        uuid         not null,
  applicant_name      varchar(100) not null,
  applicant_citizen_id varchar(18) not null,
  channel             varchar(16)  not null,
  status              varchar(32)  not null,
  result              varchar(16),
  form_data           jsonb        not null,
  idempotency_key     varchar(100),
  process_instance_id varchar(64),
  license_identifier  varchar(120),
  open_notice         text,
  submitted_at        timestamptz  not null,
  accepted_at         timestamptz,
  decided_at          timestamptz,
  concluded_at        timestamptz,
  version             int          not null,
  constraint application_idempotency unique (applicant_id, idempotency_key)
);
create index application_applicant_idx on application (applicant_id, submitted_at desc);
create index application_department_idx on application (department_code, status);

create table application_event (
  id             bigserial primary key,
  application_id uuid        not null references application (id),
  occurred_at    timestamptz not null,
  action         varchar(40) not null,
  status         varchar(32) not null,
  actor_label    varchar(200) not null,
  comment        text
);
create index application_event_app_idx on application_event (application_id, id);

create table application_material (
  id               uuid primary key,
  application_id   uuid         not null references application (id),
  requirement_code varchar(50)  not null,
  file_name        varchar(255) not null,
  content_type     varchar(100) not null,
  size_bytes       bigint       not null,
  sm3              char(64)     not null,
  storage_key      varchar(200) not null,
  uploaded_at      timestamptz  not null
);
create index application_material_app_idx on application_material (application_id);

-- Daily counters for application numbers: one atomic upsert per number, correct with several nodes.
create table number_counter (
  day        date primary key,
  last_value int  not null
);
