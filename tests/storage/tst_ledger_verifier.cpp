// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "core/crypto/CryptoPrimitives.h"
#include "storage/AuditChain.h"
#include "storage/Ledger.h"
#include "storage/LedgerVerifier.h"
#include "storage/sqlite/SqliteDatabase.h"
#include "storage/sqlite/TransactionGuard.h"
#include "support/TestSupport.h"

#include <QDebug>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace pos;
using namespace pos::storage;

namespace {

constexpr qint64 t0 = 1'764'000'000'000; // 2025-11-24, milliseconds since the epoch

// The ids of the rows the mutations aim at, as the fixture ledger recorded them.
struct Fixture
{
    qint64 cashier = 0;
    qint64 supervisor = 0;
    qint64 shift = 0;
    qint64 cashSale = 0;   // tea x2 + bag, cash; partly refunded
    qint64 teaLine = 0;    // cashSale's first line (the refunded one)
    qint64 bagLine = 0;    // cashSale's second line
    qint64 cashTender = 0; // cashSale's only tender
    qint64 splitSale = 0;  // cash 400 + card 600
    qint64 splitLine = 0;
    qint64 cardTender = 0;
    qint64 approvedPayment = 0; // pays cardTender
    qint64 declinedPayment = 0; // no tender, recovery record cancelled
    qint64 inFlightPayment = 0; // 'sending' with its armed reversal
    qint64 pendingPayment = 0;  // 'reversal_pending' with its pending reversal
    qint64 refund = 0;          // half of teaLine, cash
    qint64 refundLine = 0;
    qint64 weightSale = 0;      // 1.234 kg of rice, cash
    qint64 anchoredAuditId = 0; // the audit row the anchor points at
    qint64 lastAuditId = 0;
};

const QString panMasked = QStringLiteral("622848******1234");
const QString fullPan19 = QStringLiteral("6228480402564890018");
const QString fullPan16 = QStringLiteral("6228480402564891");

CardIntentInput cardIntent(qint64 fen, qint64 createdMs)
{
    CardIntentInput intent;
    intent.type = CardTransactionType::Sale;
    intent.amount = Money::fromFen(fen);
    intent.panMasked = panMasked;
    intent.panHmac = QByteArray(32, '\x5a');
    intent.panHmacKeyId = 1;
    intent.cardOrganisation = QStringLiteral("CUP");
    intent.entryMode = QStringLiteral("chip");
    intent.createdMs = createdMs;
    return intent;
}

TenderInput cash(qint64 fen, qint64 givenFen = 0)
{
    TenderInput tender;
    tender.kind = TenderKind::Cash;
    tender.amount = Money::fromFen(fen);
    tender.cashGiven = Money::fromFen(givenFen);
    return tender;
}

template <typename T>
bool take(const Result<T>& result, T& into)
{
    if (!result) {
        qWarning().noquote() << "fixture step failed:" << result.error().detail;
        return false;
    }
    into = result.value();
    return true;
}

bool succeeded(const Result<>& result)
{
    if (!result)
        qWarning().noquote() << "fixture step failed:" << result.error().detail;
    return result.hasValue();
}

// Builds the fixture ledger through the public Ledger API only.
bool buildLedger(const QString& path, Fixture& f)
{
    auto opened = Ledger::open(path, Ledger::Creation::CreateIfMissing);
    if (!opened)
        return false;
    Ledger& ledger = *opened.value();
    const QByteArray hash(32, 'h');
    const QByteArray salt(16, 's');
    const QString params = QStringLiteral("pbkdf2-sha256:600000");
    if (!take(ledger.addUser(
                  {QStringLiteral("li"), QStringLiteral("Li Na"), UserRole::Cashier, hash, salt, params}, t0),
              f.cashier) ||
        !take(ledger.addUser({QStringLiteral("wang"), QStringLiteral("Wang Wei"), UserRole::Supervisor, hash,
                              salt, params},
                             t0),
              f.supervisor) ||
        !succeeded(
            ledger.setTerminalIdentity(QStringLiteral("12345678"), QStringLiteral("123456789012345"), t0)) ||
        !take(ledger.openShift(f.cashier, Money::fromFen(10000), t0 + 1000), f.shift))
        return false;

    qint64 tea = 0;
    qint64 rice = 0;
    NewProduct teaProduct{QStringLiteral("T001"),
                          QStringLiteral("Green tea"),
                          QStringLiteral("lc"),
                          std::nullopt,
                          false,
                          Money::fromFen(350),
                          1300,
                          100'000};
    NewProduct riceProduct{QStringLiteral("R001"),
                           QStringLiteral("Rice"),
                           QStringLiteral("dm"),
                           std::nullopt,
                           true,
                           Money::fromFen(2000),
                           900,
                           50'000};
    if (!take(ledger.addProduct(teaProduct, t0), tea) || !take(ledger.addProduct(riceProduct, t0), rice))
        return false;

    // 1. Cash: 2 x tea + a bag (no product).
    SaleInput cashSale;
    cashSale.shiftId = f.shift;
    cashSale.cashierId = f.cashier;
    cashSale.lines = {{tea, QStringLiteral("Green tea"), 2000, Money::fromFen(350), Money(), 1300},
                      {std::nullopt, QStringLiteral("Bag"), 1000, Money::fromFen(50), Money(), 0}};
    cashSale.tenders = {cash(750, 1000)};
    cashSale.createdMs = t0 + 60'000;
    RecordedSale recorded;
    if (!take(ledger.recordSale(cashSale), recorded))
        return false;
    f.cashSale = recorded.saleId;

    // 2. Split: cash 400 + card 600 (intent, host approval, then the sale).
    CardIntent approved;
    if (!take(ledger.beginCardPayment(cardIntent(600, t0 + 110'000)), approved) ||
        !succeeded(ledger.completeCardPayment(approved.paymentId,
                                              {true, QStringLiteral("00"), QStringLiteral("123456789012"),
                                               QStringLiteral("A1B2C3"), true, t0 + 112'000})))
        return false;
    f.approvedPayment = approved.paymentId;
    SaleInput splitSale;
    splitSale.shiftId = f.shift;
    splitSale.cashierId = f.cashier;
    splitSale.lines = {{tea, QStringLiteral("Green tea"), 3000, Money::fromFen(350), Money(), 1300}};
    splitSale.ticketDiscount = Money::fromFen(50);
    TenderInput card;
    card.kind = TenderKind::Card;
    card.amount = Money::fromFen(600);
    card.cardPaymentId = approved.paymentId;
    splitSale.tenders = {cash(400), card};
    splitSale.createdMs = t0 + 120'000;
    if (!take(ledger.recordSale(splitSale), recorded))
        return false;
    f.splitSale = recorded.saleId;

    // 3. A declined card payment that pays nothing.
    CardIntent declined;
    if (!take(ledger.beginCardPayment(cardIntent(300, t0 + 130'000)), declined) ||
        !succeeded(ledger.completeCardPayment(declined.paymentId,
                                              {false, QStringLiteral("51"), {}, {}, false, t0 + 131'000})))
        return false;
    f.declinedPayment = declined.paymentId;

    // Row ids of what the mutations aim at, read back through the ledger's own connection.
    SqliteDatabase& database = ledger.database();
    auto idOf = [&database](const QString& sql, qint64& into) {
        return take(database.queryInt64(sql), into);
    };
    if (!idOf(QStringLiteral("SELECT min(id) FROM sale_lines WHERE sale_id = %1").arg(f.cashSale),
              f.teaLine) ||
        !idOf(QStringLiteral("SELECT max(id) FROM sale_lines WHERE sale_id = %1").arg(f.cashSale),
              f.bagLine) ||
        !idOf(QStringLiteral("SELECT id FROM tenders WHERE sale_id = %1").arg(f.cashSale), f.cashTender) ||
        !idOf(QStringLiteral("SELECT id FROM sale_lines WHERE sale_id = %1").arg(f.splitSale), f.splitLine) ||
        !idOf(QStringLiteral("SELECT id FROM tenders WHERE sale_id = %1 AND kind = 'card'").arg(f.splitSale),
              f.cardTender))
        return false;

    // 4. A partial refund: one of the two teas, in cash.
    RefundInput refund;
    refund.originalSaleId = f.cashSale;
    refund.shiftId = f.shift;
    refund.cashierId = f.cashier;
    refund.approvedBy = f.supervisor;
    refund.lines = {{f.teaLine, 1000}};
    refund.tenders = {cash(350)};
    refund.createdMs = t0 + 200'000;
    if (!take(ledger.recordRefund(refund), recorded))
        return false;
    f.refund = recorded.saleId;
    if (!idOf(QStringLiteral("SELECT id FROM sale_lines WHERE sale_id = %1").arg(f.refund), f.refundLine))
        return false;

    // 5. An anchor (what a settlement does), then more events after it.
    {
        TransactionGuard transaction(database);
        if (!succeeded(transaction.begin()) ||
            !take(audit::anchor(database, std::nullopt, t0 + 210'000), f.anchoredAuditId) ||
            !succeeded(transaction.commit()))
            return false;
        if (!idOf(QStringLiteral("SELECT audit_id FROM audit_anchors WHERE id = %1").arg(f.anchoredAuditId),
                  f.anchoredAuditId))
            return false;
    }
    qint64 ignored = 0;
    if (!take(ledger.appendAudit({t0 + 220'000, f.cashier, QStringLiteral("user.login"), true,
                                  QStringLiteral("pos"), QStringLiteral("user:%1").arg(f.cashier),
                                  QStringLiteral("pin ok")}),
              ignored))
        return false;

    // 6. Open host outcomes: one still sending (armed reversal), one whose reversal is due.
    CardIntent inFlight;
    CardIntent pending;
    if (!take(ledger.beginCardPayment(cardIntent(200, t0 + 230'000)), inFlight) ||
        !take(ledger.beginCardPayment(cardIntent(250, t0 + 240'000)), pending) ||
        !succeeded(ledger.markReversalPending(pending.paymentId, QStringLiteral("98"), t0 + 250'000)))
        return false;
    f.inFlightPayment = inFlight.paymentId;
    f.pendingPayment = pending.paymentId;

    // 7. Sold by weight: 1.234 kg of rice.
    SaleInput weightSale;
    weightSale.shiftId = f.shift;
    weightSale.cashierId = f.cashier;
    weightSale.lines = {{rice, QStringLiteral("Rice"), 1234, Money::fromFen(2000), Money(), 900}};
    weightSale.tenders = {cash(2468, 3000)};
    weightSale.createdMs = t0 + 300'000;
    if (!take(ledger.recordSale(weightSale), recorded))
        return false;
    f.weightSale = recorded.saleId;
    return idOf(QStringLiteral("SELECT max(id) FROM audit_log"), f.lastAuditId);
}

std::unique_ptr<SqliteDatabase> openRaw(const QString& path)
{
    auto opened =
        SqliteDatabase::open(path, SqliteDatabase::Access::ReadWrite, SqliteDatabase::Creation::MustExist);
    return opened ? std::move(opened).value() : nullptr;
}

// Opens path the way pos-tool ledger verify does (read-only) and verifies it.
Result<VerifyReport> verifyFile(const QString& path)
{
    auto opened =
        SqliteDatabase::open(path, SqliteDatabase::Access::ReadOnly, SqliteDatabase::Creation::MustExist);
    if (!opened)
        return Failure{opened.error()};
    if (const Result<> configured = opened.value()->applyLedgerSettings(); !configured)
        return Failure{configured.error()};
    return verifyLedger(*opened.value());
}

QStringList failedChecks(const VerifyReport& report)
{
    QStringList failed;
    for (const VerifyCheck& check : report.checks) {
        if (!check.ok)
            failed << check.name;
    }
    failed.sort();
    return failed;
}

QString describe(const VerifyReport& report)
{
    QStringList lines;
    for (const VerifyCheck& check : report.checks)
        lines << QStringLiteral("%1 %2 (%3): %4")
                     .arg(check.ok ? QStringLiteral("PASS") : QStringLiteral("FAIL"), check.name)
                     .arg(check.offenders)
                     .arg(check.detail);
    return lines.join(QLatin1Char('\n'));
}

// --- mutations: what an attacker with the file (or a bug) could do -----------------------------------------

using Mutate = std::function<Result<>(SqliteDatabase&, const Fixture&)>;

Mutate sql(const QString& script)
{
    return [script](SqliteDatabase& database, const Fixture&) { return database.execute(script); };
}

template <typename Format>
Mutate sqlWith(Format format)
{
    return [format](SqliteDatabase& database, const Fixture& f) { return database.execute(format(f)); };
}

const QString dropAuditTriggers =
    QStringLiteral("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; ");

const QByteArray genesis(32, '\0');

// Recomputes prev_hash and hash from row fromId on, and the anchors: the chain is not keyed, so anyone with
// the file can do this. Used to show that no_sensitive_data does not depend on audit_chain.
Result<> rechainFrom(SqliteDatabase& database, qint64 fromId)
{
    QByteArray previous = genesis;
    if (fromId > 1) {
        const Result<SqliteStatement*> last =
            database.prepare(QStringLiteral("SELECT hash FROM audit_log WHERE id = ?"));
        if (!last)
            return Failure{last.error()};
        last.value()->bind(1, fromId - 1);
        if (const Result<bool> row = last.value()->step(); !row)
            return Failure{row.error()};
        previous = last.value()->blob(0);
        last.value()->reset();
    }
    struct Row
    {
        qint64 id;
        QByteArray content;
    };
    QList<Row> rows;
    const Result<SqliteStatement*> select = database.prepare(QStringLiteral(
        "SELECT id, created_ms, user_id, event, outcome, origin, resource, detail FROM audit_log "
        "WHERE id >= ? ORDER BY id"));
    if (!select)
        return Failure{select.error()};
    select.value()->bind(1, fromId);
    for (;;) {
        const Result<bool> row = select.value()->step();
        if (!row)
            return Failure{row.error()};
        if (!row.value())
            break;
        const SqliteStatement& s = *select.value();
        rows.append(
            {s.int64(0), audit::canonicalContent(s.int64(0), s.int64(1), s.optionalInt64(2), s.text(3),
                                                 s.text(4), s.text(5), s.text(6), s.text(7))});
    }
    select.value()->reset();
    const Result<SqliteStatement*> update =
        database.prepare(QStringLiteral("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?"));
    if (!update)
        return Failure{update.error()};
    for (const Row& row : rows) {
        const Result<QByteArray> hash = crypto::sha256(QByteArray(previous + row.content));
        if (!hash)
            return Failure{hash.error()};
        update.value()->reset();
        update.value()->bind(1, previous).bind(2, hash.value()).bind(3, row.id);
        if (const Result<> ran = update.value()->run(); !ran)
            return ran;
        previous = hash.value();
    }
    return database.execute(
        QStringLiteral("UPDATE audit_anchors SET hash = (SELECT hash FROM audit_log WHERE id = audit_id)"));
}

// Moves the rows after afterId one id up and inserts a forged, correctly hashed row behind afterId.
Result<> forgeAuditRow(SqliteDatabase& database, qint64 afterId)
{
    if (const Result<> shifted = database.execute(
            dropAuditTriggers +
            QStringLiteral(
                "UPDATE audit_log SET id = -id WHERE id > %1; UPDATE audit_log SET id = 1 - id WHERE id < 0;")
                .arg(afterId));
        !shifted)
        return shifted;
    const Result<SqliteStatement*> last =
        database.prepare(QStringLiteral("SELECT hash FROM audit_log WHERE id = ?"));
    if (!last)
        return Failure{last.error()};
    last.value()->bind(1, afterId);
    if (const Result<bool> row = last.value()->step(); !row)
        return Failure{row.error()};
    const QByteArray previous = last.value()->blob(0);
    last.value()->reset();
    const qint64 id = afterId + 1;
    const QString event = QStringLiteral("refund.completed");
    const QString detail = QStringLiteral("no=forged total=-99900");
    const Result<QByteArray> hash = crypto::sha256(QByteArray(
        previous + audit::canonicalContent(id, t0 + 1, std::nullopt, event, QStringLiteral("success"),
                                           QStringLiteral("ledger"), QStringLiteral("sale:99"), detail)));
    if (!hash)
        return Failure{hash.error()};
    const Result<SqliteStatement*> insert =
        database.prepare(QStringLiteral("INSERT INTO audit_log (id, created_ms, user_id, event, outcome, "
                                        "origin, resource, detail, prev_hash, hash) "
                                        "VALUES (?, ?, NULL, ?, 'success', 'ledger', 'sale:99', ?, ?, ?)"));
    if (!insert)
        return Failure{insert.error()};
    insert.value()
        ->bind(1, id)
        .bind(2, t0 + 1)
        .bind(3, event)
        .bind(4, detail)
        .bind(5, previous)
        .bind(6, hash.value());
    return insert.value()->run();
}

// Rebuilds card_payments without its UNIQUE (terminal_id, batch_no, stan) (SQLite's documented way to
// change a table), optionally adding a payment that reuses the approved payment's STAN.
Result<> dropStanConstraint(SqliteDatabase& database, const Fixture& f, bool addDuplicate)
{
    const Result<QString> create = database.queryText(
        QStringLiteral("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'card_payments'"));
    if (!create)
        return Failure{create.error()};
    QString rebuilt = create.value();
    rebuilt.replace(QRegularExpression(QStringLiteral(",\\s*UNIQUE \\(terminal_id, batch_no, stan\\)")),
                    QString());
    rebuilt.replace(QStringLiteral("CREATE TABLE card_payments"),
                    QStringLiteral("CREATE TABLE card_payments_new"));
    if (rebuilt.contains(QStringLiteral("UNIQUE (terminal_id")))
        return fail(ErrorCode::Internal, QString(), QStringLiteral("constraint not found in the schema"));
    QString script = QStringLiteral("PRAGMA foreign_keys = OFF; BEGIN; %1; "
                                    "INSERT INTO card_payments_new SELECT * FROM card_payments; "
                                    "DROP TABLE card_payments; "
                                    "ALTER TABLE card_payments_new RENAME TO card_payments; COMMIT;")
                         .arg(rebuilt);
    if (addDuplicate)
        script +=
            QStringLiteral(
                "INSERT INTO card_payments (transaction_type, amount_fen, pan_masked, pan_hmac, "
                "pan_hmac_key_id, card_organisation, entry_mode, terminal_id, merchant_id, batch_no, stan, "
                "local_ms, host_state, updated_ms) SELECT transaction_type, amount_fen, pan_masked, "
                "pan_hmac, "
                "pan_hmac_key_id, card_organisation, entry_mode, terminal_id, merchant_id, batch_no, stan, "
                "local_ms, 'declined', updated_ms FROM card_payments WHERE id = %1;")
                .arg(f.approvedPayment);
    return database.execute(script);
}

struct MutationRow
{
    const char* tag;
    QStringList expectedFailures;
    Mutate mutate;
};

const QString printJob =
    QStringLiteral("INSERT INTO print_jobs (kind, sale_id, document, state, created_ms) "
                   "VALUES ('card_slip_customer', %1, CAST('%2' AS BLOB), 'printed', 1);");

const QList<MutationRow>& mutationRows()
{
    static const QList<MutationRow> rows = {
        // Negative controls: legitimate states and untouched copies pass.
        {"control: untouched copy", {}, sql(QString())},
        {"control: audit triggers dropped, nothing changed", {}, sql(dropAuditTriggers)},
        {"control: card payment back to sending with its reversal re-armed",
         {},
         sqlWith([](const Fixture& f) -> QString {
             return QStringLiteral("UPDATE card_payments SET host_state = 'sending' WHERE id = %1; "
                                   "UPDATE outbox SET state = 'armed' WHERE card_payment_id = %1;")
                 .arg(f.declinedPayment);
         })},
        {"control: STAN constraint dropped, no duplicate",
         {},
         [](SqliteDatabase& database, const Fixture& f) { return dropStanConstraint(database, f, false); }},
        {"control: slip with masked PAN, merchant id, RRN", {}, sqlWith([](const Fixture& f) -> QString {
             return printJob.arg(f.splitSale)
                 .arg(QStringLiteral(
                     "{\"pan\":\"622848******1234\",\"mid\":\"123456789012345\",\"rrn\":\"123456789012\","
                     "\"tid\":\"12345678\",\"amount\":\"6.00\"}"));
         })},

        // audit_chain
        {"audit: one byte of a detail flipped",
         {QStringLiteral("audit_chain")},
         sql(dropAuditTriggers +
             QStringLiteral("UPDATE audit_log SET detail = "
                            "char((unicode(detail) | 1) - (unicode(detail) & 1)) || substr(detail, 2) "
                            "WHERE id = 5;"))},
        {"audit: middle row deleted",
         {QStringLiteral("audit_chain")},
         sql(dropAuditTriggers + QStringLiteral("DELETE FROM audit_log WHERE id = 6;"))},
        {"audit: forged row inserted in the middle",
         {QStringLiteral("audit_chain")},
         [](SqliteDatabase& database, const Fixture&) { return forgeAuditRow(database, 6); }},
        {"audit: two rows swapped",
         {QStringLiteral("audit_chain")},
         sql(dropAuditTriggers +
             QStringLiteral("CREATE TEMP TABLE swapped AS SELECT * FROM audit_log WHERE id IN (4, 5); "
                            "DELETE FROM audit_log WHERE id IN (4, 5); "
                            "UPDATE temp.swapped SET id = 9 - id; "
                            "INSERT INTO audit_log SELECT * FROM temp.swapped;"))},
        {"audit: tail cut off through the anchored row",
         {QStringLiteral("audit_chain"), QStringLiteral("foreign_key_check")},
         sqlWith([](const Fixture& f) -> QString {
             return dropAuditTriggers +
                    QStringLiteral("DELETE FROM audit_log WHERE id >= %1;").arg(f.anchoredAuditId);
         })},
        {"audit: anchor hash replaced",
         {QStringLiteral("audit_chain")},
         sql(QStringLiteral("UPDATE audit_anchors SET hash = randomblob(32);"))},

        // sums and totals
        {"sale: total changed",
         {QStringLiteral("sale_lines_sum"), QStringLiteral("sale_totals"), QStringLiteral("tenders_sum")},
         sqlWith([](const Fixture& f) -> QString {
             return QStringLiteral("PRAGMA ignore_check_constraints = ON; "
                                   "UPDATE sales SET total_fen = total_fen + 1 WHERE id = %1;")
                 .arg(f.weightSale);
         })},
        {"sale: subtotal no longer total plus discount",
         {QStringLiteral("sale_totals")},
         sqlWith([](const Fixture& f) -> QString {
             return QStringLiteral("PRAGMA ignore_check_constraints = ON; "
                                   "UPDATE sales SET subtotal_fen = subtotal_fen + 5 WHERE id = %1;")
                 .arg(f.splitSale);
         })},
        {"sale: lines deleted", {QStringLiteral("sale_lines_sum")}, sqlWith([](const Fixture& f) -> QString {
             return QStringLiteral("DELETE FROM sale_lines WHERE sale_id = %1;").arg(f.weightSale);
         })},
        {"sale: line total changed",
         {QStringLiteral("sale_lines_sum")},
         sqlWith([](const Fixture& f) -> QString {
             return QStringLiteral("UPDATE sale_lines SET total_fen = total_fen - 1 WHERE id = %1;")
                 .arg(f.splitLine);
         })},
        {"refund: signs turned positive",
         {QStringLiteral("sale_totals")},
         sqlWith([](const Fixture& f) -> QString {
             return QStringLiteral(
                        "UPDATE sales SET subtotal_fen = -subtotal_fen, total_fen = -total_fen, "
                        "tax_fen = -tax_fen WHERE id = %1; "
                        "UPDATE sale_lines SET total_fen = -total_fen WHERE sale_id = %1; "
                        "UPDATE tenders SET amount_fen = -amount_fen, cash_given_fen = -cash_given_fen, "
                        "change_fen = -change_fen WHERE sale_id = %1;")
                 .arg(f.refund);
         })},
        {"tender: cash tender deleted",
         {QStringLiteral("tenders_sum")},
         sqlWith([](const Fixture& f) -> QString {
             return QStringLiteral("DELETE FROM tenders WHERE id = %1;").arg(f.cashTender);
         })},
        {"tender: card tender deleted",
         {QStringLiteral("foreign_key_check"), QStringLiteral("tenders_sum")},
         sqlWith([](const Fixture& f) -> QString {
             return QStringLiteral("DELETE FROM tenders WHERE id = %1;").arg(f.cardTender);
         })},
        {"foreign key: line of a missing sale",
         {QStringLiteral("foreign_key_check")},
         sql(QStringLiteral(
             "INSERT INTO sale_lines (sale_id, line_no, description, quantity_milli, unit_price_fen, "
             "total_fen, business_date) VALUES (9999, 1, 'ghost', 1000, 100, 100, '2025-11-24');"))},

        // refunds
        {"refund: quantity beyond the original line",
         {QStringLiteral("refunds_within_originals")},
         sqlWith([](const Fixture& f) -> QString {
             return QStringLiteral("UPDATE sale_lines SET quantity_milli = 5000 WHERE id = %1;")
                 .arg(f.refundLine);
         })},
        {"refund: second refund for more money than was paid",
         {QStringLiteral("refunds_within_originals")},
         sqlWith([](const Fixture& f) -> QString {
             return QStringLiteral(
                        "INSERT INTO sales (id, sale_no, kind, state, original_sale_id, shift_id, "
                        "cashier_id, "
                        "subtotal_fen, discount_fen, total_fen, created_ms, business_date, hour) VALUES "
                        "(900, 'forged-refund', 'refund', 'completed', %1, %2, %3, -5000, 0, -5000, 1, "
                        "'2025-11-24', 12); "
                        "INSERT INTO sale_lines (sale_id, line_no, description, quantity_milli, "
                        "unit_price_fen, "
                        "total_fen, original_line_id, business_date) VALUES (900, 1, 'Bag', 1000, 50, -5000, "
                        "%4, "
                        "'2025-11-24'); "
                        "INSERT INTO tenders (sale_id, tender_no, kind, amount_fen, cash_given_fen, "
                        "change_fen, "
                        "created_ms, business_date, hour) VALUES (900, 1, 'cash', -5000, -5000, 0, 1, "
                        "'2025-11-24', 12);")
                 .arg(f.cashSale)
                 .arg(f.shift)
                 .arg(f.cashier)
                 .arg(f.bagLine);
         })},
        {"refund: line taken from another sale",
         {QStringLiteral("refunds_within_originals")},
         sqlWith([](const Fixture& f) -> QString {
             return QStringLiteral("UPDATE sale_lines SET original_line_id = %1 WHERE id = %2;")
                 .arg(f.splitLine)
                 .arg(f.refundLine);
         })},

        // payment links
        {"card: paying payment turned declined",
         {QStringLiteral("card_tenders_approved")},
         sqlWith([](const Fixture& f) -> QString {
             return QStringLiteral("UPDATE card_payments SET host_state = 'declined' WHERE id = %1;")
                 .arg(f.approvedPayment);
         })},
        {"card: payment amount differs from the tender",
         {QStringLiteral("card_tenders_approved")},
         sqlWith([](const Fixture& f) -> QString {
             return QStringLiteral("UPDATE card_payments SET amount_fen = amount_fen + 1 WHERE id = %1;")
                 .arg(f.approvedPayment);
         })},
        {"card: tender without its payment",
         {QStringLiteral("card_tenders_approved")},
         sqlWith([](const Fixture& f) -> QString {
             return QStringLiteral("UPDATE card_payments SET tender_id = NULL WHERE id = %1;")
                 .arg(f.approvedPayment);
         })},
        {"card: payment linked to a cash tender",
         {QStringLiteral("card_tenders_approved")},
         sqlWith([](const Fixture& f) -> QString {
             return QStringLiteral("UPDATE card_payments SET tender_id = %1 WHERE id = %2;")
                 .arg(f.cashTender)
                 .arg(f.declinedPayment);
         })},
        {"qr: tender without a QR payment",
         {QStringLiteral("card_tenders_approved")},
         sqlWith([](const Fixture& f) -> QString {
             return QStringLiteral("UPDATE tenders SET kind = 'qr', cash_given_fen = NULL, change_fen = NULL "
                                   "WHERE sale_id = %1;")
                 .arg(f.weightSale);
         })},

        // recovery records
        {"intent: back to sending, recovery record deleted",
         {QStringLiteral("no_orphan_intent")},
         sqlWith([](const Fixture& f) -> QString {
             return QStringLiteral("UPDATE card_payments SET host_state = 'sending' WHERE id = %1; "
                                   "DELETE FROM outbox WHERE card_payment_id = %1;")
                 .arg(f.declinedPayment);
         })},
        {"intent: in-flight payment's armed reversal deleted",
         {QStringLiteral("no_orphan_intent")},
         sqlWith([](const Fixture& f) -> QString {
             return QStringLiteral("DELETE FROM outbox WHERE card_payment_id = %1;").arg(f.inFlightPayment);
         })},
        {"intent: due reversal marked done",
         {QStringLiteral("no_orphan_intent")},
         sqlWith([](const Fixture& f) -> QString {
             return QStringLiteral("UPDATE outbox SET state = 'done' WHERE card_payment_id = %1;")
                 .arg(f.pendingPayment);
         })},

        // STAN
        {"stan: reused in the batch after the constraint was dropped",
         {QStringLiteral("stan_unique_per_batch")},
         [](SqliteDatabase& database, const Fixture& f) { return dropStanConstraint(database, f, true); }},

        // card data
        {"pan_masked: full 19-digit PAN",
         {QStringLiteral("no_sensitive_data")},
         sqlWith([](const Fixture& f) -> QString {
             return QStringLiteral("UPDATE card_payments SET pan_masked = '%1' WHERE id = %2;")
                 .arg(fullPan19)
                 .arg(f.declinedPayment);
         })},
        {"pan_masked: full 16-digit PAN",
         {QStringLiteral("no_sensitive_data")},
         sqlWith([](const Fixture& f) -> QString {
             return QStringLiteral("UPDATE card_payments SET pan_masked = '%1' WHERE id = %2;")
                 .arg(fullPan16)
                 .arg(f.approvedPayment);
         })},
        {"pan_masked: one star only",
         {QStringLiteral("no_sensitive_data")},
         sqlWith([](const Fixture& f) -> QString {
             return QStringLiteral("PRAGMA ignore_check_constraints = ON; "
                                   "UPDATE card_payments SET pan_masked = '622848*1234' WHERE id = %1;")
                 .arg(f.declinedPayment);
         })},
        {"card_payments: PAN in the RRN column",
         {QStringLiteral("no_sensitive_data")},
         sqlWith([](const Fixture& f) -> QString {
             return QStringLiteral("UPDATE card_payments SET rrn = '%1' WHERE id = %2;")
                 .arg(fullPan16)
                 .arg(f.declinedPayment);
         })},
        {"audit: PAN in a detail, chain recomputed",
         {QStringLiteral("no_sensitive_data")},
         [](SqliteDatabase& database, const Fixture& f) {
             const Result<> changed =
                 database.execute(dropAuditTriggers + QStringLiteral("UPDATE audit_log SET detail = 'pan=%1' "
                                                                     "WHERE id = %2;")
                                                          .arg(fullPan19)
                                                          .arg(f.lastAuditId));
             return changed ? rechainFrom(database, f.lastAuditId) : changed;
         }},
        {"audit: PAN in a detail",
         {QStringLiteral("audit_chain"), QStringLiteral("no_sensitive_data")},
         sql(dropAuditTriggers +
             QStringLiteral("UPDATE audit_log SET detail = 'card %1' WHERE id = 7;").arg(fullPan16))},
        {"host_journal: PAN in a note",
         {QStringLiteral("no_sensitive_data")},
         sql(QStringLiteral("INSERT INTO host_journal (created_ms, direction, message_kind, note) "
                            "VALUES (1, 'request', 'sale', 'pan %1 sent');")
                 .arg(fullPan19))},
        {"outbox: PAN in a payload",
         {QStringLiteral("no_sensitive_data")},
         sql(QStringLiteral(
                 "INSERT INTO outbox (kind, idempotency_key, payload, state, next_try_ms, created_ms, "
                 "updated_ms) VALUES ('advice', 'forged', CAST('0220;2=%1;4=600' AS BLOB), 'done', 1, 1, 1);")
                 .arg(fullPan16))},
        {"print_jobs: PAN on a slip",
         {QStringLiteral("no_sensitive_data")},
         sqlWith([](const Fixture& f) -> QString {
             return printJob.arg(f.splitSale).arg(QStringLiteral("{\"pan\":\"%1\"}").arg(fullPan19));
         })},
        {"print_jobs: 15 digits that are not the merchant id",
         {QStringLiteral("no_sensitive_data")},
         sqlWith([](const Fixture& f) -> QString {
             return printJob.arg(f.splitSale).arg(QStringLiteral("{\"mid\":\"999456789012345\"}"));
         })},
    };
    return rows;
}

// Overwrites the page header and cell pointers of the root page of a table or index.
bool damageRootPage(const QString& path, const QString& object)
{
    qint64 page = 0;
    qint64 pageSize = 0;
    {
        auto database = openRaw(path);
        if (!database)
            return false;
        const Result<qint64> root = database->queryInt64(
            QStringLiteral("SELECT rootpage FROM sqlite_schema WHERE name = '%1'").arg(object));
        const Result<qint64> size = database->queryInt64(QStringLiteral("PRAGMA page_size"));
        if (!root || !size)
            return false;
        page = root.value();
        pageSize = size.value();
    }
    QFile file(path);
    if (page < 2 || !file.open(QIODevice::ReadWrite) || !file.seek((page - 1) * pageSize + 3))
        return false;
    return file.write(QByteArray(16, '\xff')) == 16;
}

} // namespace

class tst_LedgerVerifier final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void namesEveryCheckInOrder();
    void goodLedgerPasses();
    void goodLedgerPassesOnAReadWriteConnection();
    void leavesTheConnectionAsItFoundIt();
    void mutationIsCaught_data();
    void mutationIsCaught();
    void detailNeverShowsTheCardNumber();
    void physicalDamageIsCaught_data();
    void physicalDamageIsCaught();

private:
    QString freshCopy(const QString& name);

    QTemporaryDir m_dir;
    QString m_good;
    Fixture m_fixture;
};

void tst_LedgerVerifier::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_good = m_dir.filePath(QStringLiteral("good.db"));
    QVERIFY(buildLedger(m_good, m_fixture));
    // Closed cleanly: everything is in the main file, which can be copied alone.
    QVERIFY(!QFile::exists(m_good + QStringLiteral("-wal")));
}

QString tst_LedgerVerifier::freshCopy(const QString& name)
{
    const QString path = m_dir.filePath(name + QStringLiteral(".db"));
    QFile::remove(path);
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    if (!QFile::copy(m_good, path))
        return {};
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    return path;
}

void tst_LedgerVerifier::namesEveryCheckInOrder()
{
    const Result<VerifyReport> report = verifyFile(m_good);
    POS_VERIFY_RESULT(report);
    QStringList names;
    for (const VerifyCheck& check : report.value().checks)
        names << check.name;
    QCOMPARE(names, verifyCheckNames());
    QCOMPARE(names.size(), 11);
}

void tst_LedgerVerifier::goodLedgerPasses()
{
    const Result<VerifyReport> report = verifyFile(m_good);
    POS_VERIFY_RESULT(report);
    QVERIFY2(report.value().ok(), qPrintable(describe(report.value())));
    QCOMPARE(failedChecks(report.value()), QStringList());
    const VerifyCheck* chain = report.value().check(QStringLiteral("audit_chain"));
    QVERIFY(chain);
    QCOMPARE(chain->detail, QStringLiteral("%1 rows intact").arg(m_fixture.lastAuditId));
}

void tst_LedgerVerifier::goodLedgerPassesOnAReadWriteConnection()
{
    const QString path = freshCopy(QStringLiteral("read-write"));
    auto opened = Ledger::open(path, Ledger::Creation::MustExist);
    POS_VERIFY_RESULT(opened);
    const Result<VerifyReport> report = verifyLedger(opened.value()->database());
    POS_VERIFY_RESULT(report);
    QVERIFY2(report.value().ok(), qPrintable(describe(report.value())));
}

// query_only is restored and no transaction is left open: the ledger can write right after verifying.
void tst_LedgerVerifier::leavesTheConnectionAsItFoundIt()
{
    const QString path = freshCopy(QStringLiteral("after"));
    auto opened = Ledger::open(path, Ledger::Creation::MustExist);
    POS_VERIFY_RESULT(opened);
    Ledger& ledger = *opened.value();
    POS_VERIFY_RESULT(verifyLedger(ledger.database()));
    QCOMPARE(ledger.database().queryInt64(QStringLiteral("PRAGMA query_only")).value(), qint64(0));
    POS_VERIFY_RESULT(ledger.appendAudit({t0 + 400'000,
                                          std::nullopt,
                                          QStringLiteral("test.after_verify"),
                                          true,
                                          QStringLiteral("test"),
                                          {},
                                          {}}));
    const Result<VerifyReport> again = verifyLedger(ledger.database());
    POS_VERIFY_RESULT(again);
    QVERIFY2(again.value().ok(), qPrintable(describe(again.value())));
}

void tst_LedgerVerifier::mutationIsCaught_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QStringList>("expectedFailures");
    for (int i = 0; i < mutationRows().size(); ++i) {
        QStringList expected = mutationRows().at(i).expectedFailures;
        expected.sort();
        QTest::newRow(mutationRows().at(i).tag) << i << expected;
    }
}

// Each row changes one thing in a fresh copy of the good ledger, through a raw connection (foreign keys off,
// triggers dropped where they would refuse, as someone with the file could); exactly the named checks fail.
void tst_LedgerVerifier::mutationIsCaught()
{
    QFETCH(int, row);
    QFETCH(QStringList, expectedFailures);
    const QString path = freshCopy(QStringLiteral("mutation-%1").arg(row));
    QVERIFY(!path.isEmpty());
    {
        auto database = openRaw(path);
        QVERIFY(database);
        POS_VERIFY_RESULT(mutationRows().at(row).mutate(*database, m_fixture));
    }
    const Result<VerifyReport> report = verifyFile(path);
    POS_VERIFY_RESULT(report);
    QVERIFY2(failedChecks(report.value()) == expectedFailures, qPrintable(describe(report.value())));
    QCOMPARE(report.value().ok(), expectedFailures.isEmpty());
    for (const VerifyCheck& check : report.value().checks) {
        if (!check.ok) {
            QVERIFY2(check.offenders > 0, qPrintable(check.name));
            QVERIFY2(!check.detail.isEmpty(), qPrintable(check.name));
        }
    }
}

// The check that finds a card number names where it is, never the number itself.
void tst_LedgerVerifier::detailNeverShowsTheCardNumber()
{
    const QString path = freshCopy(QStringLiteral("pan-detail"));
    {
        auto database = openRaw(path);
        QVERIFY(database);
        POS_VERIFY_RESULT(
            database->execute(QStringLiteral("UPDATE card_payments SET pan_masked = '%1' WHERE id = %2; "
                                             "UPDATE card_payments SET rrn = '%3' WHERE id = %4;")
                                  .arg(fullPan19)
                                  .arg(m_fixture.declinedPayment)
                                  .arg(fullPan16)
                                  .arg(m_fixture.approvedPayment)));
    }
    const Result<VerifyReport> report = verifyFile(path);
    POS_VERIFY_RESULT(report);
    const VerifyCheck* check = report.value().check(QStringLiteral("no_sensitive_data"));
    QVERIFY(check);
    QVERIFY(!check->ok);
    QCOMPARE(check->offenders, qint64(3)); // format of pan_masked, digits in pan_masked, digits in rrn
    QVERIFY2(check->detail.contains(QStringLiteral("card_payments.rrn id %1").arg(m_fixture.approvedPayment)),
             qPrintable(check->detail));
    QVERIFY(!check->detail.contains(QStringLiteral("6228480402")));
    QVERIFY(!QRegularExpression(QStringLiteral("[0-9]{13}")).match(describe(report.value())).hasMatch());
}

void tst_LedgerVerifier::physicalDamageIsCaught_data()
{
    QTest::addColumn<QString>("object");
    QTest::newRow("table page") << u"sale_lines"_qs;
    QTest::newRow("index page") << u"sales_by_date"_qs;
    QTest::newRow("audit log page") << u"audit_log"_qs;
}

// Bytes overwritten inside a b-tree page: either integrity_check fails or reading fails as StorageCorrupt;
// the file never verifies as good.
void tst_LedgerVerifier::physicalDamageIsCaught()
{
    QFETCH(QString, object);
    const QString path = freshCopy(QStringLiteral("damaged-") + object);
    QVERIFY(damageRootPage(path, object));
    const Result<VerifyReport> report = verifyFile(path);
    if (!report) {
        QCOMPARE(report.error().code, ErrorCode::StorageCorrupt);
        return;
    }
    QVERIFY(!report.value().ok());
    const VerifyCheck* integrity = report.value().check(QStringLiteral("integrity_check"));
    QVERIFY(integrity);
    QVERIFY2(!integrity->ok, qPrintable(describe(report.value())));
    QVERIFY(integrity->detail != QLatin1String("ok"));
}

QTEST_GUILESS_MAIN(tst_LedgerVerifier)
#include "tst_ledger_verifier.moc"
