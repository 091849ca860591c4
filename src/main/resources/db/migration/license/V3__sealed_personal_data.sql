-- Holders' ID numbers and license data, signed statements, legacy CSV files and rejected rows, and license
-- documents hold personal data: stored SM4-sealed; holders are found by blind index (holder_id now holds it).
alter table license alter column holder_id type varchar(64);
alter table license add column holder_id_sealed bytea;
alter table license add column data_sealed bytea;
alter table license alter column data drop not null;
alter table license_authorization alter column holder_id type varchar(64);
alter table signature alter column signer_id type varchar(80);
alter table signature add column content_sealed bytea;
alter table signature alter column content drop not null;
alter table license_import add column content_sealed bytea;
alter table license_import alter column content drop not null;
alter table license_import_rejection add column raw_sealed bytea;
alter table license_import_rejection alter column raw drop not null;
alter table license_document add column content_sealed bytea;
alter table license_document alter column content drop not null;
