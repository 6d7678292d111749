-- Issue 8: what intake remembers of each file of the inbox: its size and modification time when
-- its content was last hashed, and that hash. A file unchanged since is not read or hashed again;
-- the store still decides, by the hash, whether its content is stored. Portable SQL.
CREATE TABLE inbox_file (
    source_key    VARCHAR(1000) PRIMARY KEY,
    file_size     BIGINT        NOT NULL,
    -- microseconds since the epoch
    modified      BIGINT        NOT NULL,
    content_hash  CHAR(64)      NOT NULL
);
