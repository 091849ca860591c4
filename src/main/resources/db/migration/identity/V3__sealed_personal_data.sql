-- Citizen ID numbers and mobile numbers are no longer stored in plaintext: SM4-sealed values plus keyed SM3 blind
-- indexes for look-ups. Rows written before this version are sealed at start-up by PersonalDataUpgrade, which then
-- clears the old plaintext columns (kept only for that upgrade).
alter table account add column citizen_id_sealed bytea;
alter table account add column citizen_id_index char(64);
alter table account add column mobile_sealed bytea;
alter table account add column mobile_index char(64);
drop index account_citizen_id_uq;
drop index account_person_mobile_uq;
create unique index account_citizen_id_index_uq on account (citizen_id_index) where citizen_id_index is not null;
create unique index account_person_mobile_index_uq on account (mobile_index) where kind = 'PERSON';
