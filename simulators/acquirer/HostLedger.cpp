// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/acquirer/HostLedger.h"

#include "storage/sqlite/SqliteDatabase.h"
#include "storage/sqlite/SqliteStatement.h"
#include "storage/sqlite/TransactionGuard.h"

#include <QDateTime>
#include <QDir>

namespace pos {
namespace sim {
namespace {

using storage::SqliteDatabase;
using storage::SqliteStatement;

// Version 1. Amounts in integer fen; keys as upper-case hex (simulator only, see HostTerminal).
const char schemaV1[] = R"sql(
CREATE TABLE terminals (
    tid TEXT PRIMARY KEY,
    mid TEXT NOT NULL,
    merchant_name TEXT NOT NULL,
    tmk_scheme TEXT NOT NULL,
    tmk_hex TEXT NOT NULL,
    key_layout TEXT,
    pik_hex TEXT,
    mak_hex TEXT,
    tdk_hex TEXT,
    current_batch INTEGER NOT NULL DEFAULT 1,
    single_limit_fen INTEGER NOT NULL,
    daily_limit_fen INTEGER NOT NULL,
    signed_on INTEGER NOT NULL DEFAULT 0,
    signed_on_at TEXT
);
CREATE TABLE transactions (
    id INTEGER PRIMARY KEY,
    tid TEXT NOT NULL,
    mid TEXT NOT NULL,
    batch INTEGER NOT NULL,
    stan TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('sale', 'void', 'refund', 'balance')),
    amount_fen INTEGER NOT NULL,
    pan_masked TEXT NOT NULL,
    rrn TEXT NOT NULL UNIQUE,
    auth_code TEXT NOT NULL,
    response_code TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('approved', 'declined', 'reversed', 'voided')),
    original_id INTEGER REFERENCES transactions(id),
    request_digest BLOB NOT NULL,
    response_frame BLOB NOT NULL,
    local_date TEXT NOT NULL,
    created TEXT NOT NULL,
    settled INTEGER NOT NULL DEFAULT 0,
    UNIQUE (tid, batch, stan)
);
CREATE TABLE reversal_tombstones (
    id INTEGER PRIMARY KEY,
    tid TEXT NOT NULL,
    batch INTEGER NOT NULL,
    stan TEXT NOT NULL,
    reason TEXT NOT NULL,
    created TEXT NOT NULL,
    UNIQUE (tid, batch, stan)
);
CREATE TABLE settlements (
    id INTEGER PRIMARY KEY,
    tid TEXT NOT NULL,
    batch INTEGER NOT NULL,
    terminal_sale_count INTEGER NOT NULL,
    terminal_sale_fen INTEGER NOT NULL,
    terminal_refund_count INTEGER NOT NULL,
    terminal_refund_fen INTEGER NOT NULL,
    host_sale_count INTEGER NOT NULL,
    host_sale_fen INTEGER NOT NULL,
    host_refund_count INTEGER NOT NULL,
    host_refund_fen INTEGER NOT NULL,
    balanced INTEGER NOT NULL,
    created TEXT NOT NULL
);
CREATE TABLE batch_uploads (
    tid TEXT NOT NULL,
    batch INTEGER NOT NULL,
    records_received INTEGER NOT NULL DEFAULT 0,
    end_count INTEGER,
    closed_at TEXT,
    PRIMARY KEY (tid, batch)
);
CREATE TABLE faults (
    id INTEGER PRIMARY KEY,
    tid TEXT NOT NULL,
    stan TEXT NOT NULL,
    mti TEXT NOT NULL,
    name TEXT NOT NULL,
    created TEXT NOT NULL
);
CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO counters (name, value) VALUES ('rrn', 0);
)sql";

// Version 3: the first swipe (首刷激活, docs/acquirer-protocol.md "First-swipe activation"). Terminals get
// their activation state (existing ones count as active) and their fee schedule (the FEE= text of F62);
// transactions may be of kind 'activation' (amount 0, never in settlement totals); one activations row per
// terminal. The transactions table is rebuilt (copied aside, dropped, created, refilled with the same ids) to
// widen its kind CHECK; foreign keys are deferred to the commit, by when every parent row is back.
const char schemaV3[] = R"sql(
PRAGMA defer_foreign_keys = ON;
ALTER TABLE terminals ADD COLUMN first_swipe_done INTEGER NOT NULL DEFAULT 1;
ALTER TABLE terminals ADD COLUMN fee_schedule TEXT NOT NULL DEFAULT '';
CREATE TEMP TABLE transactions_copy AS SELECT * FROM transactions;
DROP TABLE transactions;
CREATE TABLE transactions (
    id INTEGER PRIMARY KEY,
    tid TEXT NOT NULL,
    mid TEXT NOT NULL,
    batch INTEGER NOT NULL,
    stan TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('sale', 'void', 'refund', 'balance', 'activation')),
    amount_fen INTEGER NOT NULL,
    pan_masked TEXT NOT NULL,
    rrn TEXT NOT NULL UNIQUE,
    auth_code TEXT NOT NULL,
    response_code TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('approved', 'declined', 'reversed', 'voided')),
    original_id INTEGER REFERENCES transactions(id),
    request_digest BLOB NOT NULL,
    response_frame BLOB NOT NULL,
    local_date TEXT NOT NULL,
    created TEXT NOT NULL,
    settled INTEGER NOT NULL DEFAULT 0,
    UNIQUE (tid, batch, stan)
);
INSERT INTO transactions SELECT id, tid, mid, batch, stan, kind, amount_fen, pan_masked, rrn, auth_code,
    response_code, state, original_id, request_digest, response_frame, local_date, created, settled
    FROM transactions_copy ORDER BY id;
DROP TABLE transactions_copy;
CREATE TABLE activations (
    tid TEXT PRIMARY KEY,
    batch INTEGER NOT NULL,
    stan TEXT NOT NULL,
    rrn TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('approved', 'reversed')),
    created TEXT NOT NULL
);
)sql";

// Version 2: the JSON API (simulators/acquirer/api/): API keys, onboarding documents and applications, the
// merchant registry, activation codes and QR orders with their refunds. Times in Unix ms.
const char schemaV2[] = R"sql(
CREATE TABLE api_keys (
    key_id TEXT PRIMARY KEY,
    secret_hex TEXT NOT NULL,
    scope TEXT NOT NULL CHECK (scope IN ('installer', 'terminal')),
    tid TEXT,
    mid TEXT,
    created_ms INTEGER NOT NULL
);
CREATE TABLE api_documents (
    document_id TEXT PRIMARY KEY,
    sha256_hex TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    content BLOB NOT NULL,
    created_ms INTEGER NOT NULL
);
CREATE TABLE api_applications (
    application_id TEXT PRIMARY KEY,
    client_reference TEXT NOT NULL UNIQUE,
    body TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('submitted', 'under_review', 'approved', 'rejected')),
    reasons TEXT NOT NULL DEFAULT '[]',
    merchant_id TEXT,
    activation_code TEXT,
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL
);
CREATE TABLE api_merchants (
    merchant_id TEXT PRIMARY KEY,
    uscc TEXT NOT NULL UNIQUE,
    registered_name TEXT NOT NULL,
    shop_name TEXT NOT NULL,
    application_id TEXT NOT NULL,
    created_ms INTEGER NOT NULL
);
CREATE TABLE api_activation_codes (
    code TEXT PRIMARY KEY,
    merchant_id TEXT NOT NULL,
    pin_pad_serial TEXT,
    public_key_sha256 TEXT,
    tid TEXT,
    key_id TEXT,
    used_ms INTEGER
);
CREATE TABLE qr_orders (
    mid TEXT NOT NULL,
    out_trade_no TEXT NOT NULL,
    tid TEXT NOT NULL,
    status TEXT NOT NULL,
    tombstone INTEGER NOT NULL DEFAULT 0,
    amount_fen INTEGER NOT NULL,
    channel TEXT NOT NULL,
    auth_code TEXT NOT NULL,
    description TEXT NOT NULL,
    transaction_id TEXT,
    paid_at_ms INTEGER,
    refunded_fen INTEGER NOT NULL DEFAULT 0,
    error_code TEXT,
    query_count INTEGER NOT NULL DEFAULT 0,
    local_date TEXT NOT NULL,
    created_ms INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,
    PRIMARY KEY (mid, out_trade_no)
);
CREATE TABLE qr_refunds (
    mid TEXT NOT NULL,
    out_refund_no TEXT NOT NULL,
    out_trade_no TEXT NOT NULL,
    refund_fen INTEGER NOT NULL,
    created_ms INTEGER NOT NULL,
    PRIMARY KEY (mid, out_refund_no)
);
INSERT INTO counters (name, value) VALUES ('merchant', 0), ('terminal', 0), ('application', 0), ('qr', 0);
)sql";

QString now()
{
    return QDateTime::currentDateTime().toString(Qt::ISODate);
}

QString hex(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toHex().toUpper());
}

std::optional<KeyScheme> schemeFromName(const QString& name)
{
    for (const KeyScheme scheme : {KeyScheme::SingleDes, KeyScheme::TripleDes, KeyScheme::Sm4}) {
        if (keySchemeName(scheme) == name)
            return scheme;
    }
    return std::nullopt;
}

std::optional<WorkKeyLayout> layoutFromName(const QString& name)
{
    for (const WorkKeyLayout layout : {WorkKeyLayout::Des001, WorkKeyLayout::TripleDes003,
                                       WorkKeyLayout::TripleDesTrack004, WorkKeyLayout::Sm4006}) {
        if (workKeyLayoutName(layout) == name)
            return layout;
    }
    return std::nullopt;
}

Result<SqliteStatement*> prepared(SqliteDatabase& db, const char* sql)
{
    return db.prepare(QString::fromLatin1(sql));
}

} // namespace

HostLedger::HostLedger(std::unique_ptr<SqliteDatabase> db) : m_db(std::move(db))
{}

HostLedger::~HostLedger() = default;

Result<std::unique_ptr<HostLedger>> HostLedger::open(const QString& dataDir)
{
    if (!QDir().mkpath(dataDir))
        return fail(ErrorCode::IoFailure, tr("The host simulator's data folder could not be created."),
                    QStringLiteral("mkpath failed for %1").arg(dataDir));
    auto opened = SqliteDatabase::open(QDir(dataDir).filePath(fileName()), SqliteDatabase::Access::ReadWrite,
                                       SqliteDatabase::Creation::CreateIfMissing);
    if (!opened)
        return Failure{opened.error()};
    if (const Result<> settings = opened.value()->applyLedgerSettings(); !settings)
        return Failure{settings.error()};
    std::unique_ptr<HostLedger> ledger(new HostLedger(std::move(opened).value()));
    if (const Result<> migrated = ledger->migrate(); !migrated)
        return Failure{migrated.error()};
    return ledger;
}

Result<> HostLedger::migrate()
{
    const Result<qint64> version = m_db->queryInt64(QStringLiteral("PRAGMA user_version"));
    if (!version)
        return Failure{version.error()};
    if (version.value() == schemaVersion)
        return {};
    if (version.value() < 0 || version.value() > schemaVersion)
        return fail(ErrorCode::VersionMismatch, tr("The host simulator's database has an unknown version."),
                    QStringLiteral("host.db user_version %1, expected 0 to %2")
                        .arg(version.value())
                        .arg(schemaVersion));
    const qint64 from = version.value();
    return inTransaction([this, from]() -> Result<> {
        if (from < 1) {
            if (const Result<> created = m_db->execute(QString::fromLatin1(schemaV1)); !created)
                return created;
        }
        if (from < 2) {
            if (const Result<> created = m_db->execute(QString::fromLatin1(schemaV2)); !created)
                return created;
        }
        if (from < 3) {
            if (const Result<> created = m_db->execute(QString::fromLatin1(schemaV3)); !created)
                return created;
        }
        return m_db->execute(QStringLiteral("PRAGMA user_version=%1").arg(schemaVersion));
    });
}

Result<> HostLedger::inTransaction(const std::function<Result<>()>& work)
{
    storage::TransactionGuard guard(*m_db);
    if (const Result<> begun = guard.begin(); !begun)
        return begun;
    if (const Result<> done = work(); !done)
        return done; // the guard rolls back
    return guard.commit();
}

Result<> HostLedger::upsertTerminal(const HostTerminal& terminal)
{
    const auto statement = prepared(*m_db, R"sql(
        INSERT INTO terminals (tid, mid, merchant_name, tmk_scheme, tmk_hex, single_limit_fen, daily_limit_fen,
                               first_swipe_done, fee_schedule)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
        ON CONFLICT (tid) DO UPDATE SET
            mid = excluded.mid, merchant_name = excluded.merchant_name, fee_schedule = excluded.fee_schedule,
            single_limit_fen = excluded.single_limit_fen, daily_limit_fen = excluded.daily_limit_fen,
            key_layout = CASE WHEN tmk_hex = excluded.tmk_hex AND tmk_scheme = excluded.tmk_scheme
                              THEN key_layout ELSE NULL END,
            signed_on = CASE WHEN tmk_hex = excluded.tmk_hex AND tmk_scheme = excluded.tmk_scheme
                             THEN signed_on ELSE 0 END,
            tmk_scheme = excluded.tmk_scheme, tmk_hex = excluded.tmk_hex)sql");
    if (!statement)
        return Failure{statement.error()};
    return statement.value()
        ->bind(1, terminal.tid)
        .bind(2, terminal.mid)
        .bind(3, terminal.merchantName)
        .bind(4, keySchemeName(terminal.tmkScheme))
        .bind(5, hex(terminal.tmk))
        .bind(6, terminal.singleLimitFen)
        .bind(7, terminal.dailyLimitFen)
        .bind(8, terminal.firstSwipeDone ? 1 : 0)
        .bind(9, terminal.feeSchedule)
        .run();
}

Result<std::optional<HostTerminal>> HostLedger::terminal(const QString& tid)
{
    const auto statement = prepared(*m_db, R"sql(
        SELECT tid, mid, merchant_name, tmk_scheme, tmk_hex, key_layout, pik_hex, mak_hex, tdk_hex,
               current_batch, single_limit_fen, daily_limit_fen, signed_on, first_swipe_done, fee_schedule
        FROM terminals WHERE tid = ?1)sql");
    if (!statement)
        return Failure{statement.error()};
    SqliteStatement& row = *statement.value();
    row.bind(1, tid);
    const Result<bool> found = row.step();
    if (!found)
        return Failure{found.error()};
    if (!found.value())
        return std::optional<HostTerminal>();
    HostTerminal terminal;
    terminal.tid = row.text(0);
    terminal.mid = row.text(1);
    terminal.merchantName = row.text(2);
    const std::optional<KeyScheme> scheme = schemeFromName(row.text(3));
    if (!scheme)
        return fail(ErrorCode::StorageCorrupt, tr("The host simulator's terminal registry is damaged."),
                    QStringLiteral("terminal %1 has an unknown TMK scheme").arg(tid));
    terminal.tmkScheme = *scheme;
    terminal.tmk = QByteArray::fromHex(row.text(4).toLatin1());
    if (!row.isNull(5))
        terminal.keyLayout = layoutFromName(row.text(5));
    terminal.pik = QByteArray::fromHex(row.text(6).toLatin1());
    terminal.mak = QByteArray::fromHex(row.text(7).toLatin1());
    terminal.tdk = QByteArray::fromHex(row.text(8).toLatin1());
    terminal.currentBatch = static_cast<int>(row.int64(9));
    terminal.singleLimitFen = row.int64(10);
    terminal.dailyLimitFen = row.int64(11);
    terminal.signedOn = row.int64(12) != 0 && terminal.keyLayout.has_value();
    terminal.firstSwipeDone = row.int64(13) != 0;
    terminal.feeSchedule = row.text(14);
    row.reset();
    return std::optional<HostTerminal>(std::move(terminal));
}

Result<qint64> HostLedger::terminalCount()
{
    return m_db->queryInt64(QStringLiteral("SELECT COUNT(*) FROM terminals"));
}

Result<> HostLedger::setLimitsForAll(qint64 singleLimitFen, qint64 dailyLimitFen)
{
    const auto statement =
        prepared(*m_db, "UPDATE terminals SET single_limit_fen = ?1, daily_limit_fen = ?2");
    if (!statement)
        return Failure{statement.error()};
    return statement.value()->bind(1, singleLimitFen).bind(2, dailyLimitFen).run();
}

Result<> HostLedger::storeWorkKeys(const QString& tid,
                                   WorkKeyLayout layout,
                                   const QByteArray& pik,
                                   const QByteArray& mak,
                                   const QByteArray& tdk)
{
    const auto statement = prepared(*m_db, R"sql(
        UPDATE terminals SET key_layout = ?2, pik_hex = ?3, mak_hex = ?4, tdk_hex = ?5, signed_on = 1,
                             signed_on_at = ?6
        WHERE tid = ?1)sql");
    if (!statement)
        return Failure{statement.error()};
    return statement.value()
        ->bind(1, tid)
        .bind(2, workKeyLayoutName(layout))
        .bind(3, hex(pik))
        .bind(4, hex(mak))
        .bind(5, hex(tdk))
        .bind(6, now())
        .run();
}

Result<> HostLedger::signOff(const QString& tid)
{
    const auto statement = prepared(*m_db, R"sql(
        UPDATE terminals SET key_layout = NULL, pik_hex = NULL, mak_hex = NULL, tdk_hex = NULL, signed_on = 0
        WHERE tid = ?1)sql");
    if (!statement)
        return Failure{statement.error()};
    return statement.value()->bind(1, tid).run();
}

Result<QString> HostLedger::nextRrn()
{
    const auto statement =
        prepared(*m_db, "UPDATE counters SET value = value + 1 WHERE name = 'rrn' RETURNING value");
    if (!statement)
        return Failure{statement.error()};
    SqliteStatement& row = *statement.value();
    const Result<bool> found = row.step();
    if (!found)
        return Failure{found.error()};
    if (!found.value())
        return fail(ErrorCode::StorageCorrupt, tr("The host simulator's database is damaged."),
                    QStringLiteral("rrn counter missing"));
    const qint64 value = row.int64(0);
    row.reset();
    return QStringLiteral("%1").arg(value, 12, 10, QLatin1Char('0'));
}

Result<qint64> HostLedger::nextCounterValue(const QString& name)
{
    const auto statement = prepared(*m_db, R"sql(
        INSERT INTO counters (name, value) VALUES (?1, 1)
        ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value)sql");
    if (!statement)
        return Failure{statement.error()};
    SqliteStatement& row = *statement.value();
    row.bind(1, name);
    const Result<bool> found = row.step();
    if (!found)
        return Failure{found.error()};
    if (!found.value())
        return fail(ErrorCode::StorageCorrupt, tr("The host simulator's database is damaged."),
                    QStringLiteral("counter %1 missing").arg(name));
    const qint64 value = row.int64(0);
    row.reset();
    return value;
}

Result<std::optional<HostTransaction>> HostLedger::fetchTransaction(SqliteStatement& row)
{
    const Result<bool> found = row.step();
    if (!found)
        return Failure{found.error()};
    if (!found.value())
        return std::optional<HostTransaction>();
    HostTransaction t;
    t.id = row.int64(0);
    t.tid = row.text(1);
    t.mid = row.text(2);
    t.batch = static_cast<int>(row.int64(3));
    t.stan = row.text(4);
    t.kind = row.text(5);
    t.amountFen = row.int64(6);
    t.panMasked = row.text(7);
    t.rrn = row.text(8);
    t.authCode = row.text(9);
    t.responseCode = row.text(10);
    t.state = row.text(11);
    t.originalId = row.optionalInt64(12);
    t.requestDigest = row.blob(13);
    t.responseFrame = row.blob(14);
    t.localDate = row.text(15);
    t.created = row.text(16);
    t.settled = row.int64(17) != 0;
    row.reset();
    return std::optional<HostTransaction>(std::move(t));
}

#define POS_HOST_TXN_COLUMNS                                                                                 \
    "SELECT id, tid, mid, batch, stan, kind, amount_fen, pan_masked, rrn, auth_code, response_code, state, " \
    "original_id, request_digest, response_frame, local_date, created, settled FROM transactions "

Result<std::optional<HostTransaction>>
HostLedger::transactionByKey(const QString& tid, int batch, const QString& stan)
{
    const auto statement =
        prepared(*m_db, POS_HOST_TXN_COLUMNS "WHERE tid = ?1 AND batch = ?2 AND stan = ?3");
    if (!statement)
        return Failure{statement.error()};
    statement.value()->bind(1, tid).bind(2, batch).bind(3, stan);
    return fetchTransaction(*statement.value());
}

Result<std::optional<HostTransaction>> HostLedger::transactionByRrn(const QString& tid, const QString& rrn)
{
    const auto statement = prepared(*m_db, POS_HOST_TXN_COLUMNS "WHERE tid = ?1 AND rrn = ?2");
    if (!statement)
        return Failure{statement.error()};
    statement.value()->bind(1, tid).bind(2, rrn);
    return fetchTransaction(*statement.value());
}

Result<std::optional<HostTransaction>> HostLedger::transactionById(qint64 id)
{
    const auto statement = prepared(*m_db, POS_HOST_TXN_COLUMNS "WHERE id = ?1");
    if (!statement)
        return Failure{statement.error()};
    statement.value()->bind(1, id);
    return fetchTransaction(*statement.value());
}

#undef POS_HOST_TXN_COLUMNS

Result<qint64> HostLedger::insertTransaction(const HostTransaction& t)
{
    const auto statement = prepared(*m_db, R"sql(
        INSERT INTO transactions (tid, mid, batch, stan, kind, amount_fen, pan_masked, rrn, auth_code,
                                  response_code, state, original_id, request_digest, response_frame,
                                  local_date, created)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16))sql");
    if (!statement)
        return Failure{statement.error()};
    const Result<> run = statement.value()
                             ->bind(1, t.tid)
                             .bind(2, t.mid)
                             .bind(3, t.batch)
                             .bind(4, t.stan)
                             .bind(5, t.kind)
                             .bind(6, t.amountFen)
                             .bind(7, t.panMasked)
                             .bind(8, t.rrn)
                             .bind(9, t.authCode)
                             .bind(10, t.responseCode)
                             .bind(11, t.state)
                             .bind(12, t.originalId)
                             .bind(13, t.requestDigest)
                             .bind(14, t.responseFrame)
                             .bind(15, t.localDate)
                             .bind(16, t.created.isEmpty() ? now() : t.created)
                             .run();
    if (!run)
        return Failure{run.error()};
    return m_db->lastInsertRowId();
}

Result<> HostLedger::setTransactionState(qint64 id, const QString& state)
{
    const auto statement = prepared(*m_db, "UPDATE transactions SET state = ?2 WHERE id = ?1");
    if (!statement)
        return Failure{statement.error()};
    return statement.value()->bind(1, id).bind(2, state).run();
}

Result<qint64> HostLedger::refundedAmountFen(qint64 originalId)
{
    const auto statement = prepared(*m_db, R"sql(
        SELECT COALESCE(SUM(amount_fen), 0) FROM transactions
        WHERE original_id = ?1 AND kind = 'refund' AND state = 'approved')sql");
    if (!statement)
        return Failure{statement.error()};
    SqliteStatement& row = *statement.value();
    row.bind(1, originalId);
    const Result<bool> found = row.step();
    if (!found)
        return Failure{found.error()};
    const qint64 total = row.int64(0);
    row.reset();
    return total;
}

Result<qint64> HostLedger::approvedSalesFenOn(const QString& tid, const QDate& date)
{
    const auto statement = prepared(*m_db, R"sql(
        SELECT COALESCE(SUM(amount_fen), 0) FROM transactions
        WHERE tid = ?1 AND kind = 'sale' AND state = 'approved' AND substr(created, 1, 10) = ?2)sql");
    if (!statement)
        return Failure{statement.error()};
    SqliteStatement& row = *statement.value();
    row.bind(1, tid).bind(2, date.toString(Qt::ISODate));
    const Result<bool> found = row.step();
    if (!found)
        return Failure{found.error()};
    const qint64 total = row.int64(0);
    row.reset();
    return total;
}

Result<HostBatchTotals> HostLedger::batchTotals(const QString& tid, int batch)
{
    const auto statement = prepared(*m_db, R"sql(
        SELECT kind, COUNT(*), COALESCE(SUM(amount_fen), 0) FROM transactions
        WHERE tid = ?1 AND batch = ?2 AND state = 'approved' AND kind IN ('sale', 'refund')
        GROUP BY kind)sql");
    if (!statement)
        return Failure{statement.error()};
    SqliteStatement& row = *statement.value();
    row.bind(1, tid).bind(2, batch);
    HostBatchTotals totals;
    for (;;) {
        const Result<bool> found = row.step();
        if (!found)
            return Failure{found.error()};
        if (!found.value())
            break;
        if (row.text(0) == hostkind::sale) {
            totals.saleCount = static_cast<int>(row.int64(1));
            totals.saleAmountFen = row.int64(2);
        } else {
            totals.refundCount = static_cast<int>(row.int64(1));
            totals.refundAmountFen = row.int64(2);
        }
    }
    row.reset();
    return totals;
}

Result<std::optional<HostActivation>> HostLedger::activation(const QString& tid)
{
    const auto statement =
        prepared(*m_db, "SELECT tid, batch, stan, rrn, state, created FROM activations WHERE tid = ?1");
    if (!statement)
        return Failure{statement.error()};
    SqliteStatement& row = *statement.value();
    row.bind(1, tid);
    const Result<bool> found = row.step();
    if (!found)
        return Failure{found.error()};
    if (!found.value())
        return std::optional<HostActivation>();
    HostActivation activation{
        row.text(0), static_cast<int>(row.int64(1)), row.text(2), row.text(3), row.text(4), row.text(5)};
    row.reset();
    return std::optional<HostActivation>(std::move(activation));
}

Result<> HostLedger::recordActivation(const HostActivation& activation)
{
    const auto statement = prepared(*m_db, R"sql(
        INSERT INTO activations (tid, batch, stan, rrn, state, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
        ON CONFLICT (tid) DO UPDATE SET batch = excluded.batch, stan = excluded.stan, rrn = excluded.rrn,
            state = excluded.state, created = excluded.created)sql");
    if (!statement)
        return Failure{statement.error()};
    if (const Result<> stored = statement.value()
                                    ->bind(1, activation.tid)
                                    .bind(2, activation.batch)
                                    .bind(3, activation.stan)
                                    .bind(4, activation.rrn)
                                    .bind(5, activation.state)
                                    .bind(6, activation.created.isEmpty() ? now() : activation.created)
                                    .run();
        !stored)
        return stored;
    const auto active = prepared(*m_db, "UPDATE terminals SET first_swipe_done = ?2 WHERE tid = ?1");
    if (!active)
        return Failure{active.error()};
    return active.value()
        ->bind(1, activation.tid)
        .bind(2, activation.state == hoststate::approved ? 1 : 0)
        .run();
}

Result<bool> HostLedger::hasReversalTombstone(const QString& tid, int batch, const QString& stan)
{
    const auto statement = prepared(
        *m_db, "SELECT COUNT(*) FROM reversal_tombstones WHERE tid = ?1 AND batch = ?2 AND stan = ?3");
    if (!statement)
        return Failure{statement.error()};
    SqliteStatement& row = *statement.value();
    row.bind(1, tid).bind(2, batch).bind(3, stan);
    const Result<bool> found = row.step();
    if (!found)
        return Failure{found.error()};
    const bool exists = row.int64(0) > 0;
    row.reset();
    return exists;
}

Result<>
HostLedger::addReversalTombstone(const QString& tid, int batch, const QString& stan, const QString& reason)
{
    const auto statement = prepared(*m_db, R"sql(
        INSERT INTO reversal_tombstones (tid, batch, stan, reason, created) VALUES (?1, ?2, ?3, ?4, ?5)
        ON CONFLICT (tid, batch, stan) DO NOTHING)sql");
    if (!statement)
        return Failure{statement.error()};
    return statement.value()->bind(1, tid).bind(2, batch).bind(3, stan).bind(4, reason).bind(5, now()).run();
}

Result<> HostLedger::recordSettlement(const QString& tid,
                                      int batch,
                                      const HostBatchTotals& terminalTotals,
                                      const HostBatchTotals& hostTotals,
                                      bool balanced)
{
    const auto statement = prepared(*m_db, R"sql(
        INSERT INTO settlements (tid, batch, terminal_sale_count, terminal_sale_fen, terminal_refund_count,
                                 terminal_refund_fen, host_sale_count, host_sale_fen, host_refund_count,
                                 host_refund_fen, balanced, created)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12))sql");
    if (!statement)
        return Failure{statement.error()};
    return statement.value()
        ->bind(1, tid)
        .bind(2, batch)
        .bind(3, terminalTotals.saleCount)
        .bind(4, terminalTotals.saleAmountFen)
        .bind(5, terminalTotals.refundCount)
        .bind(6, terminalTotals.refundAmountFen)
        .bind(7, hostTotals.saleCount)
        .bind(8, hostTotals.saleAmountFen)
        .bind(9, hostTotals.refundCount)
        .bind(10, hostTotals.refundAmountFen)
        .bind(11, balanced ? 1 : 0)
        .bind(12, now())
        .run();
}

Result<> HostLedger::recordUploadedRecords(const QString& tid, int batch, int records)
{
    const auto statement = prepared(*m_db, R"sql(
        INSERT INTO batch_uploads (tid, batch, records_received) VALUES (?1, ?2, ?3)
        ON CONFLICT (tid, batch) DO UPDATE SET records_received = records_received + excluded.records_received)sql");
    if (!statement)
        return Failure{statement.error()};
    return statement.value()->bind(1, tid).bind(2, batch).bind(3, records).run();
}

Result<> HostLedger::closeBatch(const QString& tid, int batch, int endCount)
{
    const auto upload = prepared(*m_db, R"sql(
        INSERT INTO batch_uploads (tid, batch, records_received, end_count, closed_at) VALUES (?1, ?2, 0, ?3, ?4)
        ON CONFLICT (tid, batch) DO UPDATE SET end_count = excluded.end_count, closed_at = excluded.closed_at)sql");
    if (!upload)
        return Failure{upload.error()};
    if (const Result<> run =
            upload.value()->bind(1, tid).bind(2, batch).bind(3, endCount).bind(4, now()).run();
        !run)
        return run;
    const auto settle = prepared(*m_db, "UPDATE transactions SET settled = 1 WHERE tid = ?1 AND batch = ?2");
    if (!settle)
        return Failure{settle.error()};
    if (const Result<> run = settle.value()->bind(1, tid).bind(2, batch).run(); !run)
        return run;
    const auto next =
        prepared(*m_db, "UPDATE terminals SET current_batch = ?2 + 1 WHERE tid = ?1 AND current_batch <= ?2");
    if (!next)
        return Failure{next.error()};
    return next.value()->bind(1, tid).bind(2, batch).run();
}

Result<>
HostLedger::recordFault(const QString& tid, const QString& stan, const QString& mti, const QString& name)
{
    const auto statement =
        prepared(*m_db, "INSERT INTO faults (tid, stan, mti, name, created) VALUES (?1, ?2, ?3, ?4, ?5)");
    if (!statement)
        return Failure{statement.error()};
    return statement.value()->bind(1, tid).bind(2, stan).bind(3, mti).bind(4, name).bind(5, now()).run();
}

} // namespace sim
} // namespace pos
