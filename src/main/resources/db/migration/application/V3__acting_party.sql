-- Who the case is for and who acted: the applicant party (a person, or the enterprise an employee applies for), and
-- the guardian (监护人代办), agent (委托代办) or window clerk (窗口帮办) who submitted it for the applicant.
alter table application add column party_type varchar(16) not null default 'PERSON';
alter table application add column party_id uuid;
alter table application add column party_name varchar(200);
alter table application add column agent_id uuid;
alter table application add column agent_name varchar(100);
alter table application add column representation varchar(16);
create index application_party_idx on application (party_type, party_id, submitted_at desc);
