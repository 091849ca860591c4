-- The population and enterprise base data hold ID numbers too: sealed with SM4, found by blind index.
alter table population_record add column citizen_id_index char(64);
alter table population_record add column citizen_id_sealed bytea;
alter table population_record drop constraint population_record_pkey;
alter table population_record alter column citizen_id drop not null;
create unique index population_record_index_uq on population_record (citizen_id_index);

alter table enterprise_record add column legal_rep_citizen_id_sealed bytea;
alter table enterprise_record alter column legal_rep_citizen_id drop not null;
