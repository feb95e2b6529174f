-- The facts the health metrics are computed from, written by the "metrics" processing group and
-- rebuilt from the event log alone. Each row keeps when things started and ended, so that any
-- figure can be asked for any window and any instant (ADR 12).

CREATE TABLE metric_domain (
    domain_id     TEXT        PRIMARY KEY,
    registered_at TIMESTAMPTZ NOT NULL
);

-- proposed_at is the first submission of the version; closed_at is set when it was rejected or
-- withdrawn; needs_governance is the review plan of its latest revision.
CREATE TABLE metric_contract_version (
    contract_id      TEXT        NOT NULL,
    version          TEXT        NOT NULL,
    domain           TEXT        NOT NULL,
    proposed_at      TIMESTAMPTZ NOT NULL,
    needs_governance BOOLEAN     NOT NULL,
    published_at TIMESTAMPTZ,
    retired_at   TIMESTAMPTZ,
    closed_at    TIMESTAMPTZ,
    PRIMARY KEY (contract_id, version)
);
CREATE INDEX metric_contract_version_domain ON metric_contract_version (domain);

-- One wait per revision and stage: OWNER and GOVERNANCE wait for a review decision,
-- CHANGES_REQUESTED for the proposer's next revision. outcome: approve, requestChanges, reject,
-- revised or withdrawn; decided_by is the reviewer for the first three.
CREATE TABLE metric_review_stage (
    contract_id  TEXT        NOT NULL,
    version      TEXT        NOT NULL,
    revision     INTEGER     NOT NULL,
    stage        TEXT        NOT NULL,
    domain       TEXT        NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL,
    ended_at     TIMESTAMPTZ,
    outcome      TEXT,
    decided_by   TEXT,
    escalated_at TIMESTAMPTZ,
    PRIMARY KEY (contract_id, version, revision, stage)
);
CREATE INDEX metric_review_stage_domain ON metric_review_stage (domain, started_at);

CREATE TABLE metric_quality_result (
    contract_id TEXT        NOT NULL,
    version     TEXT        NOT NULL,
    domain      TEXT        NOT NULL,
    run_id      TEXT        NOT NULL,
    run_at      TIMESTAMPTZ NOT NULL,
    rule        TEXT        NOT NULL,
    severity    TEXT        NOT NULL,
    passed      BOOLEAN     NOT NULL,
    PRIMARY KEY (contract_id, run_id, rule)
);
CREATE INDEX metric_quality_result_domain ON metric_quality_result (domain, run_at);

-- severity is the latest one: triage may change it when acknowledging.
CREATE TABLE metric_incident (
    incident_id     TEXT        PRIMARY KEY,
    contract_id     TEXT        NOT NULL,
    version         TEXT        NOT NULL,
    domain          TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    severity        TEXT        NOT NULL,
    title           TEXT        NOT NULL,
    raised_at       TIMESTAMPTZ NOT NULL,
    acknowledged_at TIMESTAMPTZ,
    escalated_at    TIMESTAMPTZ,
    resolved_at     TIMESTAMPTZ,
    closed_at       TIMESTAMPTZ
);
CREATE INDEX metric_incident_domain ON metric_incident (domain, raised_at);

-- sunset is the latest one; closed_at is set when the version was retired or the deprecation cancelled.
CREATE TABLE metric_deprecation (
    deprecation_id TEXT        PRIMARY KEY,
    contract_id    TEXT        NOT NULL,
    version        TEXT        NOT NULL,
    domain         TEXT        NOT NULL,
    deprecated_at  TIMESTAMPTZ NOT NULL,
    sunset         TIMESTAMPTZ NOT NULL,
    closed_at      TIMESTAMPTZ
);

CREATE TABLE metric_deprecation_consumer (
    deprecation_id  TEXT        NOT NULL,
    consumer_domain TEXT        NOT NULL,
    notified_at     TIMESTAMPTZ NOT NULL,
    acknowledged_at TIMESTAMPTZ,
    migrated_at     TIMESTAMPTZ,
    PRIMARY KEY (deprecation_id, consumer_domain)
);

-- A request and, when granted, its grant (the grant id is the request id). decided_at is when it
-- was granted or first denied; automatic grants needed nobody's decision.
CREATE TABLE metric_access_request (
    request_id      TEXT        PRIMARY KEY,
    contract_id     TEXT        NOT NULL,
    owning_domain   TEXT        NOT NULL,
    consumer_domain TEXT        NOT NULL,
    requested_at    TIMESTAMPTZ NOT NULL,
    decided_at      TIMESTAMPTZ,
    outcome         TEXT,
    automatic       BOOLEAN     NOT NULL DEFAULT FALSE,
    until           TIMESTAMPTZ NOT NULL,
    escalated_at    TIMESTAMPTZ,
    ended_at        TIMESTAMPTZ
);
CREATE INDEX metric_access_request_domain ON metric_access_request (owning_domain, requested_at);
