-- An applicant's unfinished form, one per applicant and item, resumable on any device. The values hold ID and phone
-- numbers: they are stored only SM4-sealed (PersonalData, kind "form-data"), like the cases' form data.
create table application.draft (
  applicant_id      uuid         not null,
  item_code         varchar(64)  not null,
  form_data_sealed  bytea        not null,
  commitments       text         not null default '',
  created_at        timestamptz  not null,
  saved_at          timestamptz  not null,
  primary key (applicant_id, item_code)
);
