-- A decision issues its license once, whatever the number of nodes or retries of the issuing event: the second
-- insert for the same case fails and its retry finds the first license.
create unique index license_one_per_decision on license (application_number) where origin = 'DECISION';
