-- A catalog row carries its contract's document (about 1.7 KB of JSON in the demo contracts) beside the
-- columns the catalog lists, which takes most rows past PostgreSQL's 2 KB TOAST threshold: PostgreSQL then
-- compresses the document with pglz on every write and decompresses it on every read. In a catalog rebuild
-- that compression was a third of the CPU of the process that takes the rows (BENCHMARKS.md, 3). Rows up to
-- a page now stay whole and uncompressed; a larger document is still compressed and moved out of the row.
-- The table is about a third larger. Rows written before this change stay compressed until written again
-- (a rebuild writes them all).
ALTER TABLE catalog_contract_version SET (toast_tuple_target = 8160);
