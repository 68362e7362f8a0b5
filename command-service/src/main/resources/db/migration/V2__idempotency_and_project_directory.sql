-- Responses to writes sent with an Idempotency-Key, so that a retry returns the first answer.
CREATE TABLE idempotency_record (
    idempotency_key     VARCHAR(255) PRIMARY KEY,
    request_fingerprint CHAR(64)     NOT NULL,
    state               VARCHAR(16)  NOT NULL,  -- IN_PROGRESS or COMPLETED
    status_code         INTEGER,
    content_type        VARCHAR(255),
    location            VARCHAR(1024),
    response_body       BYTEA,
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Which partnership each project belongs to: the command side's lookup for commands that refer
-- to a project from the partnership (a meeting about a project) and for the audit history.
CREATE TABLE project_directory (
    project_id     VARCHAR(64) PRIMARY KEY,
    partnership_id VARCHAR(64) NOT NULL
);
CREATE INDEX project_directory_by_partnership ON project_directory (partnership_id);
