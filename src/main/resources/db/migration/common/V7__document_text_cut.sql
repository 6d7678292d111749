-- Issue 7: a document whose text was longer than watchbrief.intake.max-characters is stored cut,
-- and flagged so, for the operator to see (ingest lists it) and for a later full read.
ALTER TABLE document ADD COLUMN text_cut BOOLEAN DEFAULT FALSE NOT NULL;
