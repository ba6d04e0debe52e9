// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// PCI DSS 3.3.1 / 3.5.1 in practice: after card sales, refunds and refused input, no full card number, track
// 2 or PIN block is found anywhere in the data directory (database, WAL, backups, logs), in any encoding.
#include "app/LogSink.h"
#include "core/crypto/CryptoPrimitives.h"
#include "storage/Ledger.h"
#include "storage/LedgerBackup.h"
#include "support/SensitiveDataScanner.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pos;
using namespace pos::storage;

namespace {

constexpr qint64 now = 1'795'000'000'000;
const QByteArray testPan("6228480402564890018");
const QByteArray testTrack2("6228480402564890018=25122010000000000000");
const QByteArray testPinBlock = QByteArray::fromHex("0412AC89ABCDEF67");

test::SensitiveDataScanner scanner()
{
    test::SensitiveDataScanner scanner;
    scanner.addSecret(QStringLiteral("PAN"), testPan);
    scanner.addSecret(QStringLiteral("track 2"), testTrack2);
    scanner.addSecret(QStringLiteral("PIN block"), testPinBlock.toHex().toUpper());
    return scanner;
}

struct CardShop
{
    QTemporaryDir dir;
    std::unique_ptr<app::LogSink> log;
    std::unique_ptr<Ledger> ledger;
    qint64 cashier = 0;
    qint64 shift = 0;

    bool setUp()
    {
        log = std::make_unique<app::LogSink>(
            app::LogSink::Config{dir.filePath(QStringLiteral("logs/pos.log"))});
        if (!log->start())
            return false;
        app::LogSink::installMessageHandler(log.get());
        auto opened = Ledger::open(dir.filePath(QStringLiteral("pos.db")), Ledger::Creation::CreateIfMissing);
        if (!opened)
            return false;
        ledger = std::move(opened).value();
        cashier = ledger
                      ->addUser({QStringLiteral("zhao"), QStringLiteral("赵敏"), UserRole::Cashier,
                                 QByteArray(32, '\x01'), QByteArray(16, '\x02'), QStringLiteral("test")},
                                now)
                      .value();
        shift = ledger->openShift(cashier, Money(), now).value();
        return ledger->setTerminalIdentity(QStringLiteral("12345678"), QStringLiteral("123456789012345"), now)
            .hasValue();
    }

    ~CardShop() { app::LogSink::installMessageHandler(nullptr); }

    // What the acquirer engine hands the ledger for a card read by the PIN pad: masked PAN and keyed hash
    // only.
    CardIntentInput intentFor(qint64 fen, CardTransactionType type, std::optional<qint64> original = {}) const
    {
        const QByteArray hmacKey(32, '\x42');
        QString masked = QString::fromLatin1(testPan.left(6)) +
                         QString(testPan.size() - 10, QLatin1Char('*')) +
                         QString::fromLatin1(testPan.right(4));
        return {type,
                Money::fromFen(fen),
                masked,
                crypto::hmacSha256(hmacKey, testPan).value(),
                7,
                QStringLiteral("CUP"),
                QStringLiteral("swipe"),
                original,
                QByteArray(),
                now};
    }

    bool ringCardSale(qint64 fen)
    {
        const Result<CardIntent> intent = ledger->beginCardPayment(intentFor(fen, CardTransactionType::Sale));
        if (!intent)
            return false;
        if (!ledger->completeCardPayment(intent.value().paymentId,
                                         {true, QStringLiteral("00"), QStringLiteral("300012345678"),
                                          QStringLiteral("654321"), true, now}))
            return false;
        SaleInput sale;
        sale.shiftId = shift;
        sale.cashierId = cashier;
        sale.createdMs = now;
        sale.lines = {{std::nullopt, QStringLiteral("茶叶"), 1000, Money::fromFen(fen), Money(), 1300}};
        sale.tenders = {
            {TenderKind::Card, Money::fromFen(fen), Money(), intent.value().paymentId, std::nullopt}};
        return ledger->recordSale(sale).hasValue();
    }
};

} // namespace

class tst_LedgerNoSensitiveData final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void scannerFindsEveryEncoding_data();
    void scannerFindsEveryEncoding();
    void cardSalesLeaveNoSecretsAtRest();
    void storedPanIsCaught();
};

void tst_LedgerNoSensitiveData::scannerFindsEveryEncoding_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<QByteArray>("needle");
    for (const auto& [label, needle] : scanner().needles())
        QTest::newRow(qPrintable(label)) << label << needle;
}

// Negative control for the scanner itself: each encoding planted in a file is found.
void tst_LedgerNoSensitiveData::scannerFindsEveryEncoding()
{
    QFETCH(QString, label);
    QFETCH(QByteArray, needle);
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("planted.bin")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(100, '\x07') + needle + QByteArray(50, '\x09'));
    file.close();
    const QList<test::SecretHit> hits = scanner().scanDirectory(dir.path());
    QVERIFY2(!hits.isEmpty(), qPrintable(label));
}

void tst_LedgerNoSensitiveData::cardSalesLeaveNoSecretsAtRest()
{
    CardShop shop;
    QVERIFY(shop.setUp());
    for (int i = 0; i < 20; ++i)
        QVERIFY(shop.ringCardSale(1000 + i));
    // A declined card and an interrupted one (reversal due after restart).
    const qint64 declined =
        shop.ledger->beginCardPayment(shop.intentFor(500, CardTransactionType::Sale)).value().paymentId;
    POS_VERIFY_RESULT(
        shop.ledger->completeCardPayment(declined, {false, QStringLiteral("55"), {}, {}, false, now}));
    POS_VERIFY_RESULT(shop.ledger->beginCardPayment(shop.intentFor(700, CardTransactionType::Sale)));
    // Input that would put a full card number on disk is refused (and must not be logged either).
    CardIntentInput bad = shop.intentFor(100, CardTransactionType::Sale);
    bad.panMasked = QString::fromLatin1(testPan);
    QVERIFY(!shop.ledger->beginCardPayment(bad));
    bad.panMasked = QString::fromLatin1(testTrack2);
    QVERIFY(!shop.ledger->beginCardPayment(bad));
    QVERIFY(shop.ledger->recoverInterruptedPayments(now + 1000).hasValue());
    QVERIFY(QDir(shop.dir.path()).mkpath(QStringLiteral("backups")));
    const Result<BackupInfo> backup = backupLedger(
        shop.ledger->database(), shop.dir.filePath(QStringLiteral("backups/ledger-2026-11-22.db")));
    POS_VERIFY_RESULT(backup);
    shop.log->flush();

    // Scanned while the ledger is open (the WAL holds the recent pages) and again after it is closed.
    QVERIFY(QFile::exists(shop.dir.filePath(QStringLiteral("pos.db-wal"))));
    const QList<test::SecretHit> open = scanner().scanDirectory(shop.dir.path());
    QVERIFY2(open.isEmpty(), qPrintable(test::SensitiveDataScanner::describe(open)));
    shop.ledger.reset();
    const QList<test::SecretHit> closed = scanner().scanDirectory(shop.dir.path());
    QVERIFY2(closed.isEmpty(), qPrintable(test::SensitiveDataScanner::describe(closed)));
}

// Negative control: a bug that writes the full PAN anywhere (here: an audit detail) is caught.
void tst_LedgerNoSensitiveData::storedPanIsCaught()
{
    CardShop shop;
    QVERIFY(shop.setUp());
    QVERIFY(shop.ringCardSale(1000));
    POS_VERIFY_RESULT(shop.ledger->appendAudit({now,
                                                std::nullopt,
                                                QStringLiteral("debug"),
                                                true,
                                                QStringLiteral("test"),
                                                {},
                                                QStringLiteral("card ") + QString::fromLatin1(testPan)}));
    const QList<test::SecretHit> hits = scanner().scanDirectory(shop.dir.path());
    QVERIFY(!hits.isEmpty());
    QCOMPARE(hits.first().secretName, QStringLiteral("PAN"));
}

QTEST_GUILESS_MAIN(tst_LedgerNoSensitiveData)
#include "tst_ledger_no_sensitive_data.moc"
