-- The applicant's ID number and the form data (which holds ID and phone numbers, addresses…) are stored SM4-sealed.
-- Rows written before this version are sealed at start-up by ApplicationDataUpgrade, which then clears the plaintext.
alter table application add column applicant_citizen_id_sealed bytea;
alter table application add column form_data_sealed bytea;
alter table application alter column applicant_citizen_id drop not null;
alter table application alter column form_data drop not null;
