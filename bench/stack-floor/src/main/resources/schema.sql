CREATE TABLE IF NOT EXISTS floor_event (id bigserial PRIMARY KEY, payload bytea NOT NULL);
