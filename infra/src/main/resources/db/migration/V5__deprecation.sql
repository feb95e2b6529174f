-- Deprecations with where each consumer stands, rebuilt from the event log alone.
CREATE TABLE deprecation (
    deprecation_id      VARCHAR(100) PRIMARY KEY,
    contract_id         VARCHAR(200) NOT NULL,
    version             VARCHAR(100) NOT NULL,
    major               BIGINT       NOT NULL,
    domain              VARCHAR(63)  NOT NULL,
    reason              TEXT         NOT NULL,
    sunset              TIMESTAMPTZ  NOT NULL,
    replacement_version VARCHAR(100),
    status              VARCHAR(20)  NOT NULL,
    deprecated_by       VARCHAR(255) NOT NULL,
    deprecated_at       TIMESTAMPTZ  NOT NULL,
    consumers           JSONB        NOT NULL,
    sunset_decision_due BOOLEAN      NOT NULL DEFAULT FALSE,
    closed_at           TIMESTAMPTZ,
    close_reason        TEXT
);
CREATE INDEX deprecation_contract ON deprecation (contract_id, major, status);
CREATE INDEX deprecation_domain ON deprecation (domain, status);

ALTER TABLE catalog_contract_version ADD COLUMN sunset TIMESTAMPTZ;
ALTER TABLE catalog_contract_version ADD COLUMN replacement_version VARCHAR(100);
ALTER TABLE catalog_contract_version ADD COLUMN deprecation_id VARCHAR(100);
