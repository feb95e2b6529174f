-- Webhooks to provisioning, one row per event and receiver: the unique key makes a redelivered event
-- enqueue nothing, and the row keeps the exact body that is signed and every attempt's outcome.
CREATE TABLE webhook_delivery (
    id               BIGSERIAL    PRIMARY KEY,
    event_id         VARCHAR(100) NOT NULL,
    event_type       VARCHAR(200) NOT NULL,
    url              TEXT         NOT NULL,
    body             TEXT         NOT NULL,
    status           VARCHAR(20)  NOT NULL DEFAULT 'PENDING'
                     CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_attempt_at  TIMESTAMPTZ,
    last_status_code INTEGER,
    last_error       TEXT,
    delivered_at     TIMESTAMPTZ,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (event_id, url)
);
-- Delivered and failed rows pile up; the dispatcher only ever looks for pending rows that are due.
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
