-- Issue 8: when a funding announcement was first reported, found without reading documents. Each
-- sum of money carries its document's brief date and relevance (neither changes once a version is
-- stored), and an index by announcement and date finds the earliest report of a key in a few index
-- entries: composing a digest on a store of a million documents had joined every mention of the
-- window's keys (hundreds each) to its document. Portable SQL.
ALTER TABLE money_mention ADD COLUMN brief_date DATE;
ALTER TABLE money_mention ADD COLUMN relevant BOOLEAN;
UPDATE money_mention SET
    brief_date = (SELECT d.brief_date FROM document d WHERE d.id = money_mention.document_id),
    relevant = (SELECT d.relevant FROM document d WHERE d.id = money_mention.document_id);
ALTER TABLE money_mention ALTER COLUMN brief_date SET NOT NULL;
ALTER TABLE money_mention ALTER COLUMN relevant SET NOT NULL;
CREATE INDEX money_mention_first_ix ON money_mention (announcement, brief_date);
-- the new index serves every lookup by announcement
DROP INDEX money_mention_announcement_ix;
