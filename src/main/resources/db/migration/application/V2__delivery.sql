-- How the applicant receives the result (结果领取方式). An electronic result is always produced, whatever the channel.
create table application_delivery (
  application_id  uuid         primary key references application (id),
  method          varchar(16)  not null check (method in ('ELECTRONIC', 'WINDOW', 'MAIL', 'TERMINAL')),
  address         varchar(200),
  tracking_number varchar(40),
  recorded_at     timestamptz
);
