-- A departed partner still reads its history but no longer writes: the directory keeps when it left
-- (null while it is a partner; a partner that joins again is current again).
ALTER TABLE partner_directory ADD COLUMN left_on DATE;

UPDATE partner_directory d
SET left_on = (convert_from(e.payload, 'UTF8')::jsonb ->> 'leftOn')::date
FROM DomainEventEntry e
WHERE e.payloadType = 'org.partnershiptracker.events.partnership.PartnerLeft'
  AND e.aggregateIdentifier = d.partnership_id
  AND convert_from(e.payload, 'UTF8')::jsonb ->> 'organisationId' = d.organisation_id
  AND e.globalIndex > (
      SELECT max(j.globalIndex) FROM DomainEventEntry j
      WHERE j.payloadType = 'org.partnershiptracker.events.partnership.PartnerJoined'
        AND j.aggregateIdentifier = d.partnership_id
        AND convert_from(j.payload, 'UTF8')::jsonb ->> 'organisationId' = d.organisation_id);
