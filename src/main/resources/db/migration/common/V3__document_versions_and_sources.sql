-- Issue 3: versions of a document, the revision a source gave each one, and the web sources'
-- watermarks. Portable SQL: the same script runs on H2 and PostgreSQL.

-- A document is known by its source key; each content taken in under that key is a version. The
-- digest lists the latest version only.
ALTER TABLE document ADD COLUMN revision VARCHAR(200);
ALTER TABLE document ADD COLUMN version INT DEFAULT 1 NOT NULL;
ALTER TABLE document ADD COLUMN latest BOOLEAN DEFAULT TRUE NOT NULL;
-- the answering member's role as the source gave it at the time of the answer
ALTER TABLE document ADD COLUMN answered_by_role VARCHAR(300);
-- the date an answer or statement was corrected
ALTER TABLE document ADD COLUMN corrected DATE;
-- a holding answer, kept until the substantive answer replaces it
ALTER TABLE document ADD COLUMN holding BOOLEAN DEFAULT FALSE NOT NULL;
-- the run that took the version in (intake or ingest)
ALTER TABLE document ADD COLUMN job_execution_id BIGINT;
CREATE INDEX document_key_version_ix ON document (source_key, version);
CREATE INDEX document_execution_ix ON document (job_execution_id);

ALTER TABLE quarantine ADD COLUMN revision VARCHAR(200);
CREATE INDEX quarantine_key_ix ON quarantine (source_key);
CREATE INDEX quarantine_execution_ix ON quarantine (job_execution_id);

-- How far each web source has been harvested: a run fetches from here on, and the mark moves
-- only once everything fetched has been stored or quarantined.
CREATE TABLE source_watermark (
    source      VARCHAR(100) PRIMARY KEY,
    watermark   VARCHAR(100) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
