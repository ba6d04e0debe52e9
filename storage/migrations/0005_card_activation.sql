-- Ledger schema, version 5: the first-swipe activation (首刷激活) as a card payment of amount 0.
-- Rules as in 0001_initial.sql. card_payments already allowed transaction_type 'activation' but required
-- amount_fen > 0; an activation moves no money, so its amount is 0 and every other type's stays > 0.
-- SQLite cannot change a CHECK in place: the rows are copied aside, the table is dropped and created again
-- with the same columns, and the rows (same ids) go back, then the indexes. Foreign keys (outbox and
-- host_journal rows and the table's own original_payment_id point at card_payments) are deferred: the drop
-- leaves them dangling for a moment and re-inserting every parent row satisfies them again before the commit.
-- No rename: renaming would rewrite (or, dropped, not restore) the other tables' references.
PRAGMA defer_foreign_keys = ON;

CREATE TEMP TABLE card_payments_copy AS SELECT * FROM card_payments;
DROP TABLE card_payments;

CREATE TABLE card_payments (
    id                 INTEGER PRIMARY KEY,
    tender_id          INTEGER UNIQUE REFERENCES tenders (id),
    transaction_type   TEXT NOT NULL CHECK (transaction_type IN ('sale', 'void', 'refund', 'activation')),
    amount_fen         INTEGER NOT NULL
        CHECK (CASE WHEN transaction_type = 'activation' THEN amount_fen = 0 ELSE amount_fen > 0 END),
    pan_masked         TEXT NOT NULL CHECK (length(pan_masked) BETWEEN 12 AND 23),
    pan_hmac           BLOB NOT NULL CHECK (length(pan_hmac) = 32),
    pan_hmac_key_id    INTEGER NOT NULL,
    card_organisation  TEXT NOT NULL DEFAULT '',
    entry_mode         TEXT NOT NULL CHECK (entry_mode IN ('swipe', 'chip', 'contactless', 'fallback', 'manual')),
    terminal_id        TEXT NOT NULL,
    merchant_id        TEXT NOT NULL,
    batch_no           INTEGER NOT NULL,
    stan               INTEGER NOT NULL CHECK (stan BETWEEN 1 AND 999999),
    local_ms           INTEGER NOT NULL,
    host_state         TEXT NOT NULL
        CHECK (host_state IN ('sending', 'approved', 'declined', 'reversal_pending', 'reversed', 'voided',
                              'refunded')),
    response_code      TEXT,
    rrn                TEXT,
    auth_code          TEXT,
    pin_verified       INTEGER NOT NULL DEFAULT 0 CHECK (pin_verified IN (0, 1)),
    original_payment_id INTEGER REFERENCES card_payments (id),
    updated_ms         INTEGER NOT NULL,
    UNIQUE (terminal_id, batch_no, stan)
);
INSERT INTO card_payments (id, tender_id, transaction_type, amount_fen, pan_masked, pan_hmac, pan_hmac_key_id,
    card_organisation, entry_mode, terminal_id, merchant_id, batch_no, stan, local_ms, host_state, response_code,
    rrn, auth_code, pin_verified, original_payment_id, updated_ms)
SELECT id, tender_id, transaction_type, amount_fen, pan_masked, pan_hmac, pan_hmac_key_id, card_organisation,
    entry_mode, terminal_id, merchant_id, batch_no, stan, local_ms, host_state, response_code, rrn, auth_code,
    pin_verified, original_payment_id, updated_ms
FROM card_payments_copy ORDER BY id;
DROP TABLE card_payments_copy;

CREATE INDEX card_payments_by_state ON card_payments (host_state) WHERE host_state IN ('sending', 'reversal_pending');
CREATE INDEX card_payments_by_pan ON card_payments (pan_hmac);
CREATE INDEX card_payments_by_rrn ON card_payments (rrn) WHERE rrn IS NOT NULL;
