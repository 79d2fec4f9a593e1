-- The ledger in blocks of keys. One row per person made a batch of 10,000 new persons 10,000 inserts into
-- ledger_recent, and every move of a million recent persons a million inserts into ledger_key's index: each a trip
-- through SQLite's virtual machine and b-tree code, and most of an export's ledger time. Rows now hold many keys side by
-- side, each within one 4 KB page:
--   ledger_recent: up to 126 keys (4,032 bytes) in arrival order, appended as a batch gives them;
--   ledger_block:  up to 124 keys (3,968 bytes) in key order, with the greatest one apart and indexed, the blocks of a
--                  scope covering disjoint ranges in key order. A key is looked up in the one block whose range can hold
--                  it (the first whose last key is not less); a move merges the recent keys into the blocks whose ranges
--                  they fall in and rewrites only those.
-- The keys of ledger_key and ledger_recent go into blocks here. (A process reads the recent level from its start when
-- it opens the store, which is when this script runs.)

CREATE TABLE ledger_block (
    scope    INTEGER NOT NULL,                                   -- ledger_scope (id)
    last     BLOB    NOT NULL CHECK (length(last) = 32),         -- the greatest key of the block
    subjects BLOB    NOT NULL CHECK (length(subjects) BETWEEN 32 AND 3968 AND length(subjects) % 32 = 0 AND substr(subjects, -32) = last)
);

CREATE UNIQUE INDEX ledger_block_range ON ledger_block (scope, last);

INSERT INTO ledger_block (scope, last, subjects)
SELECT scope, max(subject), unhex(group_concat(hex(subject), '' ORDER BY subject))
FROM (
    SELECT scope, subject, (row_number() OVER (PARTITION BY scope ORDER BY subject) - 1) / 124 AS block
    FROM (SELECT scope, subject FROM ledger_key UNION SELECT scope, subject FROM ledger_recent)
)
GROUP BY scope, block;

DROP VIEW ledger_subject;

DROP TABLE ledger_key;

DROP TABLE ledger_recent;

CREATE TABLE ledger_recent (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,   -- arrival order; never reused, so readers can go on from the last they saw
    scope    INTEGER NOT NULL,                    -- ledger_scope (id)
    subjects BLOB    NOT NULL CHECK (length(subjects) BETWEEN 32 AND 4032 AND length(subjects) % 32 = 0)   -- 32-byte keys, side by side
);

-- Every person counted, one row each, from both levels.
CREATE VIEW ledger_subject (handler, year, sensitivity, key_id, subject) AS
WITH RECURSIVE slot (n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM slot WHERE n < 125),
keys (scope, subject) AS (
    SELECT b.scope, substr(b.subjects, slot.n * 32 + 1, 32) FROM ledger_block b JOIN slot ON slot.n * 32 < length(b.subjects)
    UNION ALL
    SELECT r.scope, substr(r.subjects, slot.n * 32 + 1, 32) FROM ledger_recent r JOIN slot ON slot.n * 32 < length(r.subjects)
)
SELECT s.handler, s.year, s.sensitivity, s.key_id, k.subject FROM keys k JOIN ledger_scope s ON s.id = k.scope;
