-- ShedLock's table: one row per lock (a briefing window being briefed), held until lock_until.
-- locked_by names the holder (host and process id), so a message can say who holds it.
CREATE TABLE shedlock (
    name        VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until  TIMESTAMP(3) NOT NULL,
    locked_at   TIMESTAMP(3) NOT NULL,
    locked_by   VARCHAR(255) NOT NULL
);
