-- P2C2R coordinator schema, version 1. Applied once to a new database; PRAGMA user_version records it.
-- Amounts are integer nano-dollars; times are Unix epoch milliseconds.

CREATE TABLE peers (
    peer_id             TEXT PRIMARY KEY,
    token_hash          TEXT NOT NULL,
    created_at          INTEGER NOT NULL,
    last_seen           INTEGER NOT NULL,
    platform            TEXT,
    cores               INTEGER,
    slots               INTEGER,
    software_version    TEXT,
    tasks_completed     INTEGER NOT NULL DEFAULT 0,
    total_earned_nanos  INTEGER NOT NULL DEFAULT 0,
    billed_micros       INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE gamers (
    gamer_id            TEXT PRIMARY KEY,
    token_hash          TEXT NOT NULL,
    created_at          INTEGER NOT NULL,
    last_seen           INTEGER NOT NULL,
    tasks_submitted     INTEGER NOT NULL DEFAULT 0,
    tasks_completed     INTEGER NOT NULL DEFAULT 0,
    total_spent_nanos   INTEGER NOT NULL DEFAULT 0
);

-- Every submitted task and what became of it.
-- status: lookup | queued | running | completed | cached | failed | timeout | cancelled | interrupted
CREATE TABLE tasks (
    task_id             TEXT PRIMARY KEY,
    request_id          TEXT NOT NULL,
    gamer_id            TEXT NOT NULL,
    task_type           TEXT NOT NULL,
    algorithm_version   TEXT NOT NULL,
    cache_key           TEXT NOT NULL,
    data                TEXT NOT NULL,
    status              TEXT NOT NULL,
    peer_id             TEXT,
    attempts            INTEGER NOT NULL DEFAULT 0,
    submitted_at        INTEGER NOT NULL,
    finished_at         INTEGER,
    processing_ms       REAL,
    error_code          TEXT,
    error               TEXT
);
CREATE INDEX tasks_by_gamer ON tasks (gamer_id, submitted_at);

-- Computed results, keyed by (type, canonical data, algorithm version); served from cache until expires_at.
CREATE TABLE results (
    cache_key           TEXT PRIMARY KEY,
    task_id             TEXT NOT NULL,
    task_type           TEXT NOT NULL,
    algorithm_version   TEXT NOT NULL,
    result              TEXT NOT NULL,
    processing_ms       REAL NOT NULL,
    peer_id             TEXT NOT NULL,
    created_at          INTEGER NOT NULL,
    expires_at          INTEGER NOT NULL
);
CREATE INDEX results_by_expiry ON results (expires_at);

-- One row per billed task; the primary key makes billing a task twice impossible.
CREATE TABLE ledger (
    task_id             TEXT PRIMARY KEY,
    gamer_id            TEXT NOT NULL,
    peer_id             TEXT NOT NULL,
    billed_micros       INTEGER NOT NULL,
    gamer_charge_nanos  INTEGER NOT NULL,
    peer_earning_nanos  INTEGER NOT NULL,
    fee_nanos           INTEGER NOT NULL,
    created_at          INTEGER NOT NULL,
    CHECK (gamer_charge_nanos = peer_earning_nanos + fee_nanos),
    CHECK (peer_earning_nanos >= 0 AND fee_nanos >= 0)
);
