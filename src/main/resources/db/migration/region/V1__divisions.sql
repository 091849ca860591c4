-- Administrative divisions (GB/T 2260 codes, extended to towns and streets by the statistical division codes):
-- province (2 digits), city (4), county (6), town/street (9). Loaded from region/divisions.csv.gz by DivisionSeed.
create table division (
  code   varchar(12) primary key,
  name   varchar(100) not null,
  level  smallint     not null check (level between 1 and 4),
  parent varchar(12)
);
create index division_parent_idx on division (parent, code);
