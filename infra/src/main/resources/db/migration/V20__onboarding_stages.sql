-- Every domain is at an onboarding stage; those registered before stages existed are pilots, as
-- their event history says (a registered domain starts as a pilot).
ALTER TABLE domain_directory ADD COLUMN stage VARCHAR(20) NOT NULL DEFAULT 'PILOT';
ALTER TABLE domain_directory ADD COLUMN stage_since TIMESTAMPTZ;
UPDATE domain_directory SET stage_since = registered_at;
ALTER TABLE domain_directory ALTER COLUMN stage_since SET NOT NULL;

-- Every request to move a domain, pending or decided, in the order it was asked.
CREATE TABLE domain_stage_change (
    request_id   VARCHAR(64)  PRIMARY KEY,
    domain_id    VARCHAR(63)  NOT NULL,
    from_stage   VARCHAR(20)  NOT NULL,
    to_stage     VARCHAR(20)  NOT NULL,
    reason       TEXT,
    requested_by VARCHAR(255) NOT NULL,
    requested_at TIMESTAMPTZ  NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    decided_by   VARCHAR(255),
    decided_at   TIMESTAMPTZ,
    comment      TEXT
);
CREATE INDEX domain_stage_change_domain ON domain_stage_change (domain_id, requested_at);
