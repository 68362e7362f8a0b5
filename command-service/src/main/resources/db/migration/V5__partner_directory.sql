-- Every organisation that is or was a partner of a partnership: callers are scoped to these.
-- Kept by a subscribing event handler in the same transaction as PartnerJoined; filled here from
-- the events stored before it existed.
CREATE TABLE partner_directory (
    partnership_id  VARCHAR(255) NOT NULL,
    organisation_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (partnership_id, organisation_id)
);
CREATE INDEX partner_directory_by_organisation ON partner_directory (organisation_id);

INSERT INTO partner_directory (partnership_id, organisation_id)
SELECT DISTINCT aggregateIdentifier, convert_from(payload, 'UTF8')::jsonb ->> 'organisationId'
FROM DomainEventEntry
WHERE payloadType = 'org.partnershiptracker.events.partnership.PartnerJoined'
ON CONFLICT DO NOTHING;

-- Idempotency keys are also scoped to the caller's organisation (a 16-hex digest of it): one
-- organisation's key never replays another's answer.
ALTER TABLE idempotency_record ALTER COLUMN idempotency_key TYPE VARCHAR(400);
