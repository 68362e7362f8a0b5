-- Keys are scoped to the partnership named in the path ("<partnership>␠<key>"), so they are wider
-- than the 255 characters a client may send; records older than the retention period are deleted.
ALTER TABLE idempotency_record ALTER COLUMN idempotency_key TYPE VARCHAR(330);
CREATE INDEX idempotency_record_by_age ON idempotency_record (created_at);
