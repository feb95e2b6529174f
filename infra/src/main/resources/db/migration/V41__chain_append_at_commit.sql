-- The chain's head row is locked from the moment an event is chained until the transaction commits
-- (V6), so positions commit in order and a reader paging by position never skips one. Chained by an
-- immediate trigger, the lock also covered everything the engine did between the append and the
-- commit (event handlers of the same transaction, the round trips, the engine's threads waiting for
-- a core), and concurrent commands queued behind it: with 16 clients an append waited 31 ms on
-- average for a lock held 2.5 ms per command (BENCHMARKS.md, 1). Deferred to commit, the trigger
-- runs, in insertion order, inside the COMMIT itself: the lock is held for the chaining and the WAL
-- flush only, and the order and gap-free positions are the same as before.
DROP TRIGGER domainevententry_chain ON domainevententry;

CREATE CONSTRAINT TRIGGER domainevententry_chain
    AFTER INSERT ON domainevententry
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION event_chain_on_append();
