-- Supervisors (督办人员) read the overdue list; posts (岗位) give each duty a primary (A岗) and a backup (B岗).
alter table account drop constraint account_kind_check;
alter table account add constraint account_kind_check check (kind in ('PERSON', 'STAFF', 'ADMIN', 'SUPERVISOR'));

create table post (
  code            varchar(40)  primary key,
  department_code varchar(32)  not null,
  name            varchar(50)  not null,
  duties          text[]       not null default '{}', -- the process steps (task keys) this post handles
  primary_account uuid         not null references account (id),
  backup_account  uuid         references account (id),
  primary_absent  boolean      not null default false,
  absence_reason  varchar(200),
  absent_since    timestamptz,
  check (backup_account is null or backup_account <> primary_account)
);
create unique index post_department_name_uq on post (department_code, name);
