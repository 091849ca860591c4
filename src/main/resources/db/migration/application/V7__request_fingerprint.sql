-- The SM3 fingerprint of the request that created a case under an Idempotency-Key: a retry with the same key and
-- the same request returns the case, the same key with another request is refused (IDEMPOTENCY_KEY_REUSED).
-- Cases created before this column have none and are compared by item only, as before.
alter table application add column request_fingerprint char(64);
