-- The ledger, narrowed: the handler, year, sensitivity and key id every row repeated (some 50 bytes of a 90-byte
-- row) move to ledger_scope, and each person is one (scope, subject) row of ledger_key. Subject keys are random, so a
-- batch touches leaf pages all over the index and every page it touches is written at commit: half the bytes per row
-- is half the pages inserted into and written per batch. ledger_subject stays readable as a view.

CREATE TABLE ledger_scope (
    id          INTEGER PRIMARY KEY,
    handler     TEXT    NOT NULL,
    year        INTEGER NOT NULL,
    sensitivity INTEGER NOT NULL CHECK (sensitivity IN (0, 1)),   -- 0 non-sensitive, 1 sensitive
    key_id      TEXT    NOT NULL,
    UNIQUE (handler, year, sensitivity, key_id)
);

-- One row per person counted in a scope, keyed by the subject key (an HMAC, never the identifier).
CREATE TABLE ledger_key (
    scope   INTEGER NOT NULL,   -- ledger_scope (id)
    subject BLOB    NOT NULL CHECK (length(subject) = 32),
    PRIMARY KEY (scope, subject)
) WITHOUT ROWID;

INSERT INTO ledger_scope (handler, year, sensitivity, key_id)
SELECT DISTINCT handler, year, sensitivity, key_id FROM ledger_subject ORDER BY handler, year, sensitivity, key_id;

INSERT INTO ledger_key (scope, subject)
SELECT s.id, l.subject
FROM ledger_subject l JOIN ledger_scope s ON s.handler = l.handler AND s.year = l.year AND s.sensitivity = l.sensitivity AND s.key_id = l.key_id
ORDER BY s.id, l.subject;

DROP TABLE ledger_subject;

CREATE VIEW ledger_subject (handler, year, sensitivity, key_id, subject) AS
SELECT s.handler, s.year, s.sensitivity, s.key_id, k.subject FROM ledger_key k JOIN ledger_scope s ON s.id = k.scope;
