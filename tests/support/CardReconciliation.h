// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "support/CardLinkFixture.h"

#include <QHash>
#include <QJsonArray>
#include <QTest>

// The end-of-run check of the card chaos and crash tests (reference §9.3): after the reversal queue drained,
// no local payment is left in doubt, every local payment matches the host's record of the same batch and
// STAN (charged on one side exactly when charged on the other; a local void is a host void), and the host
// holds no approval the terminal does not know. QVERIFY/QCOMPARE inside: check QTest::currentTestFailed().
namespace pos {
namespace test {

struct LocalCardPayment
{
    QString type;
    QString state;
    int batch = 0;
    int stan = 0;
};

inline Result<QList<LocalCardPayment>> localCardPayments(CardLinkFixture& link)
{
    return link.onLedger<QList<LocalCardPayment>>([](storage::Ledger& ledger)
                                                      -> Result<QList<LocalCardPayment>> {
        const Result<storage::SqliteStatement*> select = ledger.database().prepare(
            QStringLiteral("SELECT transaction_type, host_state, batch_no, stan FROM card_payments"));
        if (!select)
            return Failure{select.error()};
        QList<LocalCardPayment> rows;
        while (true) {
            const Result<bool> row = select.value()->step();
            if (!row)
                return Failure{row.error()};
            if (!row.value())
                break;
            const storage::SqliteStatement& s = *select.value();
            rows.append({s.text(0), s.text(1), static_cast<int>(s.int64(2)), static_cast<int>(s.int64(3))});
        }
        select.value()->reset();
        return rows;
    });
}

// Returns how many local payments are charged (approved sales and refunds).
inline int verifyHostMatchesLedger(CardLinkFixture& link)
{
    const Result<QList<LocalCardPayment>> local = localCardPayments(link);
    if (!local) {
        QTest::qFail(qPrintable(local.error().detail), __FILE__, __LINE__);
        return 0;
    }
    QHash<QString, QJsonObject> host;
    int hostApprovals = 0;
    for (const QJsonValue& row : link.hostDump().value(QStringLiteral("transactions")).toArray()) {
        const QJsonObject object = row.toObject();
        host.insert(QStringLiteral("%1/%2/%3")
                        .arg(object.value(QStringLiteral("batch")).toInteger())
                        .arg(object.value(QStringLiteral("stan")).toString().toInt())
                        .arg(object.value(QStringLiteral("kind")).toString()),
                    object);
        hostApprovals +=
            object.value(QStringLiteral("state")).toString() == QStringLiteral("approved") ? 1 : 0;
    }
    int localCharged = 0;
    for (const LocalCardPayment& payment : local.value()) {
        const QString key = QStringLiteral("%1/%2/%3").arg(payment.batch).arg(payment.stan).arg(payment.type);
        const QString hostState = host.value(key).value(QStringLiteral("state")).toString();
        const QString where =
            key + QStringLiteral(" local ") + payment.state + QStringLiteral(" host ") + hostState;
        if (payment.state == QStringLiteral("sending") ||
            payment.state == QStringLiteral("reversal_pending")) {
            QTest::qFail(qPrintable(QStringLiteral("still in doubt: ") + where), __FILE__, __LINE__);
            return localCharged;
        }
        const bool charged =
            payment.state == QStringLiteral("approved") || payment.state == QStringLiteral("refunded");
        if ((hostState == QStringLiteral("approved")) != charged ||
            (payment.state == QStringLiteral("voided") && hostState != QStringLiteral("voided"))) {
            QTest::qFail(qPrintable(QStringLiteral("host and ledger differ: ") + where), __FILE__, __LINE__);
            return localCharged;
        }
        localCharged += charged ? 1 : 0;
    }
    // No approval the terminal does not know: no double charge.
    if (hostApprovals != localCharged)
        QTest::qFail(
            qPrintable(
                QStringLiteral("host approvals %1, local charged %2").arg(hostApprovals).arg(localCharged)),
            __FILE__, __LINE__);
    return localCharged;
}

} // namespace test
} // namespace pos
