-- P2C2R coordinator schema, version 2: result checking and trust. Applied after version 1.
-- A task may now run on several peers (its runs); every completed run has one ledger row, pending until the
-- result is verified or its hold window passes, then granted (or forfeit if the result was wrong).

-- Each completed run of a task on a peer: what it computed (digest) and how much work it reported.
CREATE TABLE runs (
    run_id              TEXT PRIMARY KEY,
    task_id             TEXT NOT NULL,
    peer_id             TEXT NOT NULL,
    host                TEXT NOT NULL,
    kind                TEXT NOT NULL,        -- primary | replica | audit | tiebreak | spot
    result_sha256       TEXT NOT NULL,
    work_units          INTEGER,
    processing_ms       REAL NOT NULL,
    finished_at         INTEGER NOT NULL,
    verdict             TEXT                  -- agreed | outvoted | null while unchecked
);
CREATE INDEX runs_by_task ON runs (task_id);

-- Per peer and task type: consecutive results that agreed with another peer's (trust rests on it).
CREATE TABLE trust (
    peer_id             TEXT NOT NULL,
    task_type           TEXT NOT NULL,
    consecutive_agreed  INTEGER NOT NULL,
    agreed              INTEGER NOT NULL,
    disagreed           INTEGER NOT NULL,
    last_disagreed_at   INTEGER NOT NULL,
    day                 INTEGER NOT NULL,
    started_today       INTEGER NOT NULL,
    PRIMARY KEY (peer_id, task_type)
);

-- One row per completed run. gamer_charge = peer_earning + fee on every row; rows the coordinator funds
-- (audits, spot checks) have a zero charge and a negative fee. A task's charge is the sum of its rows.
CREATE TABLE ledger_v2 (
    run_id              TEXT PRIMARY KEY,
    task_id             TEXT NOT NULL,
    gamer_id            TEXT,
    peer_id             TEXT NOT NULL,
    kind                TEXT NOT NULL,
    work_units          INTEGER,
    billed_micros       INTEGER NOT NULL,
    gamer_charge_nanos  INTEGER NOT NULL,
    peer_earning_nanos  INTEGER NOT NULL,
    fee_nanos           INTEGER NOT NULL,
    status              TEXT NOT NULL,
    hold_until          INTEGER NOT NULL,     -- pending earnings are granted after this (epoch ms) unless checked
    created_at          INTEGER NOT NULL,
    settled_at          INTEGER,
    CHECK (gamer_charge_nanos = peer_earning_nanos + fee_nanos),
    CHECK (peer_earning_nanos >= 0 AND gamer_charge_nanos >= 0),
    CHECK (status IN ('pending', 'granted', 'forfeit'))
);
INSERT INTO ledger_v2 (run_id, task_id, gamer_id, peer_id, kind, work_units, billed_micros, gamer_charge_nanos,
                       peer_earning_nanos, fee_nanos, status, hold_until, created_at, settled_at)
    SELECT task_id, task_id, gamer_id, peer_id, 'primary', NULL, billed_micros, gamer_charge_nanos,
           peer_earning_nanos, fee_nanos, 'granted', created_at, created_at, created_at FROM ledger;
DROP TABLE ledger;
ALTER TABLE ledger_v2 RENAME TO ledger;
CREATE INDEX ledger_by_task ON ledger (task_id);
CREATE INDEX ledger_pending ON ledger (status, hold_until);

-- total_earned_nanos is what has been granted; pending_nanos what waits on a check or a hold window.
ALTER TABLE peers ADD COLUMN pending_nanos INTEGER NOT NULL DEFAULT 0;

-- How far each task's delivered result was checked, and whether it was corrected.
ALTER TABLE tasks ADD COLUMN verify_mode TEXT NOT NULL DEFAULT 'first';
ALTER TABLE tasks ADD COLUMN verification TEXT;
ALTER TABLE tasks ADD COLUMN result_sha256 TEXT;
ALTER TABLE tasks ADD COLUMN corrected INTEGER NOT NULL DEFAULT 0;

-- Only verified or trusted results are served from the cache; pending ones wait here for their check.
ALTER TABLE results ADD COLUMN verification TEXT NOT NULL DEFAULT 'trusted';
ALTER TABLE results ADD COLUMN result_sha256 TEXT;

-- Each gamer's request ids and the task each named, so that a request sent again (after a reconnection) joins
-- its task or gets its stored answer instead of running and billing it twice. Kept for the cache lifetime.
CREATE TABLE requests (
    gamer_id            TEXT NOT NULL,
    request_id          TEXT NOT NULL,
    task_id             TEXT NOT NULL,
    created_at          INTEGER NOT NULL,
    PRIMARY KEY (gamer_id, request_id)
);
CREATE INDEX requests_by_age ON requests (created_at);
