-- The people register: names and e-mail addresses live here, never in events. Events carry the
-- pseudonymous person_id only, so erasing a person (name and e-mail set to NULL) needs no rewrite
-- of the event store, Kafka or the read models. The erasure itself is kept: when, and by whom.
CREATE TABLE person (
    person_id       VARCHAR(64)  PRIMARY KEY,
    display_name    VARCHAR(200),
    email           VARCHAR(254),
    organisation_id VARCHAR(64),
    registered_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    erased_at       TIMESTAMPTZ,
    erased_by       VARCHAR(200),
    CONSTRAINT person_erased_has_no_personal_data
        CHECK (erased_at IS NULL OR (display_name IS NULL AND email IS NULL))
);
