-- 容缺受理 and 告知承诺: what the applicant committed to instead of a material, kept with the case and checked later
create table application.commitment (
  id              uuid primary key,
  application_id  uuid not null references application.application (id),
  kind            text not null check (kind in ('TOLERANCE', 'PLEDGE')),
  requirement_code text not null,
  material_name   text not null,
  text            text not null,
  due_on          date,
  status          text not null default 'OPEN' check (status in ('OPEN', 'FULFILLED', 'BREACHED')),
  checked_at      timestamptz,
  checked_by      text,
  check_note      text,
  created_at      timestamptz not null default now(),
  unique (application_id, requirement_code)
);
create index commitment_open_due on application.commitment (due_on) where status = 'OPEN';

-- 补正: every deficient material and field the reviewer marked, with the reason, for one notice listing all
create table application.deficiency (
  id             bigserial primary key,
  application_id uuid not null references application.application (id),
  round          int not null,
  target         text not null,
  label          text not null,
  reason         text not null,
  marked_at      timestamptz not null default now()
);
create index deficiency_case on application.deficiency (application_id, round);
