-- Every version of the policy set, as proposed word for word, with its review and when it was in force.
CREATE TABLE policy_set_version (
    version      BIGINT       PRIMARY KEY,
    based_on     BIGINT,
    status       VARCHAR(20)  NOT NULL,
    document     TEXT         NOT NULL,
    content_hash CHAR(64)     NOT NULL,
    rules        JSONB        NOT NULL,
    changes      JSONB        NOT NULL,
    reason       TEXT,
    proposed_by  VARCHAR(255) NOT NULL,
    proposed_at  TIMESTAMPTZ  NOT NULL,
    decided_by   VARCHAR(255),
    decided_at   TIMESTAMPTZ,
    comment      TEXT,
    active_from  TIMESTAMPTZ,
    active_until TIMESTAMPTZ
);
-- the command side judges every command by the one active version
CREATE UNIQUE INDEX policy_set_version_one_active ON policy_set_version ((status)) WHERE status = 'ACTIVE';
