-- The gateway's tables on SQLite. Times are UTC text, ISO 8601 with seven fractional digits
-- (2026-11-29T12:00:00.0000000Z), exactly as the audit chain hashes them. No table but quarantine holds a record,
-- and quarantine holds it sealed (AES-256-GCM under a key kept outside the database).

-- Ledger: one row per person counted, keyed by the subject key (an HMAC, never the identifier).
CREATE TABLE ledger_subject (
    handler     TEXT    NOT NULL,
    year        INTEGER NOT NULL,
    sensitivity INTEGER NOT NULL CHECK (sensitivity IN (0, 1)),   -- 0 non-sensitive, 1 sensitive
    key_id      TEXT    NOT NULL,
    subject     BLOB    NOT NULL CHECK (length(subject) = 32),
    PRIMARY KEY (handler, year, sensitivity, key_id, subject)
) WITHOUT ROWID;

-- The number of rows above per handler, year and sensitivity, updated in the same transaction.
CREATE TABLE ledger_total (
    handler     TEXT    NOT NULL,
    year        INTEGER NOT NULL,
    sensitivity INTEGER NOT NULL CHECK (sensitivity IN (0, 1)),
    persons     INTEGER NOT NULL CHECK (persons >= 0),
    PRIMARY KEY (handler, year, sensitivity)
) WITHOUT ROWID;

-- Approvals on file (assessment decisions, standard contracts, certificates), in the order imported.
CREATE TABLE approval (
    ordinal         INTEGER PRIMARY KEY AUTOINCREMENT,
    handler         TEXT    NOT NULL,
    id              TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    effective       TEXT    NOT NULL,
    filed           TEXT,
    filing_number   TEXT,
    valid_until     TEXT,
    status          TEXT    NOT NULL,
    recipients      TEXT    NOT NULL,   -- JSON array of text
    purposes        TEXT    NOT NULL,   -- JSON array of text
    categories      TEXT    NOT NULL,   -- JSON array of text
    max_individuals INTEGER,
    triggers        TEXT    NOT NULL,   -- JSON array of wire names
    imported        TEXT    NOT NULL,
    UNIQUE (handler, id)
);

-- Export runs and the batches each committed.
CREATE TABLE export_run (
    run_id             TEXT PRIMARY KEY,
    input_digest       TEXT NOT NULL,
    transfer_id        TEXT NOT NULL,
    handler            TEXT NOT NULL,
    destination        TEXT NOT NULL,
    policy_digest      TEXT NOT NULL,
    declaration_digest TEXT NOT NULL,
    started            TEXT NOT NULL
);

CREATE TABLE batch_manifest (
    run_id         TEXT    NOT NULL REFERENCES export_run (run_id),
    batch          INTEGER NOT NULL,
    first_position INTEGER NOT NULL,
    last_position  INTEGER NOT NULL,
    records        INTEGER NOT NULL,
    released       INTEGER NOT NULL,
    retained       INTEGER NOT NULL,
    unreadable     INTEGER NOT NULL,
    part_file      TEXT,
    part_digest    TEXT,
    batch_digest   TEXT    NOT NULL,
    year           INTEGER NOT NULL,
    committed      TEXT    NOT NULL,
    PRIMARY KEY (run_id, batch)
);

-- Retained records, sealed. The only table that holds a record's content.
CREATE TABLE quarantine (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id   TEXT    NOT NULL,
    batch    INTEGER NOT NULL,
    position INTEGER NOT NULL,
    reason   TEXT    NOT NULL,   -- wire name, e.g. SCOPE_EXCEEDED
    rule_id  TEXT,
    detail   TEXT    NOT NULL,
    sealed   BLOB    NOT NULL,
    key_id   TEXT    NOT NULL,
    retained TEXT    NOT NULL,
    released TEXT
);

CREATE INDEX quarantine_run ON quarantine (run_id, id);

-- The audit log: append-only, each entry chained to the one before by its hash.
CREATE TABLE audit_log (
    sequence INTEGER PRIMARY KEY,
    kind     TEXT NOT NULL,
    actor    TEXT NOT NULL,
    time     TEXT NOT NULL,
    body     TEXT NOT NULL,
    previous BLOB NOT NULL CHECK (length(previous) = 32),
    hash     BLOB NOT NULL CHECK (length(hash) = 32)
);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'The audit log is append-only: entries cannot be changed.');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'The audit log is append-only: entries cannot be deleted.');
END;

-- The log's head (last sequence and hash): one row, read and updated by every append.
CREATE TABLE audit_head (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    sequence INTEGER NOT NULL,
    hash     BLOB    NOT NULL
);

INSERT INTO audit_head (id, sequence, hash) VALUES (1, 0, zeroblob(32));

-- Signed checkpoints of the head.
CREATE TABLE audit_checkpoint (
    sequence  INTEGER PRIMARY KEY,
    hash      BLOB NOT NULL,
    time      TEXT NOT NULL,
    key_id    TEXT NOT NULL,
    signature BLOB NOT NULL
);

CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE ON audit_checkpoint
BEGIN
    SELECT RAISE(ABORT, 'Audit checkpoints are append-only: they cannot be changed.');
END;

CREATE TRIGGER audit_checkpoint_no_delete BEFORE DELETE ON audit_checkpoint
BEGIN
    SELECT RAISE(ABORT, 'Audit checkpoints are append-only: they cannot be deleted.');
END;
