-- The working-day calendar (法定节假日 and 调休上班 from the State Council's yearly notices) and the clock of each case.

-- A year is "loaded" once its notice has been entered; deadlines are never computed into a year that is not.
create table calendar_year (
  year       int primary key,
  source_url varchar(300) not null,
  loaded_at  timestamptz  not null default now()
);

-- Days that differ from the Monday-to-Friday rule: holidays (also weekdays in lieu) and make-up workdays.
create table calendar_day (
  day        date primary key,
  kind       varchar(16)  not null check (kind in ('HOLIDAY', 'MAKEUP_WORKDAY')),
  name       varchar(50)  not null,
  source_url varchar(300) not null
);

insert into calendar_year (year, source_url) values (2024, 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm');
insert into calendar_year (year, source_url) values (2025, 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm');
insert into calendar_year (year, source_url) values (2026, 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm');
insert into calendar_day (day, kind, name, source_url) values
  ('2024-01-01', 'HOLIDAY', '元旦', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-02-10', 'HOLIDAY', '春节', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-02-11', 'HOLIDAY', '春节', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-02-12', 'HOLIDAY', '春节', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-02-13', 'HOLIDAY', '春节', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-02-14', 'HOLIDAY', '春节', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-02-15', 'HOLIDAY', '春节', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-02-16', 'HOLIDAY', '春节', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-02-17', 'HOLIDAY', '春节', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-04-04', 'HOLIDAY', '清明节', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-04-05', 'HOLIDAY', '清明节', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-04-06', 'HOLIDAY', '清明节', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-05-01', 'HOLIDAY', '劳动节', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-05-02', 'HOLIDAY', '劳动节', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-05-03', 'HOLIDAY', '劳动节', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-05-04', 'HOLIDAY', '劳动节', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-05-05', 'HOLIDAY', '劳动节', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-06-10', 'HOLIDAY', '端午节', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-09-15', 'HOLIDAY', '中秋节', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-09-16', 'HOLIDAY', '中秋节', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-09-17', 'HOLIDAY', '中秋节', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-10-01', 'HOLIDAY', '国庆节', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-10-02', 'HOLIDAY', '国庆节', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-10-03', 'HOLIDAY', '国庆节', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-10-04', 'HOLIDAY', '国庆节', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-10-05', 'HOLIDAY', '国庆节', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-10-06', 'HOLIDAY', '国庆节', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-10-07', 'HOLIDAY', '国庆节', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-02-04', 'MAKEUP_WORKDAY', '春节调休上班', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-02-18', 'MAKEUP_WORKDAY', '春节调休上班', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-04-07', 'MAKEUP_WORKDAY', '清明节调休上班', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-04-28', 'MAKEUP_WORKDAY', '劳动节调休上班', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-05-11', 'MAKEUP_WORKDAY', '劳动节调休上班', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-09-14', 'MAKEUP_WORKDAY', '中秋节调休上班', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-09-29', 'MAKEUP_WORKDAY', '国庆节调休上班', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2024-10-12', 'MAKEUP_WORKDAY', '国庆节调休上班', 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm'),
  ('2025-01-01', 'HOLIDAY', '元旦', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-01-28', 'HOLIDAY', '春节', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-01-29', 'HOLIDAY', '春节', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-01-30', 'HOLIDAY', '春节', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-01-31', 'HOLIDAY', '春节', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-02-01', 'HOLIDAY', '春节', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-02-02', 'HOLIDAY', '春节', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-02-03', 'HOLIDAY', '春节', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-02-04', 'HOLIDAY', '春节', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-04-04', 'HOLIDAY', '清明节', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-04-05', 'HOLIDAY', '清明节', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-04-06', 'HOLIDAY', '清明节', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-05-01', 'HOLIDAY', '劳动节', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-05-02', 'HOLIDAY', '劳动节', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-05-03', 'HOLIDAY', '劳动节', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-05-04', 'HOLIDAY', '劳动节', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-05-05', 'HOLIDAY', '劳动节', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-05-31', 'HOLIDAY', '端午节', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-06-01', 'HOLIDAY', '端午节', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-06-02', 'HOLIDAY', '端午节', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-10-01', 'HOLIDAY', '国庆节、中秋节', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-10-02', 'HOLIDAY', '国庆节、中秋节', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-10-03', 'HOLIDAY', '国庆节、中秋节', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-10-04', 'HOLIDAY', '国庆节、中秋节', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-10-05', 'HOLIDAY', '国庆节、中秋节', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-10-06', 'HOLIDAY', '国庆节、中秋节', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-10-07', 'HOLIDAY', '国庆节、中秋节', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-10-08', 'HOLIDAY', '国庆节、中秋节', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-01-26', 'MAKEUP_WORKDAY', '春节调休上班', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-02-08', 'MAKEUP_WORKDAY', '春节调休上班', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-04-27', 'MAKEUP_WORKDAY', '劳动节调休上班', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-09-28', 'MAKEUP_WORKDAY', '国庆节、中秋节调休上班', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2025-10-11', 'MAKEUP_WORKDAY', '国庆节、中秋节调休上班', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm'),
  ('2026-01-01', 'HOLIDAY', '元旦', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-01-02', 'HOLIDAY', '元旦', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-01-03', 'HOLIDAY', '元旦', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-02-15', 'HOLIDAY', '春节', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-02-16', 'HOLIDAY', '春节', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-02-17', 'HOLIDAY', '春节', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-02-18', 'HOLIDAY', '春节', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-02-19', 'HOLIDAY', '春节', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-02-20', 'HOLIDAY', '春节', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-02-21', 'HOLIDAY', '春节', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-02-22', 'HOLIDAY', '春节', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-02-23', 'HOLIDAY', '春节', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-04-04', 'HOLIDAY', '清明节', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-04-05', 'HOLIDAY', '清明节', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-04-06', 'HOLIDAY', '清明节', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-05-01', 'HOLIDAY', '劳动节', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-05-02', 'HOLIDAY', '劳动节', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-05-03', 'HOLIDAY', '劳动节', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-05-04', 'HOLIDAY', '劳动节', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-05-05', 'HOLIDAY', '劳动节', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-06-19', 'HOLIDAY', '端午节', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-06-20', 'HOLIDAY', '端午节', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-06-21', 'HOLIDAY', '端午节', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-09-25', 'HOLIDAY', '中秋节', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-09-26', 'HOLIDAY', '中秋节', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-09-27', 'HOLIDAY', '中秋节', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-10-01', 'HOLIDAY', '国庆节', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-10-02', 'HOLIDAY', '国庆节', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-10-03', 'HOLIDAY', '国庆节', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-10-04', 'HOLIDAY', '国庆节', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-10-05', 'HOLIDAY', '国庆节', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-10-06', 'HOLIDAY', '国庆节', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-10-07', 'HOLIDAY', '国庆节', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-01-04', 'MAKEUP_WORKDAY', '元旦调休上班', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-02-14', 'MAKEUP_WORKDAY', '春节调休上班', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-02-28', 'MAKEUP_WORKDAY', '春节调休上班', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-05-09', 'MAKEUP_WORKDAY', '劳动节调休上班', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-09-20', 'MAKEUP_WORKDAY', '中秋节调休上班', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm'),
  ('2026-10-10', 'MAKEUP_WORKDAY', '国庆节调休上班', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm');

-- One clock per accepted case: deadlines in working days from the day of acceptance (that day not counted).
create table case_clock (
  application_id     uuid primary key,
  application_number varchar(40)  not null,
  item_name          varchar(200) not null,
  department_code    varchar(32)  not null,
  accepted_on        date         not null,
  promised_days      int          not null check (promised_days >= 0),
  statutory_days     int          not null check (statutory_days >= 0),
  paused_since       date,
  pause_kind         varchar(32),
  stopped_at         timestamptz,
  warning_fired_at   timestamptz,
  overdue_fired_at   timestamptz,
  created_at         timestamptz  not null default now()
);
create index case_clock_running_idx on case_clock (accepted_on) where stopped_at is null;

-- Special procedures (补正、听证、专家评审、现场勘查…) during which the clock stands still.
create table clock_pause (
  id             uuid primary key,
  application_id uuid         not null references case_clock (application_id),
  kind           varchar(32)  not null,
  reason         varchar(500) not null,
  started_on     date         not null,
  ended_on       date,
  started_by     varchar(100) not null,
  ended_by       varchar(100)
);
create index clock_pause_application_idx on clock_pause (application_id);
create unique index clock_pause_open_uq on clock_pause (application_id) where ended_on is null;

-- Processes administrators bound to items, overriding the catalog's default process key.
create table process_binding (
  item_code   varchar(64)  primary key,
  process_key varchar(100) not null,
  joint_departments text[] not null default '{}', -- the departments of a joint review (联审), if the process has one
  bound_by    varchar(100) not null,
  bound_at    timestamptz  not null default now()
);
