-- Ledger schema, version 4: the onboarding application (product.md §2) and its sealed scans.
-- Rules as in 0001_initial.sql. Personal data (the whole draft: ID number, account number, ...; the
-- activation code; the scans) is stored only sealed with AES-256-GCM under a key kept outside this file
-- (activation/PersonalDataKey.h); sensitive_key_id names that key, so a wrong key is detected, never used to
-- mis-decrypt. The clear columns hold non-personal state only. merchant_profile keeps the onboarded
-- merchant's summary; its onboarding columns from 0001 are superseded by this table (its CHECK has no
-- 'submitting').
CREATE TABLE onboarding_application (
    id                     INTEGER PRIMARY KEY CHECK (id = 1),
    status                 TEXT NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'submitting', 'submitted', 'under_review', 'approved', 'rejected')),
    client_reference       TEXT,    -- idempotency key, committed before anything is sent
    application_id         TEXT,    -- the acquirer's, once it took the application
    review_reasons         TEXT,    -- JSON array of the last rejection's {code, field, message}
    merchant_id            TEXT,    -- once approved
    last_completed_page    INTEGER NOT NULL DEFAULT -1,
    sensitive_key_id       TEXT NOT NULL CHECK (length(sensitive_key_id) > 0),
    sealed_draft           BLOB,
    sealed_activation_code BLOB,
    updated_ms             INTEGER NOT NULL
);

CREATE TABLE onboarding_attachments (
    kind                   TEXT PRIMARY KEY CHECK (kind IN ('licence', 'id-front', 'id-back')),
    mime                   TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'application/pdf')),
    sha256                 TEXT NOT NULL CHECK (length(sha256) = 64),
    size_bytes             INTEGER NOT NULL CHECK (size_bytes > 0),
    sensitive_key_id       TEXT NOT NULL CHECK (length(sensitive_key_id) > 0),
    sealed_bytes           BLOB NOT NULL,
    updated_ms             INTEGER NOT NULL
);
