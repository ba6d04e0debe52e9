// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// Ledger: cash drawer movements and shift close (Z).
#include "storage/AuditChain.h"
#include "storage/Ledger.h"
#include "storage/LedgerSupport.h"
#include "storage/sqlite/TransactionGuard.h"

namespace pos {
namespace storage {

using detail::invalid;
using detail::LedgerText;

Result<qint64> Ledger::recordCashMovement(qint64 shiftId,
                                          CashMovementKind kind,
                                          Money amount,
                                          const QString& reason,
                                          qint64 userId,
                                          std::optional<qint64> approvedBy,
                                          qint64 nowMs)
{
    const bool noSale = kind == CashMovementKind::NoSale;
    if (amount.isNegative() || (noSale && !amount.isZero()) || (!noSale && amount.isZero()))
        return invalid(
            LedgerText::tr("The cash amount is not valid."),
            QStringLiteral("cash movement %1 of %2").arg(cashMovementKindKey(kind)).arg(amount.fen()));
    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return Failure{begun.error()};
    if (const Result<> open = detail::requireOpenShift(*m_database, shiftId); !open)
        return Failure{open.error()};
    const Result<SqliteStatement*> insert = m_database->prepare(QStringLiteral(
        "INSERT INTO cash_movements (shift_id, kind, amount_fen, reason, user_id, approved_by, created_ms) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)"));
    if (!insert)
        return Failure{insert.error()};
    insert.value()
        ->bind(1, shiftId)
        .bind(2, cashMovementKindKey(kind))
        .bind(3, amount.fen())
        .bind(4, reason.trimmed())
        .bind(5, userId)
        .bind(6, approvedBy)
        .bind(7, nowMs);
    if (const Result<> ran = insert.value()->run(); !ran)
        return Failure{ran.error()};
    const qint64 id = m_database->lastInsertRowId();
    if (const Result<qint64> audited = audit::append(
            *m_database, {nowMs, userId, QStringLiteral("cash.%1").arg(cashMovementKindKey(kind)), true,
                          QStringLiteral("ledger"), QStringLiteral("shift:%1").arg(shiftId),
                          QStringLiteral("amount=%1 approved_by=%2")
                              .arg(amount.fen())
                              .arg(approvedBy ? QString::number(*approvedBy) : QStringLiteral("-"))});
        !audited)
        return Failure{audited.error()};
    if (const Result<> committed = transaction.commit(); !committed)
        return Failure{committed.error()};
    return id;
}

Result<qint64> Ledger::closeShift(qint64 shiftId, Money countedCash, qint64 nowMs)
{
    if (countedCash.isNegative())
        return invalid(LedgerText::tr("The counted cash cannot be negative."),
                       QStringLiteral("negative count"));
    TransactionGuard transaction(*m_database);
    if (const Result<> begun = transaction.begin(); !begun)
        return Failure{begun.error()};
    if (const Result<> open =
            detail::requireOpenShift(*m_database, shiftId, LedgerText::tr("This shift is not open."));
        !open)
        return Failure{open.error()};

    const Result<SqliteStatement*> expected = m_database->prepare(QStringLiteral(
        "SELECT s.opening_float_fen "
        "+ coalesce((SELECT sum(t.amount_fen) FROM tenders t JOIN sales x ON x.id = t.sale_id "
        "            WHERE x.shift_id = s.id AND x.state = 'completed' AND t.kind = 'cash'), 0) "
        "+ coalesce((SELECT sum(amount_fen) FROM cash_movements WHERE shift_id = s.id AND kind = 'cash_in'), "
        "0) "
        "- coalesce((SELECT sum(amount_fen) FROM cash_movements WHERE shift_id = s.id AND kind = "
        "'cash_out'), 0), "
        "s.cashier_id, (SELECT coalesce(max(z_report_no), 0) + 1 FROM shifts) FROM shifts s WHERE s.id = ?"));
    if (!expected)
        return Failure{expected.error()};
    expected.value()->bind(1, shiftId);
    const Result<bool> row = expected.value()->step();
    if (!row)
        return Failure{row.error()};
    const Money expectedCash = Money::fromFen(expected.value()->int64(0));
    const qint64 cashierId = expected.value()->int64(1);
    const qint64 zNumber = expected.value()->int64(2);
    expected.value()->reset();

    const Result<SqliteStatement*> close = m_database->prepare(QStringLiteral(
        "UPDATE shifts SET state = 'closed', closed_ms = ?, expected_cash_fen = ?, counted_cash_fen = ?, "
        "z_report_no = ? WHERE id = ? AND state = 'open'"));
    if (!close)
        return Failure{close.error()};
    close.value()
        ->bind(1, nowMs)
        .bind(2, expectedCash.fen())
        .bind(3, countedCash.fen())
        .bind(4, zNumber)
        .bind(5, shiftId);
    if (const Result<> ran = close.value()->run(); !ran)
        return Failure{ran.error()};
    if (const Result<qint64> audited =
            audit::append(*m_database, {nowMs, cashierId, QStringLiteral("shift.closed"), true,
                                        QStringLiteral("ledger"), QStringLiteral("shift:%1").arg(shiftId),
                                        QStringLiteral("z=%1 expected=%2 counted=%3 difference=%4")
                                            .arg(zNumber)
                                            .arg(expectedCash.fen())
                                            .arg(countedCash.fen())
                                            .arg((countedCash - expectedCash).fen())});
        !audited)
        return Failure{audited.error()};
    if (const Result<> committed = transaction.commit(); !committed)
        return Failure{committed.error()};
    return zNumber;
}

} // namespace storage
} // namespace pos
