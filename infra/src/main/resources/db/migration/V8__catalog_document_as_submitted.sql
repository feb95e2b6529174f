-- jsonb reorders keys; a contract is served back in the order its owners wrote it.
ALTER TABLE catalog_contract_version ALTER COLUMN document TYPE json USING document::json;
