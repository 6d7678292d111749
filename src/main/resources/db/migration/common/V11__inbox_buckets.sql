-- Issue 8: the inbox's files in buckets by name (intake.FileBuckets), each bucket's file count and
-- fingerprint when every file in it had been stored. A routine run passes over a bucket whose files
-- sum up the same without looking each of them up. Portable SQL.
CREATE TABLE inbox_bucket (
    bucket       INT     PRIMARY KEY,
    files        INT     NOT NULL,
    fingerprint  BIGINT  NOT NULL
);

-- The index on (source_key, version) serves every lookup by source key: this one only cost
-- every document stored a second random insert into an index.
DROP INDEX document_source_key_ix;
