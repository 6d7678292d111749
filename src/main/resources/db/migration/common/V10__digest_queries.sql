-- Composing a digest asks when each funding announcement was first reported, across the whole store.
CREATE INDEX money_mention_announcement_ix ON money_mention (announcement);
