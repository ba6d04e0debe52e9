-- Ledger schema, version 1. The book of record of one terminal. docs/ledger.md explains every table.
-- Rules: money is INTEGER fen; quantities are INTEGER thousandths; times are INTEGER milliseconds since the
-- Unix epoch (UTC) plus, where reports group by them, the shop's local business_date (YYYY-MM-DD) and hour.
-- Never stored anywhere: full card number, track data, CVV, PIN or PIN block, keys.
-- Migrations run inside one transaction each; PRAGMA user_version is set by the migrator.

PRAGMA application_id = 1347375948; -- 0x504F534C 'POSL': marks the file as a POS ledger

CREATE TABLE settings (
    key         TEXT PRIMARY KEY NOT NULL,
    value       TEXT NOT NULL,
    updated_ms  INTEGER NOT NULL
) WITHOUT ROWID;

-- Merchant as onboarded with the acquirer (one row). Personal data lives encrypted in sensitive_blob.
CREATE TABLE merchant_profile (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    registered_name    TEXT NOT NULL DEFAULT '',
    shop_name          TEXT NOT NULL DEFAULT '',
    uscc               TEXT NOT NULL DEFAULT '',
    mcc                TEXT NOT NULL DEFAULT '',
    onboarding_state   TEXT NOT NULL DEFAULT 'draft'
        CHECK (onboarding_state IN ('draft', 'submitted', 'under_review', 'approved', 'rejected', 'corrected',
                                    'resubmitted')),
    application_ref    TEXT,
    review_reasons     TEXT,
    sensitive_key_id   INTEGER,
    sensitive_blob     BLOB,
    updated_ms         INTEGER NOT NULL
);

-- This terminal as the acquirer knows it (one row). next_stan and batch_no are allocated here, committed
-- before any message carrying them is sent.
CREATE TABLE terminal_profile (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    terminal_id        TEXT,
    merchant_id        TEXT,
    pinpad_serial      TEXT,
    activation_state   TEXT NOT NULL DEFAULT 'not_activated'
        CHECK (activation_state IN ('not_activated', 'keys_loaded', 'signed_on', 'activated', 'suspended')),
    activated_ms       INTEGER,
    batch_no           INTEGER NOT NULL DEFAULT 1 CHECK (batch_no BETWEEN 1 AND 999999),
    next_stan          INTEGER NOT NULL DEFAULT 1 CHECK (next_stan BETWEEN 1 AND 999999),
    single_limit_fen   INTEGER CHECK (single_limit_fen IS NULL OR single_limit_fen >= 0),
    daily_limit_fen    INTEGER CHECK (daily_limit_fen IS NULL OR daily_limit_fen >= 0),
    enabled_tenders    TEXT NOT NULL DEFAULT 'cash',
    fee_schedule_json  TEXT,
    updated_ms         INTEGER NOT NULL
);

CREATE TABLE users (
    id                 INTEGER PRIMARY KEY,
    login              TEXT NOT NULL UNIQUE,
    display_name       TEXT NOT NULL,
    role               TEXT NOT NULL CHECK (role IN ('owner', 'supervisor', 'cashier', 'installer')),
    credential_hash    BLOB NOT NULL,
    credential_salt    BLOB NOT NULL,
    credential_params  TEXT NOT NULL,
    failed_attempts    INTEGER NOT NULL DEFAULT 0,
    locked_until_ms    INTEGER,
    active             INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_ms         INTEGER NOT NULL,
    updated_ms         INTEGER NOT NULL
);

CREATE TABLE shifts (
    id                 INTEGER PRIMARY KEY,
    cashier_id         INTEGER NOT NULL REFERENCES users (id),
    state              TEXT NOT NULL CHECK (state IN ('open', 'closed')),
    opened_ms          INTEGER NOT NULL,
    closed_ms          INTEGER,
    opening_float_fen  INTEGER NOT NULL CHECK (opening_float_fen >= 0),
    expected_cash_fen  INTEGER,
    counted_cash_fen   INTEGER,
    blind_count        INTEGER NOT NULL DEFAULT 0 CHECK (blind_count IN (0, 1)),
    z_report_no        INTEGER UNIQUE,
    CHECK ((state = 'open') = (closed_ms IS NULL))
);
CREATE UNIQUE INDEX shifts_one_open_per_cashier ON shifts (cashier_id) WHERE state = 'open';

CREATE TABLE cash_movements (
    id                 INTEGER PRIMARY KEY,
    shift_id           INTEGER NOT NULL REFERENCES shifts (id),
    kind               TEXT NOT NULL CHECK (kind IN ('cash_in', 'cash_out', 'no_sale')),
    amount_fen         INTEGER NOT NULL CHECK (amount_fen >= 0),
    reason             TEXT NOT NULL DEFAULT '',
    user_id            INTEGER NOT NULL REFERENCES users (id),
    approved_by        INTEGER REFERENCES users (id),
    created_ms         INTEGER NOT NULL
);
CREATE INDEX cash_movements_by_shift ON cash_movements (shift_id);

CREATE TABLE categories (
    id                 INTEGER PRIMARY KEY,
    name               TEXT NOT NULL,
    parent_id          INTEGER REFERENCES categories (id)
);

CREATE TABLE products (
    id                 INTEGER PRIMARY KEY,
    code               TEXT NOT NULL UNIQUE,
    name               TEXT NOT NULL,
    pinyin_initials    TEXT NOT NULL DEFAULT '',
    category_id        INTEGER REFERENCES categories (id),
    unit               TEXT NOT NULL DEFAULT 'piece' CHECK (unit IN ('piece', 'kg')),
    price_fen          INTEGER NOT NULL CHECK (price_fen >= 0),
    tax_rate_bp        INTEGER NOT NULL DEFAULT 1300 CHECK (tax_rate_bp BETWEEN 0 AND 10000),
    stock_milli        INTEGER NOT NULL DEFAULT 0,
    active             INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    updated_ms         INTEGER NOT NULL
);
CREATE INDEX products_by_category ON products (category_id);
CREATE INDEX products_by_pinyin ON products (pinyin_initials);

CREATE TABLE barcodes (
    barcode            TEXT PRIMARY KEY NOT NULL,
    product_id         INTEGER NOT NULL REFERENCES products (id)
) WITHOUT ROWID;
CREATE INDEX barcodes_by_product ON barcodes (product_id);

-- A sale, a refund (kind 'refund', original_sale_id set) or a no-sale correction. Totals are the sums of
-- the lines and of the tenders (ledger invariants checked by pos-tool ledger verify).
CREATE TABLE sales (
    id                 INTEGER PRIMARY KEY,
    sale_no            TEXT NOT NULL UNIQUE,
    kind               TEXT NOT NULL CHECK (kind IN ('sale', 'refund')),
    state              TEXT NOT NULL CHECK (state IN ('completed', 'voided')),
    original_sale_id   INTEGER REFERENCES sales (id),
    shift_id           INTEGER NOT NULL REFERENCES shifts (id),
    cashier_id         INTEGER NOT NULL REFERENCES users (id),
    subtotal_fen       INTEGER NOT NULL,
    discount_fen       INTEGER NOT NULL DEFAULT 0 CHECK (discount_fen >= 0),
    total_fen          INTEGER NOT NULL,
    tax_fen            INTEGER NOT NULL DEFAULT 0,
    created_ms         INTEGER NOT NULL,
    business_date      TEXT NOT NULL,
    hour               INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
    voided_ms          INTEGER,
    voided_by          INTEGER REFERENCES users (id),
    CHECK ((kind = 'refund') = (original_sale_id IS NOT NULL)),
    CHECK (total_fen = subtotal_fen - discount_fen)
);
CREATE INDEX sales_by_date ON sales (business_date, hour);
CREATE INDEX sales_by_shift ON sales (shift_id);
CREATE INDEX sales_by_cashier_date ON sales (cashier_id, business_date);
CREATE INDEX sales_by_original ON sales (original_sale_id) WHERE original_sale_id IS NOT NULL;

CREATE TABLE sale_lines (
    id                 INTEGER PRIMARY KEY,
    sale_id            INTEGER NOT NULL REFERENCES sales (id),
    line_no            INTEGER NOT NULL CHECK (line_no >= 1),
    product_id         INTEGER REFERENCES products (id),
    description        TEXT NOT NULL,
    quantity_milli     INTEGER NOT NULL CHECK (quantity_milli > 0),
    unit_price_fen     INTEGER NOT NULL CHECK (unit_price_fen >= 0),
    discount_fen       INTEGER NOT NULL DEFAULT 0 CHECK (discount_fen >= 0),
    total_fen          INTEGER NOT NULL,
    tax_rate_bp        INTEGER NOT NULL DEFAULT 0,
    tax_fen            INTEGER NOT NULL DEFAULT 0,
    original_line_id   INTEGER REFERENCES sale_lines (id),
    business_date      TEXT NOT NULL,
    UNIQUE (sale_id, line_no)
);
CREATE INDEX sale_lines_by_date_product ON sale_lines (business_date, product_id);
CREATE INDEX sale_lines_by_original ON sale_lines (original_line_id) WHERE original_line_id IS NOT NULL;

CREATE TABLE tenders (
    id                 INTEGER PRIMARY KEY,
    sale_id            INTEGER NOT NULL REFERENCES sales (id),
    tender_no          INTEGER NOT NULL CHECK (tender_no >= 1),
    kind               TEXT NOT NULL CHECK (kind IN ('cash', 'card', 'qr')),
    amount_fen         INTEGER NOT NULL,
    cash_given_fen     INTEGER,
    change_fen         INTEGER,
    created_ms         INTEGER NOT NULL,
    business_date      TEXT NOT NULL,
    hour               INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
    UNIQUE (sale_id, tender_no)
);
CREATE INDEX tenders_by_date ON tenders (business_date, kind, hour);

-- Card payments, one per card tender or per host exchange of a void/refund. A row exists from the moment the
-- intent is committed (host_state 'sending'), before the first byte reaches the host. The PAN is kept only
-- masked (6+4) and as a keyed hash for matching refunds.
CREATE TABLE card_payments (
    id                 INTEGER PRIMARY KEY,
    tender_id          INTEGER UNIQUE REFERENCES tenders (id),
    transaction_type   TEXT NOT NULL CHECK (transaction_type IN ('sale', 'void', 'refund', 'activation')),
    amount_fen         INTEGER NOT NULL CHECK (amount_fen > 0),
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
CREATE INDEX card_payments_by_state ON card_payments (host_state) WHERE host_state IN ('sending', 'reversal_pending');
CREATE INDEX card_payments_by_pan ON card_payments (pan_hmac);
CREATE INDEX card_payments_by_rrn ON card_payments (rrn) WHERE rrn IS NOT NULL;

CREATE TABLE qr_payments (
    id                 INTEGER PRIMARY KEY,
    tender_id          INTEGER UNIQUE REFERENCES tenders (id),
    transaction_type   TEXT NOT NULL CHECK (transaction_type IN ('pay', 'refund')),
    channel            TEXT NOT NULL CHECK (channel IN ('wechat', 'alipay', 'unionpay')),
    amount_fen         INTEGER NOT NULL CHECK (amount_fen > 0),
    out_trade_no       TEXT NOT NULL UNIQUE,
    channel_order_id   TEXT,
    state              TEXT NOT NULL
        CHECK (state IN ('created', 'user_paying', 'paid', 'not_paid', 'closed', 'unknown', 'reversed',
                         'refunded')),
    original_payment_id INTEGER REFERENCES qr_payments (id),
    created_ms         INTEGER NOT NULL,
    updated_ms         INTEGER NOT NULL
);
CREATE INDEX qr_payments_by_state ON qr_payments (state) WHERE state IN ('created', 'user_paying', 'unknown');

-- A summary of every exchange with the host. Never the message itself, never card data.
CREATE TABLE host_journal (
    id                 INTEGER PRIMARY KEY,
    created_ms         INTEGER NOT NULL,
    direction          TEXT NOT NULL CHECK (direction IN ('request', 'response', 'timeout', 'error')),
    message_kind       TEXT NOT NULL,
    mti                TEXT,
    stan               INTEGER,
    batch_no           INTEGER,
    rrn                TEXT,
    response_code      TEXT,
    card_payment_id    INTEGER REFERENCES card_payments (id),
    qr_payment_id      INTEGER REFERENCES qr_payments (id),
    duration_ms        INTEGER,
    note               TEXT NOT NULL DEFAULT ''
);
CREATE INDEX host_journal_by_time ON host_journal (created_ms);

-- Store-and-forward queue. idempotency_key makes enqueueing the same work twice a no-op. payload never
-- holds sensitive authentication data (no field 35, 52 or 55 card secrets).
CREATE TABLE outbox (
    id                 INTEGER PRIMARY KEY,
    kind               TEXT NOT NULL
        CHECK (kind IN ('reversal', 'advice', 'batch_upload', 'onboarding_submission', 'qr_query', 'qr_reverse')),
    idempotency_key    TEXT NOT NULL UNIQUE,
    card_payment_id    INTEGER REFERENCES card_payments (id),
    qr_payment_id      INTEGER REFERENCES qr_payments (id),
    payload            BLOB,
    reason_code        TEXT,
    -- armed: prepared with a card intent, not due; pending: due; cancelled: no longer needed (host answered)
    state              TEXT NOT NULL
        CHECK (state IN ('armed', 'pending', 'in_flight', 'done', 'failed', 'cancelled')),
    attempts           INTEGER NOT NULL DEFAULT 0,
    next_try_ms        INTEGER NOT NULL,
    last_error         TEXT,
    created_ms         INTEGER NOT NULL,
    updated_ms         INTEGER NOT NULL
);
CREATE INDEX outbox_due ON outbox (next_try_ms) WHERE state IN ('pending', 'in_flight');

CREATE TABLE settlement_batches (
    id                 INTEGER PRIMARY KEY,
    terminal_id        TEXT NOT NULL,
    batch_no           INTEGER NOT NULL,
    state              TEXT NOT NULL
        CHECK (state IN ('open', 'settling', 'balanced', 'unbalanced', 'uploading', 'closed')),
    opened_ms          INTEGER NOT NULL,
    closed_ms          INTEGER,
    local_debit_count  INTEGER NOT NULL DEFAULT 0,
    local_debit_fen    INTEGER NOT NULL DEFAULT 0,
    local_credit_count INTEGER NOT NULL DEFAULT 0,
    local_credit_fen   INTEGER NOT NULL DEFAULT 0,
    host_debit_count   INTEGER,
    host_debit_fen     INTEGER,
    host_credit_count  INTEGER,
    host_credit_fen    INTEGER,
    result_code        TEXT,
    UNIQUE (terminal_id, batch_no)
);

-- Receipts and slips waiting to be printed or reprinted. document is the rendered receipt model (JSON), which
-- carries masked data only.
CREATE TABLE print_jobs (
    id                 INTEGER PRIMARY KEY,
    kind               TEXT NOT NULL
        CHECK (kind IN ('sale_receipt', 'card_slip_merchant', 'card_slip_customer', 'report', 'activation_slip')),
    sale_id            INTEGER REFERENCES sales (id),
    document           BLOB NOT NULL,
    state              TEXT NOT NULL CHECK (state IN ('queued', 'printing', 'printed', 'failed')),
    attempts           INTEGER NOT NULL DEFAULT 0,
    last_error         TEXT,
    created_ms         INTEGER NOT NULL,
    printed_ms         INTEGER
);
CREATE INDEX print_jobs_pending ON print_jobs (state) WHERE state IN ('queued', 'failed');

-- Report summaries maintained in the same transaction as each sale, so reports stay instant on years of data.
CREATE TABLE daily_tender_totals (
    business_date      TEXT NOT NULL,
    hour               INTEGER NOT NULL,
    kind               TEXT NOT NULL,
    cashier_id         INTEGER NOT NULL,
    sale_count         INTEGER NOT NULL,
    amount_fen         INTEGER NOT NULL,
    PRIMARY KEY (business_date, hour, kind, cashier_id)
) WITHOUT ROWID;

CREATE TABLE daily_product_totals (
    business_date      TEXT NOT NULL,
    product_id         INTEGER NOT NULL,
    quantity_milli     INTEGER NOT NULL,
    amount_fen         INTEGER NOT NULL,
    line_count         INTEGER NOT NULL,
    PRIMARY KEY (business_date, product_id)
) WITHOUT ROWID;

-- Append-only audit log. hash = SHA-256(prev_hash || canonical content); the first row's prev_hash is 32 zero
-- bytes. Rows are anchored at each settlement (audit_anchors). Updates and deletes are refused.
CREATE TABLE audit_log (
    id                 INTEGER PRIMARY KEY,
    created_ms         INTEGER NOT NULL,
    user_id            INTEGER,
    event              TEXT NOT NULL,
    outcome            TEXT NOT NULL CHECK (outcome IN ('success', 'failure')),
    origin             TEXT NOT NULL DEFAULT '',
    resource           TEXT NOT NULL DEFAULT '',
    detail             TEXT NOT NULL DEFAULT '',
    prev_hash          BLOB NOT NULL CHECK (length(prev_hash) = 32),
    hash               BLOB NOT NULL UNIQUE CHECK (length(hash) = 32)
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TABLE audit_anchors (
    id                 INTEGER PRIMARY KEY,
    audit_id           INTEGER NOT NULL REFERENCES audit_log (id),
    batch_id           INTEGER REFERENCES settlement_batches (id),
    hash               BLOB NOT NULL CHECK (length(hash) = 32),
    created_ms         INTEGER NOT NULL
);
