-- The ledger in two levels. Subject keys are random, so inserting them one batch at a time into ledger_key's index
-- rewrites nearly one index page per new person at every commit (some 4 KB written per person once the index outgrows
-- the page cache). New persons now go to ledger_recent in arrival order — appended, a few pages per batch — and the
-- store keeps the recent keys in memory to tell new persons from known ones; when enough have gathered they move
-- into ledger_key in one sorted pass, which touches each index page once. ledger_state.generation counts those moves,
-- so another process holding recent keys in memory knows to read them again.

CREATE TABLE ledger_recent (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,   -- arrival order; never reused, so readers can go on from the last they saw
    scope   INTEGER NOT NULL,                    -- ledger_scope (id)
    subject BLOB    NOT NULL CHECK (length(subject) = 32)
);

CREATE TABLE ledger_state (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    generation INTEGER NOT NULL
);

INSERT INTO ledger_state (id, generation) VALUES (1, 0);

DROP VIEW ledger_subject;

CREATE VIEW ledger_subject (handler, year, sensitivity, key_id, subject) AS
SELECT s.handler, s.year, s.sensitivity, s.key_id, k.subject FROM ledger_key k JOIN ledger_scope s ON s.id = k.scope
UNION ALL
SELECT s.handler, s.year, s.sensitivity, s.key_id, r.subject FROM ledger_recent r JOIN ledger_scope s ON s.id = r.scope;
