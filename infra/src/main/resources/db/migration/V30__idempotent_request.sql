-- The first successful answer to each (user, Idempotency-Key), written in the same transaction as
-- the events the request caused, so a retry after a lost answer replays it instead of acting twice.
CREATE TABLE idempotent_request (
    user_id         TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    request_hash    TEXT NOT NULL,
    status          INT,
    content_type    TEXT,
    body            BYTEA,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX idempotent_request_created ON idempotent_request (created_at);
