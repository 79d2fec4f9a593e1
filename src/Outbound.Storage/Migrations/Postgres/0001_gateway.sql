-- The gateway's tables on PostgreSQL. Times are UTC text, ISO 8601 with seven fractional digits
-- (2026-11-29T12:00:00.0000000Z), exactly as the audit chain hashes them (timestamptz keeps only microseconds).
-- No table but quarantine holds a record, and quarantine holds it sealed (AES-256-GCM under a key kept outside
-- the database).

-- Ledger: one row per person counted, keyed by the subject key (an HMAC, never the identifier).
CREATE TABLE ledger_subject (
    handler     text    NOT NULL,
    year        integer NOT NULL,
    sensitivity integer NOT NULL CHECK (sensitivity IN (0, 1)),   -- 0 non-sensitive, 1 sensitive
    key_id      text    NOT NULL,
    subject     bytea   NOT NULL CHECK (length(subject) = 32),
    PRIMARY KEY (handler, year, sensitivity, key_id, subject)
);

-- The number of rows above per handler, year and sensitivity, updated in the same transaction.
CREATE TABLE ledger_total (
    handler     text    NOT NULL,
    year        integer NOT NULL,
    sensitivity integer NOT NULL CHECK (sensitivity IN (0, 1)),
    persons     bigint  NOT NULL CHECK (persons >= 0),
    PRIMARY KEY (handler, year, sensitivity)
);

-- Approvals on file (assessment decisions, standard contracts, certificates), in the order imported.
CREATE TABLE approval (
    ordinal         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    handler         text   NOT NULL,
    id              text   NOT NULL,
    kind            text   NOT NULL,
    effective       text   NOT NULL,
    filed           text,
    filing_number   text,
    valid_until     text,
    status          text   NOT NULL,
    recipients      text   NOT NULL,   -- JSON array of text
    purposes        text   NOT NULL,   -- JSON array of text
    categories      text   NOT NULL,   -- JSON array of text
    max_individuals bigint,
    triggers        text   NOT NULL,   -- JSON array of wire names
    imported        text   NOT NULL,
    UNIQUE (handler, id)
);

-- Export runs and the batches each committed.
CREATE TABLE export_run (
    run_id             text PRIMARY KEY,
    input_digest       text NOT NULL,
    transfer_id        text NOT NULL,
    handler            text NOT NULL,
    destination        text NOT NULL,
    policy_digest      text NOT NULL,
    declaration_digest text NOT NULL,
    started            text NOT NULL
);

CREATE TABLE batch_manifest (
    run_id         text    NOT NULL REFERENCES export_run (run_id),
    batch          integer NOT NULL,
    first_position bigint  NOT NULL,
    last_position  bigint  NOT NULL,
    records        bigint  NOT NULL,
    released       bigint  NOT NULL,
    retained       bigint  NOT NULL,
    unreadable     bigint  NOT NULL,
    part_file      text,
    part_digest    text,
    batch_digest   text    NOT NULL,
    year           integer NOT NULL,
    committed      text    NOT NULL,
    PRIMARY KEY (run_id, batch)
);

-- Retained records, sealed. The only table that holds a record's content.
CREATE TABLE quarantine (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id   text    NOT NULL,
    batch    integer NOT NULL,
    position bigint  NOT NULL,
    reason   text    NOT NULL,   -- wire name, e.g. SCOPE_EXCEEDED
    rule_id  text,
    detail   text    NOT NULL,
    sealed   bytea   NOT NULL,
    key_id   text    NOT NULL,
    retained text    NOT NULL,
    released text
);

CREATE INDEX quarantine_run ON quarantine (run_id, id);

-- The audit log: append-only, each entry chained to the one before by its hash.
CREATE TABLE audit_log (
    sequence bigint PRIMARY KEY,
    kind     text  NOT NULL,
    actor    text  NOT NULL,
    time     text  NOT NULL,
    body     text  NOT NULL,
    previous bytea NOT NULL CHECK (length(previous) = 32),
    hash     bytea NOT NULL CHECK (length(hash) = 32)
);

-- The log's head (last sequence and hash): one row, locked (FOR UPDATE) by every append, so sequence numbers stay
-- gap-free and chained when several nodes append at once.
CREATE TABLE audit_head (
    id       integer PRIMARY KEY CHECK (id = 1),
    sequence bigint  NOT NULL,
    hash     bytea   NOT NULL
);

INSERT INTO audit_head (id, sequence, hash) VALUES (1, 0, decode(repeat('00', 32), 'hex'));

-- Signed checkpoints of the head.
CREATE TABLE audit_checkpoint (
    sequence  bigint PRIMARY KEY,
    hash      bytea  NOT NULL,
    time      text   NOT NULL,
    key_id    text   NOT NULL,
    signature bytea  NOT NULL
);

CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'The table % is append-only: rows cannot be changed or deleted.', TG_TABLE_NAME;
END
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
