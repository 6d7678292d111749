-- Issue 5: operators resend a digest (`watchbrief resend`); each recipient's row counts the
-- resends, whose Message-ID differs from the delivery's, and records when a send was last tried
-- (a row tried but never marked SENT may have reached the server before a crash).
ALTER TABLE outbox ADD COLUMN resends INT DEFAULT 0 NOT NULL;
ALTER TABLE outbox ADD COLUMN last_attempt_at TIMESTAMP WITH TIME ZONE;
