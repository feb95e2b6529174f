-- Domains as the command side sees them; kept in the same transaction as the domain's events.
CREATE TABLE domain_directory (
    domain_id     VARCHAR(63)  PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    description   TEXT,
    owner_group   VARCHAR(100) NOT NULL,
    member_group  VARCHAR(100) NOT NULL,
    registered_by VARCHAR(255) NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL
);

-- The catalog: one row per contract version, rebuilt from the event log alone.
CREATE TABLE catalog_contract_version (
    contract_id      VARCHAR(200) NOT NULL,
    version          VARCHAR(100) NOT NULL,
    major            INTEGER      NOT NULL,
    minor            INTEGER      NOT NULL,
    patch            INTEGER      NOT NULL,
    revision         INTEGER      NOT NULL,
    status           VARCHAR(30)  NOT NULL,
    domain           VARCHAR(63)  NOT NULL,
    name             TEXT,
    description      TEXT,
    property_names   TEXT         NOT NULL,
    proposed_by      VARCHAR(255) NOT NULL,
    proposed_at      TIMESTAMPTZ  NOT NULL,
    decided_at       TIMESTAMPTZ,
    published_at     TIMESTAMPTZ,
    content_hash     CHAR(64)     NOT NULL,
    compared_with    VARCHAR(100),
    change_level     VARCHAR(20)  NOT NULL,
    changes          JSONB        NOT NULL,
    document         JSONB        NOT NULL,
    reviews          JSONB        NOT NULL DEFAULT '[]'::jsonb,
    escalations      JSONB        NOT NULL DEFAULT '[]'::jsonb,
    status_reason    TEXT,
    PRIMARY KEY (contract_id, version)
);
CREATE INDEX catalog_contract_version_domain ON catalog_contract_version (domain);
CREATE INDEX catalog_contract_version_status ON catalog_contract_version (status);

-- One process per governed case, even when two nodes handle the same event or an event is redelivered.
CREATE TABLE workflow_case (
    case_key     VARCHAR(300) PRIMARY KEY,
    process_key  VARCHAR(100) NOT NULL,
    started_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
