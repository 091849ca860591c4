-- Issue 4: the review step, the listing elements every level shares (基本编码, 行使层级, 服务标签, 主题), the change
-- history of every version, and the bundles (一件事).
alter table service_item drop constraint service_item_status_check;
alter table service_item add constraint service_item_status_check
  check (status in ('DRAFT', 'REVIEW', 'PUBLISHED', 'SUPERSEDED'));

alter table service_item
  add column base_code     varchar(12),
  add column region_level  varchar(16) not null default 'CITY'
    check (region_level in ('CITY', 'DISTRICT', 'TOWN', 'VILLAGE')),
  add column online_depth  int not null default 4 check (online_depth between 1 and 4),
  add column tags          text[] not null default '{}',
  add column life_events   text[] not null default '{}',
  add column keywords      text[] not null default '{}',
  add column changed_by    varchar(100),
  add column change_note   varchar(500),
  add column published_at  timestamptz;

update service_item set published_at = created_at where status = 'PUBLISHED';

-- at most one version in preparation (draft or under review) per item
create unique index service_item_one_open on service_item (code) where status in ('DRAFT', 'REVIEW');

-- who did what to which version: drafted, changed, submitted, returned, published
create table item_change (
  id          bigserial primary key,
  code        varchar(50)  not null,
  version     int          not null,
  action      varchar(20)  not null check (action in ('DRAFTED', 'CHANGED', 'SUBMITTED', 'RETURNED', 'PUBLISHED',
                                                      'IMPORTED')),
  actor_id    varchar(64)  not null,
  actor_name  varchar(100) not null,
  fields      text[]       not null default '{}',
  note        varchar(500),
  at          timestamptz  not null default now()
);
create index item_change_by_code on item_change (code, id);

-- 一件事: several items as one service, with a code of its own (赋码管理)
create table bundle (
  code        varchar(50)  primary key,
  name        varchar(100) not null,
  audience    varchar(16)  not null check (audience in ('PERSON', 'ENTERPRISE')),
  life_event  varchar(32)  not null,
  description text         not null,
  members     text[]       not null check (cardinality(members) >= 2),
  created_at  timestamptz  not null default now()
);
