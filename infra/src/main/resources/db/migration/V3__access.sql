-- Open requests and active grants by scope, kept in the same transaction as the access events,
-- because the command side refuses a second request for a scope that is already held.
CREATE TABLE access_claim (
    request_id      VARCHAR(100) PRIMARY KEY,
    consumer_domain VARCHAR(63)  NOT NULL,
    contract_id     VARCHAR(200) NOT NULL,
    major           BIGINT       NOT NULL,
    properties_key  TEXT         NOT NULL,
    renews_grant_id VARCHAR(100)
);
CREATE INDEX access_claim_scope ON access_claim (consumer_domain, contract_id, major, properties_key);
-- Two racing first requests for one scope, or two renewals of one grant: the second transaction fails.
CREATE UNIQUE INDEX access_claim_one_first_request ON access_claim (consumer_domain, contract_id, major, properties_key)
    WHERE renews_grant_id IS NULL;
CREATE UNIQUE INDEX access_claim_one_renewal ON access_claim (renews_grant_id) WHERE renews_grant_id IS NOT NULL;

-- Access requests and the grants they became, rebuilt from the event log alone.
CREATE TABLE access_request (
    request_id           VARCHAR(100) PRIMARY KEY,
    contract_id          VARCHAR(200) NOT NULL,
    major                BIGINT       NOT NULL,
    contract_version     VARCHAR(100) NOT NULL,
    owning_domain        VARCHAR(63)  NOT NULL,
    consumer_domain      VARCHAR(63)  NOT NULL,
    purpose              TEXT         NOT NULL,
    properties           JSONB        NOT NULL,
    sensitive_properties JSONB        NOT NULL,
    until                TIMESTAMPTZ  NOT NULL,
    status               VARCHAR(20)  NOT NULL,
    approvals_needed     JSONB        NOT NULL,
    decisions            JSONB        NOT NULL DEFAULT '[]'::jsonb,
    requested_by         VARCHAR(255) NOT NULL,
    requested_at         TIMESTAMPTZ  NOT NULL,
    renews_grant_id      VARCHAR(100),
    granted_at           TIMESTAMPTZ,
    approved_by          JSONB,
    automatic_reason     TEXT,
    escalated_at         TIMESTAMPTZ,
    renewal_declined_at  TIMESTAMPTZ,
    ended_at             TIMESTAMPTZ,
    end_reason           TEXT
);
CREATE INDEX access_request_contract ON access_request (contract_id, major);
CREATE INDEX access_request_consumer ON access_request (consumer_domain);
CREATE INDEX access_request_status ON access_request (status);
