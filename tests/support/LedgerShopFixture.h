// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "storage/Ledger.h"

#include <QTemporaryDir>

#include <memory>

// A small shop on a fresh ledger in a temporary directory, shared by the ledger tests: a cashier, a
// supervisor, an open shift, two products and a terminal identity.
namespace pos {
namespace test {

using storage::Ledger;

constexpr qint64 noon = 1'795'000'000'000; // a fixed instant; business date derives from local time

inline Money yuan(qint64 fen)
{
    return Money::fromFen(fen);
}

struct Shop
{
    QTemporaryDir dir;
    std::unique_ptr<Ledger> ledger;
    qint64 cashier = 0;
    qint64 supervisor = 0;
    qint64 shift = 0;
    qint64 cola = 0;   // 3.50 a bottle
    qint64 apples = 0; // 12.80 per kg

    QString path() const { return dir.filePath(QStringLiteral("pos.db")); }

    bool setUp()
    {
        auto opened = Ledger::open(path(), Ledger::Creation::CreateIfMissing);
        if (!opened)
            return false;
        ledger = std::move(opened).value();
        const NewUser cashierUser{QStringLiteral("wang"), QStringLiteral("王芳"), UserRole::Cashier,
                                  QByteArray(32, '\x01'), QByteArray(16, '\x02'), QStringLiteral("test")};
        const NewUser supervisorUser{QStringLiteral("li"),   QStringLiteral("李强"), UserRole::Supervisor,
                                     QByteArray(32, '\x03'), QByteArray(16, '\x04'), QStringLiteral("test")};
        cashier = ledger->addUser(cashierUser, noon).value();
        supervisor = ledger->addUser(supervisorUser, noon).value();
        shift = ledger->openShift(cashier, yuan(50000), noon).value();
        cola = ledger
                   ->addProduct({QStringLiteral("690001"), QStringLiteral("可乐 500ml"), QStringLiteral("kl"),
                                 std::nullopt, false, yuan(350), 1300, 100'000},
                                noon)
                   .value();
        apples = ledger
                     ->addProduct({QStringLiteral("200001"), QStringLiteral("苹果"), QStringLiteral("pg"),
                                   std::nullopt, true, yuan(1280), 900, 50'000},
                                  noon)
                     .value();
        return ledger
            ->setTerminalIdentity(QStringLiteral("12345678"), QStringLiteral("123456789012345"), noon)
            .hasValue();
    }

    SaleInput cashSale(qint64 paid, qint64 given) const
    {
        SaleInput sale;
        sale.shiftId = shift;
        sale.cashierId = cashier;
        sale.createdMs = noon;
        sale.lines = {{cola, QStringLiteral("可乐 500ml"), 2000, yuan(350), Money(), 1300},
                      {apples, QStringLiteral("苹果"), 1234, yuan(1280), Money(), 900}};
        sale.tenders = {{TenderKind::Cash, yuan(paid), yuan(given), std::nullopt, std::nullopt}};
        return sale;
    }

    CardIntentInput cardIntent(qint64 amount,
                               CardTransactionType type = CardTransactionType::Sale,
                               std::optional<qint64> original = std::nullopt) const
    {
        return {type,
                yuan(amount),
                QStringLiteral("622848******1234"),
                QByteArray(32, '\x5a'),
                1,
                QStringLiteral("CUP"),
                QStringLiteral("chip"),
                original,
                QByteArray(),
                noon};
    }

    // A card payment approved by the host (intent committed, then completed), ready to pay a tender.
    qint64 approvedCard(qint64 amount,
                        CardTransactionType type = CardTransactionType::Sale,
                        std::optional<qint64> original = std::nullopt) const
    {
        const Result<CardIntent> intent = ledger->beginCardPayment(cardIntent(amount, type, original));
        if (!intent)
            return 0;
        const Result<> completed = ledger->completeCardPayment(
            intent.value().paymentId, {true, QStringLiteral("00"), QStringLiteral("123456789012"),
                                       QStringLiteral("A1B2C3"), true, noon});
        return completed ? intent.value().paymentId : 0;
    }

    QString text(const QString& sql) const { return ledger->database().queryText(sql).value(); }
    qint64 count(const QString& sql) const { return ledger->database().queryInt64(sql).value(); }
};

} // namespace test
} // namespace pos
