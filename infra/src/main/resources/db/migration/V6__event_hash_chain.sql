-- A hash chain over the event log, so that auditors can tell whether any stored event was altered,
-- removed or moved. The byte layout is in ADR 9; EventChainVerifier must compute the same bytes.

-- Nodes still running without the chain must not append while existing events are chained.
LOCK TABLE domainevententry IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE event_chain (
    position      BIGINT PRIMARY KEY,
    global_index  BIGINT NOT NULL UNIQUE,
    previous_hash BYTEA  NOT NULL,
    hash          BYTEA  NOT NULL
);

-- The one row every appender locks: the lock is what makes positions gap-free and commit in order.
CREATE TABLE event_chain_head (
    id       BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
    position BIGINT  NOT NULL,
    hash     BYTEA   NOT NULL
);
INSERT INTO event_chain_head (position, hash) VALUES (0, decode(repeat('00', 32), 'hex'));

-- A 4-byte big-endian length before the bytes, so that no two different events share a form.
CREATE FUNCTION event_chain_field(value BYTEA) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE
AS $$ SELECT int4send(length(value)) || value $$;

-- Text in UTF-8; a missing type, revision or metadata hashes as no bytes.
CREATE FUNCTION event_chain_canonical(event domainevententry) RETURNS BYTEA
    LANGUAGE sql STABLE
AS $$
    SELECT event_chain_field(convert_to(coalesce(event.type, ''), 'UTF8'))
        || event_chain_field(convert_to(event.aggregateidentifier, 'UTF8'))
        || event_chain_field(convert_to(event.sequencenumber::text, 'UTF8'))
        || event_chain_field(convert_to(event.eventidentifier, 'UTF8'))
        || event_chain_field(convert_to(event."timestamp", 'UTF8'))
        || event_chain_field(convert_to(event.payloadtype, 'UTF8'))
        || event_chain_field(convert_to(coalesce(event.payloadrevision, ''), 'UTF8'))
        || event_chain_field(coalesce(event.metadata, ''::bytea))
        || event_chain_field(event.payload)
$$;

CREATE FUNCTION event_chain_append(event domainevententry) RETURNS VOID
    LANGUAGE plpgsql
AS $$
DECLARE
    head event_chain_head;
    next_hash BYTEA;
BEGIN
    -- held until commit: a later appender waits here, so a lower position always commits first
    SELECT * INTO head FROM event_chain_head FOR UPDATE;
    next_hash := sha256(head.hash || event_chain_canonical(event));
    INSERT INTO event_chain (position, global_index, previous_hash, hash)
    VALUES (head.position + 1, event.globalindex, head.hash, next_hash);
    UPDATE event_chain_head SET position = head.position + 1, hash = next_hash;
END
$$;

-- Chains what is already stored in one pass, keeping the running hash in a variable: updating the
-- head row once per event inside this one transaction would leave a version chain that every
-- following update walks again, which grows with the square of the log.
DO $$
DECLARE
    event domainevententry;
    previous BYTEA := decode(repeat('00', 32), 'hex');
    next_hash BYTEA;
    next_position BIGINT := 0;
BEGIN
    FOR event IN SELECT * FROM domainevententry ORDER BY globalindex LOOP
        next_position := next_position + 1;
        next_hash := sha256(previous || event_chain_canonical(event));
        INSERT INTO event_chain (position, global_index, previous_hash, hash)
        VALUES (next_position, event.globalindex, previous, next_hash);
        previous := next_hash;
    END LOOP;
    UPDATE event_chain_head SET position = next_position, hash = previous;
END
$$;

CREATE FUNCTION event_chain_on_append() RETURNS TRIGGER
    LANGUAGE plpgsql
AS $$
BEGIN
    PERFORM event_chain_append(NEW);
    RETURN NULL;
END
$$;

CREATE TRIGGER domainevententry_chain
    AFTER INSERT ON domainevententry
    FOR EACH ROW EXECUTE FUNCTION event_chain_on_append();
