-- Quality results per contract version and rule, rebuilt from the event log alone.
CREATE TABLE quality_result (
    contract_id VARCHAR(200) NOT NULL,
    version     VARCHAR(100) NOT NULL,
    run_id      VARCHAR(200) NOT NULL,
    run_at      TIMESTAMPTZ  NOT NULL,
    rule        VARCHAR(200) NOT NULL,
    severity    VARCHAR(50)  NOT NULL,
    passed      BOOLEAN      NOT NULL,
    measured    DOUBLE PRECISION,
    details     TEXT,
    recorded_by VARCHAR(255) NOT NULL,
    PRIMARY KEY (contract_id, run_id, rule)
);
CREATE INDEX quality_result_version ON quality_result (contract_id, version, run_at);
