-- Keys per owner: the platform, each issuing authority's seal, each applicant and staff member who signs.
-- Rotation retires the active key (active = false) but keeps it, so everything it signed stays verifiable.
alter table signing_key add column owner varchar(80);
update signing_key set owner = 'platform' where owner is null;
alter table signing_key alter column owner set not null;
alter table signing_key add column retired_at timestamptz;
drop index signing_key_one_active;
create unique index signing_key_one_active on signing_key (owner) where active;

-- License types (证照目录): what a license of the type carries and how long it is valid.
create table license_type (
  code            varchar(40)  primary key,
  name            varchar(100) not null,
  issuer_code     char(18)     not null,
  issuer_name     varchar(100) not null,
  department_code varchar(32)  not null,
  fields          jsonb        not null,
  validity_years  int,
  annual_check    boolean      not null default false
);

insert into license_type (code, name, issuer_code, issuer_name, department_code, fields, validity_years, annual_check) values
('11330782002500001M001', '食品经营许可证', '11330782002500001M', '义乌市市场监督管理局', 'SCJG',
 '[{"name":"operatorName","label":"经营者名称","required":true},{"name":"businessAddress","label":"经营场所","required":true},{"name":"businessFormat","label":"主体业态","required":true},{"name":"businessScope","label":"经营项目","required":true}]', 5, false),
('11330782002500001M002', '营业执照（个体工商户）', '11330782002500001M', '义乌市市场监督管理局', 'SCJG',
 '[{"name":"shopName","label":"名称","required":true},{"name":"businessAddress","label":"经营场所","required":true},{"name":"businessScope","label":"经营范围","required":true},{"name":"capital","label":"资金数额（万元）","required":false}]', null, true),
('11330782002500002Q001', '公共场所卫生许可证', '11330782002500002Q', '义乌市卫生健康局', 'WJW',
 '[{"name":"venueName","label":"单位名称","required":true},{"name":"venueAddress","label":"地址","required":true},{"name":"venueType","label":"许可项目","required":true}]', 4, false),
('11330782002500002Q002', '护士执业证书', '11330782002500002Q', '义乌市卫生健康局', 'WJW',
 '[{"name":"employer","label":"执业机构","required":true},{"name":"school","label":"毕业院校","required":false}]', 5, false),
('11330782002500003U001', '浙江省居住证', '11330782002500003U', '义乌市公安局', 'GA',
 '[{"name":"residenceAddress","label":"居住地址","required":true}]', null, true);

-- Lifecycle: versions (变更), revocation (注销) with reason, annual re-check (年检), origin.
alter table license drop constraint license_status_check;
alter table license add constraint license_status_check check (status in ('VALID', 'REVOKED', 'SUPERSEDED'));
alter table license
  add column version         int          not null default 1,
  add column previous_id     uuid         references license (id),
  add column origin          varchar(16)  not null default 'DECISION' check (origin in ('DECISION', 'CHANGE', 'LEGACY')),
  add column revoked_reason  text,
  add column revoked_at      timestamptz,
  add column last_checked_on date;

-- The sealed document of a license (PDF with visible seal and QR code) and the issuer's SM2 signature over its bytes.
create table license_document (
  license_id  uuid        primary key references license (id),
  format      varchar(8)  not null,
  content     bytea       not null,
  sm3         char(64)    not null,
  key_id      varchar(40) not null references signing_key (id),
  signature   bytea       not null,
  created_at  timestamptz not null default now()
);
create index license_document_sm3_idx on license_document (sm3);

-- Signatures of people: an applicant signing a submission, staff signing a decision. What was signed is kept.
create table signature (
  id          uuid         primary key,
  signer_kind varchar(16)  not null,
  signer_id   varchar(64)  not null,
  signer_name varchar(100) not null,
  key_id      varchar(40)  not null references signing_key (id),
  purpose     varchar(60)  not null,
  subject     varchar(120) not null,
  content     text         not null,
  content_sm3 char(64)     not null,
  signature   bytea        not null,
  signed_at   timestamptz  not null
);
create index signature_subject_idx on signature (subject, signed_at);

-- 免证办: the holder authorizes one department to use one license for one application; every use is logged.
create table license_authorization (
  id                 uuid         primary key,
  license_id         uuid         not null references license (id),
  holder_id          varchar(18)  not null,
  department_code    varchar(32)  not null,
  department_name    varchar(100) not null,
  application_number varchar(40)  not null,
  purpose            varchar(200),
  created_at         timestamptz  not null,
  withdrawn_at       timestamptz
);
create index license_authorization_license_idx on license_authorization (license_id);

create table license_use (
  id                 bigserial    primary key,
  license_id         uuid         not null references license (id),
  authorization_id   uuid         references license_authorization (id),
  department_code    varchar(32)  not null,
  actor_name         varchar(100) not null,
  application_number varchar(40),
  allowed            boolean      not null,
  reason             varchar(200),
  used_at            timestamptz  not null
);
create index license_use_license_idx on license_use (license_id, used_at);

-- 存量证照: bulk imports of legacy license records, processed in batches that each commit their progress.
create table license_import (
  id             uuid         primary key,
  file_name      varchar(200) not null,
  content        text         not null,
  total_rows     int          not null,
  processed_rows int          not null default 0,
  issued_rows    int          not null default 0,
  rejected_rows  int          not null default 0,
  status         varchar(16)  not null check (status in ('RUNNING', 'DONE')),
  department_code varchar(32) not null,
  created_by     varchar(100) not null,
  created_at     timestamptz  not null,
  finished_at    timestamptz
);

create table license_import_rejection (
  import_id  uuid not null references license_import (id),
  row_number int  not null,
  reason     text not null,
  raw        text not null,
  primary key (import_id, row_number)
);
