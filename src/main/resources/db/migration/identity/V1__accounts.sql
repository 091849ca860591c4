-- Accounts of persons (申请人), staff (工作人员) and administrators. Persons are keyed by the citizen ID number.
create table account (
  id              uuid primary key,
  kind            varchar(16)  not null check (kind in ('PERSON', 'STAFF', 'ADMIN')),
  username        varchar(64)  not null unique,
  password_hash   varchar(200) not null,
  display_name    varchar(100) not null,
  citizen_id      varchar(18),
  mobile          varchar(20),
  department_code varchar(32),
  department_name varchar(100),
  region_code     varchar(12),
  post            varchar(50),
  enabled         boolean      not null default true,
  created_at      timestamptz  not null default now()
);
create unique index account_citizen_id_uq on account (citizen_id) where citizen_id is not null;
create unique index account_person_mobile_uq on account (mobile) where kind = 'PERSON';
create index account_department_idx on account (department_code) where kind = 'STAFF';
