-- The chain head, signed now and then, so that an export can be checked against a hash the database
-- alone could not have forged (ADR 10). The public key is kept per row: a key may be rotated, and
-- a demo node signs with a key of its own.
CREATE TABLE event_chain_checkpoint (
    id         BIGSERIAL PRIMARY KEY,
    position   BIGINT      NOT NULL,
    hash       BYTEA       NOT NULL,
    signed_at  TIMESTAMPTZ NOT NULL,
    signature  BYTEA       NOT NULL,
    public_key BYTEA       NOT NULL
);

CREATE INDEX event_chain_checkpoint_position ON event_chain_checkpoint (position);
