-- Catalog search (GET /api/contracts?q=) looks for a term anywhere in the id, name, description and
-- property names (ILIKE '%term%'), which no b-tree serves: with 50,000 contracts every search read the
-- whole catalog (BENCHMARKS.md, benchmark 4). Trigram indexes serve such patterns for terms of three
-- characters or more, one per column so that the search keeps its exact meaning. pg_trgm comes with
-- PostgreSQL's contrib modules and is a trusted extension; where it cannot be created, search still
-- works, by reading the whole catalog as before.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'pg_trgm cannot be created (%): catalog search reads the whole catalog', SQLERRM;
END
$$;

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        CREATE INDEX catalog_contract_version_id_trgm
            ON catalog_contract_version USING gin (contract_id gin_trgm_ops);
        CREATE INDEX catalog_contract_version_name_trgm
            ON catalog_contract_version USING gin (name gin_trgm_ops);
        CREATE INDEX catalog_contract_version_description_trgm
            ON catalog_contract_version USING gin (description gin_trgm_ops);
        CREATE INDEX catalog_contract_version_property_names_trgm
            ON catalog_contract_version USING gin (property_names gin_trgm_ops);
    END IF;
END
$$;
