-- The growth generator of bench/run.sh (stage "growth"). It clones real cases: the bench first makes a few cases
-- through the API (open ones, waiting at 受理, and concluded ones, taken through 受理 → 审查 → 决定), records them in
-- bench.tmpl, and bench.load(from, to, …) then writes cases number `from` to `to - 1` as copies of them, server-side,
-- in batches of 50,000 cases a transaction: the application row (for one of the catalog's published items, with its
-- department and region, a number of its own, another applicant, times moved to the case's day), its timeline,
-- delivery, commitments and clock, and for open cases the Flowable runtime rows that the staff inbox reads
-- (executions, task, candidate group, variables with their byte arrays, activity instances). Every row is the template's
-- row as JSON with the template's ids replaced, so columns added later are copied too. (jsonb_populate_record sits in
-- a lateral join: as (f(…)).* in the select list it would run once per column.) Not generated: Flowable's
-- history of concluded cases, audit records, signatures and licenses (no measured read touches them).
-- Case k: open when k % 100 < open_pct, else concluded; its day is base_day - k / per_day (so 5 M cases span about
-- 1,000 days at 5,000 a day); its applicant is one of k / 3 (three cases each).
create schema if not exists bench;

create table if not exists bench.tmpl (
  kind      text    not null,   -- open | concluded
  i         int     not null,   -- 0.. within its kind
  app_id    uuid    not null,
  proc_inst text    not null,
  olds      text[]  not null,   -- every id of the template's rows (application id, Flowable runtime ids)
  primary key (kind, i)
);

create table if not exists bench.item (
  i         int primary key,
  code      text not null,
  version   int  not null,
  name      text not null,
  dept      text not null,
  dept_name text not null,
  region    text not null,
  grp       text not null       -- the candidate group of the 受理 task: the department's accepting post, else the department
);

create unlogged table if not exists bench.c (
  k            bigint,
  o            boolean,
  t_app        uuid,
  t_proc       text,
  olds         text[],
  news         text[],
  app_id       uuid,
  code         text,
  version      int,
  name         text,
  dept         text,
  dept_name    text,
  region       text,
  grp          text,
  day          date,
  number       text,
  submitted_at timestamptz,
  applicant    uuid,
  applicant_name text
);

create or replace function bench.nid(old text, k bigint) returns text language sql immutable
  as $$ select md5(old || ':' || k)::uuid::text $$;

create or replace function bench.subst(t text, olds text[], news text[]) returns text language plpgsql immutable as $$
declare
  i int;
begin
  for i in 1 .. coalesce(array_length(olds, 1), 0) loop
    t := replace(t, olds[i], news[i]);
  end loop;
  return t;
end $$;

-- The select list that copies every column of `tab` from `alias`, except those in `overrides` (column → SQL
-- expression): a plain INSERT … SELECT, generic over columns added later, without a JSON round trip per row.
create or replace function bench.copy_list(tab regclass, alias text, overrides jsonb) returns text language sql stable as $$
  select string_agg(coalesce(overrides ->> a.attname, alias || '.' || quote_ident(a.attname)), ', ' order by a.attnum)
  from pg_attribute a where a.attrelid = tab and a.attnum > 0 and not a.attisdropped
$$;

-- The templates: the cases the bench made through the API, marked by their Idempotency-Key prefix.
create or replace procedure bench.record_templates() language plpgsql as $$
begin
  delete from bench.tmpl;
  insert into bench.tmpl (kind, i, app_id, proc_inst, olds)
  select kind, (row_number() over (partition by kind order by a.submitted_at) - 1)::int, a.id, a.process_instance_id,
         array[a.id::text] || array(
           select id_ from act_ru_execution where proc_inst_id_ = a.process_instance_id
           union all select id_ from act_ru_task where proc_inst_id_ = a.process_instance_id
           union all select l.id_ from act_ru_identitylink l join act_ru_task t on t.id_ = l.task_id_
                     where t.proc_inst_id_ = a.process_instance_id
           union all select id_ from act_ru_identitylink where proc_inst_id_ = a.process_instance_id
           union all select id_ from act_ru_variable where proc_inst_id_ = a.process_instance_id
           union all select bytearray_id_ from act_ru_variable
                     where proc_inst_id_ = a.process_instance_id and bytearray_id_ is not null
           union all select id_ from act_ru_actinst where proc_inst_id_ = a.process_instance_id)
  from application.application a
  cross join lateral (select case when a.status = 'CONCLUDED' then 'concluded' else 'open' end as kind) x
  where a.idempotency_key like 'tmpl-%';

  delete from bench.item;
  insert into bench.item
  select (row_number() over (order by s.code) - 1)::int, s.code, s.version, s.name, s.department_code,
         s.department_name, s.region_code,
         coalesce((select 'post:' || p.code from identity.post p
                   where p.department_code = s.department_code and 'accept' = any (p.duties) order by p.code limit 1),
                  'dept:' || s.department_code)
  from catalog.service_item s where s.status = 'PUBLISHED';
end $$;

create or replace procedure bench.load(from_k bigint, to_k bigint, open_pct int, per_day int, base_day date,
                                       batch int default 50000)
language plpgsql as $$
declare
  a bigint := from_k;
  b bigint;
  n_open int;
  n_conc int;
  n_item int;
begin
  select count(*) filter (where kind = 'open'), count(*) filter (where kind = 'concluded')
    into n_open, n_conc from bench.tmpl;
  select count(*) into n_item from bench.item;
  if n_open = 0 or n_conc = 0 or n_item = 0 then
    raise exception 'no templates (open %, concluded %) or no items (%)', n_open, n_conc, n_item;
  end if;
  while a < to_k loop
    b := least(a + batch, to_k);
    truncate bench.c;
    insert into bench.c
    select k, x.o, t.app_id, t.proc_inst, t.olds, array(select bench.nid(v, k) from unnest(t.olds) v),
           bench.nid(t.app_id::text, k)::uuid, i.code, i.version, i.name, i.dept, i.dept_name, i.region, i.grp, x.d,
           i.region || to_char(x.d, 'YYYYMMDD') || lpad((k % per_day)::text, 6, '0'),
           x.d + make_interval(secs => 8 * 3600 + (k * 7919) % 32400),
           md5('applicant:' || (k / 3))::uuid, '申请人' || (k / 3) % 100000
    from generate_series(a, b - 1) k
    cross join lateral (select (k % 100) < open_pct as o, base_day - (k / per_day)::int as d) x
    join bench.tmpl t on t.kind = case when x.o then 'open' else 'concluded' end
                     and t.i = k % case when x.o then n_open else n_conc end
    join bench.item i on i.i = (k * 7) % n_item;

    execute format('insert into application.application select %s from bench.c c join application.application t on t.id = c.t_app',
      bench.copy_list('application.application', 't', jsonb_build_object(
        'id', 'c.app_id', 'number', 'c.number', 'query_code', 'upper(substr(md5(''q'' || c.k), 1, 6))',
        'item_code', 'c.code', 'item_version', 'c.version', 'item_name', 'c.name',
        'department_code', 'c.dept', 'department_name', 'c.dept_name',
        'applicant_id', 'c.applicant', 'applicant_name', 'c.applicant_name',
        'party_id', 'c.applicant', 'party_name', 'c.applicant_name', 'idempotency_key', 'null',
        'process_instance_id', 'bench.nid(t.process_instance_id, c.k)', 'license_identifier', 'null',
        'submitted_at', 'c.submitted_at', 'accepted_at', 'c.submitted_at + (t.accepted_at - t.submitted_at)',
        'decided_at', 'c.submitted_at + (t.decided_at - t.submitted_at)',
        'concluded_at', 'c.submitted_at + (t.concluded_at - t.submitted_at)')));

    execute format('insert into application.application_event select %s from bench.c c '
      || 'join application.application t on t.id = c.t_app join application.application_event e on e.application_id = c.t_app '
      || 'order by c.k, e.id',
      bench.copy_list('application.application_event', 'e', jsonb_build_object(
        'id', format('nextval(%L)', pg_get_serial_sequence('application.application_event', 'id')), 'application_id', 'c.app_id',
        'occurred_at', 'c.submitted_at + (e.occurred_at - t.submitted_at)')));

    insert into application.application_delivery
    select r.*
    from bench.c c join application.application_delivery d on d.application_id = c.t_app
    cross join lateral jsonb_populate_record(null::application.application_delivery, to_jsonb(d) || jsonb_build_object(
      'application_id', c.app_id)) r;

    insert into application.commitment
    select r.*
    from bench.c c join application.application t on t.id = c.t_app
    join application.commitment m on m.application_id = c.t_app
    cross join lateral jsonb_populate_record(null::application.commitment, to_jsonb(m) || jsonb_build_object(
      'id', bench.nid(m.id::text, c.k), 'application_id', c.app_id,
      'due_on', m.due_on + (c.day - t.submitted_at::date),
      'created_at', c.submitted_at + (m.created_at - t.submitted_at))) r;

    insert into workflow.case_clock
    select r.*
    from bench.c c join application.application t on t.id = c.t_app
    join workflow.case_clock w on w.application_id = c.t_app
    cross join lateral jsonb_populate_record(null::workflow.case_clock, to_jsonb(w) || jsonb_build_object(
      'application_id', c.app_id, 'application_number', c.number, 'item_name', c.name, 'department_code', c.dept,
      'accepted_on', w.accepted_on + (c.day - t.submitted_at::date),
      'stopped_at', c.submitted_at + (w.stopped_at - t.submitted_at),
      'created_at', c.submitted_at + (w.created_at - t.submitted_at))) r;

    -- open cases: the Flowable runtime rows, byte arrays and executions first (foreign keys)
    insert into act_ge_bytearray
    select r.*
    from bench.c c join act_ge_bytearray x on x.id_ = any (c.olds)
    cross join lateral jsonb_populate_record(null::act_ge_bytearray, bench.subst(to_jsonb(x)::text, c.olds, c.news)::jsonb) r
    where c.o;

    insert into act_ru_execution
    select r.*
    from bench.c c join act_ru_execution x on x.proc_inst_id_ = c.t_proc
    cross join lateral jsonb_populate_record(null::act_ru_execution, bench.subst(to_jsonb(x)::text, c.olds, c.news)::jsonb
      || jsonb_build_object('start_time_', c.submitted_at)) r
    where c.o
    order by c.k, x.parent_id_ nulls first;

    insert into act_ru_task
    select r.*
    from bench.c c join act_ru_task x on x.proc_inst_id_ = c.t_proc
    cross join lateral jsonb_populate_record(null::act_ru_task, bench.subst(to_jsonb(x)::text, c.olds, c.news)::jsonb
      || jsonb_build_object('create_time_', c.submitted_at)) r
    where c.o;

    insert into act_ru_identitylink
    select r.*
    from bench.c c join act_ru_identitylink x on x.id_ = any (c.olds)
    cross join lateral jsonb_populate_record(null::act_ru_identitylink, bench.subst(to_jsonb(x)::text, c.olds, c.news)::jsonb
      || case when x.type_ = 'candidate' and x.group_id_ is not null then jsonb_build_object('group_id_', c.grp)
              else '{}'::jsonb end) r
    where c.o;

    insert into act_ru_variable
    select r.*
    from bench.c c join act_ru_variable x on x.proc_inst_id_ = c.t_proc
    cross join lateral jsonb_populate_record(null::act_ru_variable, bench.subst(to_jsonb(x)::text, c.olds, c.news)::jsonb
      || case x.name_
           when 'candidateGroup' then jsonb_build_object('text_', 'dept:' || c.dept)
           when 'departmentCode' then jsonb_build_object('text_', c.dept)
           when 'regionCode' then jsonb_build_object('text_', c.region)
           when 'itemName' then jsonb_build_object('text_', c.name)
           when 'applicationNumber' then jsonb_build_object('text_', c.number)
           when 'applicantName' then jsonb_build_object('text_', c.applicant_name)
           else '{}'::jsonb end) r
    where c.o;

    insert into act_ru_actinst
    select r.*
    from bench.c c join act_ru_actinst x on x.proc_inst_id_ = c.t_proc
    cross join lateral jsonb_populate_record(null::act_ru_actinst, bench.subst(to_jsonb(x)::text, c.olds, c.news)::jsonb
      || jsonb_build_object('start_time_', c.submitted_at)) r
    where c.o;

    commit;
    raise notice 'cases % to % written', a, b - 1;
    a := b;
  end loop;
end $$;
