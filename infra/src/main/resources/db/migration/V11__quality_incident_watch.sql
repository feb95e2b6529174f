-- The incident currently open for a contract's quality rule, so later failures attach to it instead
-- of opening another. Written by the quality-incidents processor in the same transaction as the
-- commands it sends; a row goes away when its incident is resolved.
CREATE TABLE quality_incident_watch (
    contract_id TEXT NOT NULL,
    rule        TEXT NOT NULL,
    incident_id TEXT NOT NULL UNIQUE,
    opened_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (contract_id, rule)
);
