-- Incidents and their timelines, rebuilt from the event log alone.
CREATE TABLE incident (
    incident_id         VARCHAR(100) PRIMARY KEY,
    contract_id         VARCHAR(200) NOT NULL,
    version             VARCHAR(100) NOT NULL,
    domain              VARCHAR(63)  NOT NULL,
    kind                VARCHAR(20)  NOT NULL,
    severity            VARCHAR(10)  NOT NULL,
    -- an opening quality run's title quotes the contract id and rule, longer than a person's may be
    title               TEXT         NOT NULL,
    description         TEXT         NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    rule                VARCHAR(200),
    consumers           JSONB        NOT NULL,
    raised_by           VARCHAR(255) NOT NULL,
    raised_at           TIMESTAMPTZ  NOT NULL,
    acknowledge_by      TIMESTAMPTZ  NOT NULL,
    acknowledged_at     TIMESTAMPTZ,
    acknowledged_by     VARCHAR(255),
    assignee            VARCHAR(255),
    escalated_at        TIMESTAMPTZ,
    escalated_to        VARCHAR(255),
    resolved_at         TIMESTAMPTZ,
    resolved_by         VARCHAR(255),
    resolution          VARCHAR(30),
    resolution_comment  TEXT,
    postmortem_required BOOLEAN      NOT NULL DEFAULT FALSE,
    postmortem          TEXT,
    postmortem_by       VARCHAR(255),
    postmortem_at       TIMESTAMPTZ,
    closed_at           TIMESTAMPTZ,
    closed_by           VARCHAR(255),
    -- failed runs of a quality incident's rule, the opening run included
    failures            INTEGER      NOT NULL DEFAULT 0,
    last_failure_run_id VARCHAR(200),
    last_failure_run_at TIMESTAMPTZ,
    recovered_at        TIMESTAMPTZ
);
CREATE INDEX incident_raised ON incident (raised_at DESC, incident_id);
CREATE INDEX incident_status ON incident (status, severity);
CREATE INDEX incident_domain ON incident (domain, status);
CREATE INDEX incident_contract ON incident (contract_id);

-- One row per incident event, keyed by the event's id so that a redelivered event changes nothing.
CREATE TABLE incident_timeline (
    event_id    VARCHAR(255) PRIMARY KEY,
    incident_id VARCHAR(100) NOT NULL,
    sequence    BIGINT       NOT NULL,
    type        VARCHAR(30)  NOT NULL,
    actor       VARCHAR(255),
    occurred_at TIMESTAMPTZ  NOT NULL,
    details     JSONB        NOT NULL,
    UNIQUE (incident_id, sequence)
);
