// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// pos-tool ledger verify, as a real process on real ledger files.
#include "storage/Ledger.h"
#include "storage/LedgerVerifier.h"
#include "storage/sqlite/SqliteDatabase.h"
#include "support/TestSupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono_literals;
using namespace pos;
using namespace pos::storage;
using pos::test::builtExecutable;
using pos::test::runProcess;

namespace {

constexpr qint64 t0 = 1'764'000'000'000;

// A small ledger written through the public API: a user, a shift, a cash sale and a card sale.
bool buildLedger(const QString& path)
{
    auto opened = Ledger::open(path, Ledger::Creation::CreateIfMissing);
    if (!opened)
        return false;
    Ledger& ledger = *opened.value();
    const Result<qint64> cashier =
        ledger.addUser({QStringLiteral("li"), QStringLiteral("Li Na"), UserRole::Cashier, QByteArray(32, 'h'),
                        QByteArray(16, 's'), QStringLiteral("pbkdf2-sha256:600000")},
                       t0);
    if (!cashier ||
        !ledger.setTerminalIdentity(QStringLiteral("12345678"), QStringLiteral("123456789012345"), t0))
        return false;
    const Result<qint64> shift = ledger.openShift(cashier.value(), Money::fromFen(5000), t0);
    if (!shift)
        return false;

    SaleInput sale;
    sale.shiftId = shift.value();
    sale.cashierId = cashier.value();
    sale.lines = {{std::nullopt, QStringLiteral("Tea"), 2000, Money::fromFen(350), Money(), 1300}};
    TenderInput cash;
    cash.amount = Money::fromFen(700);
    sale.tenders = {cash};
    sale.createdMs = t0 + 60'000;
    if (!ledger.recordSale(sale))
        return false;

    CardIntentInput intent;
    intent.amount = Money::fromFen(900);
    intent.panMasked = QStringLiteral("622848******1234");
    intent.panHmac = QByteArray(32, '\x11');
    intent.entryMode = QStringLiteral("contactless");
    intent.createdMs = t0 + 70'000;
    const Result<CardIntent> card = ledger.beginCardPayment(intent);
    if (!card || !ledger.completeCardPayment(card.value().paymentId,
                                             {true, QStringLiteral("00"), QStringLiteral("123456789012"),
                                              QStringLiteral("654321"), false, t0 + 71'000}))
        return false;
    TenderInput cardTender;
    cardTender.kind = TenderKind::Card;
    cardTender.amount = Money::fromFen(900);
    cardTender.cardPaymentId = card.value().paymentId;
    sale.lines = {{std::nullopt, QStringLiteral("Rice"), 1000, Money::fromFen(900), Money(), 900}};
    sale.tenders = {cardTender};
    sale.createdMs = t0 + 80'000;
    return ledger.recordSale(sale).hasValue();
}

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

QJsonObject parseJson(const QByteArray& output)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(output, &error);
    return error.error == QJsonParseError::NoError ? document.object() : QJsonObject();
}

test::RunResult verify(const QStringList& arguments)
{
    return runProcess(builtExecutable(QStringLiteral("pos-tool")),
                      QStringList{QStringLiteral("ledger"), QStringLiteral("verify")} + arguments, 60s);
}

QStringList failingChecks(const QJsonObject& json)
{
    QStringList failing;
    for (const QJsonValue& check : json.value(QStringLiteral("checks")).toArray()) {
        if (!check.toObject().value(QStringLiteral("ok")).toBool())
            failing << check.toObject().value(QStringLiteral("name")).toString();
    }
    return failing;
}

} // namespace

class tst_PosToolLedgerVerify final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void goodLedgerJson();
    void goodLedgerHumanOutput();
    void leavesTheFileUntouched();
    void tamperedLedgerJson();
    void tamperedLedgerHumanOutput();
    void unusableFileFails_data();
    void unusableFileFails();
    void usageErrors_data();
    void usageErrors();

private:
    QString tamperedCopy();

    QTemporaryDir m_dir;
    QString m_good;
};

void tst_PosToolLedgerVerify::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_good = m_dir.filePath(QStringLiteral("good.db"));
    QVERIFY(buildLedger(m_good));
}

QString tst_PosToolLedgerVerify::tamperedCopy()
{
    const QString path = m_dir.filePath(QStringLiteral("tampered.db"));
    QFile::remove(path);
    if (!QFile::copy(m_good, path))
        return {};
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    auto opened =
        SqliteDatabase::open(path, SqliteDatabase::Access::ReadWrite, SqliteDatabase::Creation::MustExist);
    if (!opened ||
        !opened.value()->execute(QStringLiteral("DROP TRIGGER audit_log_no_update; "
                                                "UPDATE audit_log SET detail = detail || ' ' WHERE id = 3;")))
        return {};
    return path;
}

void tst_PosToolLedgerVerify::goodLedgerJson()
{
    const test::RunResult run = verify({QStringLiteral("--db"), m_good, QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = parseJson(run.standardOutput);
    QCOMPARE(json.value(QStringLiteral("ok")).toBool(false), true);
    QCOMPARE(json.value(QStringLiteral("db")).toString(), m_good);
    const QJsonArray checks = json.value(QStringLiteral("checks")).toArray();
    QStringList names;
    for (const QJsonValue& check : checks) {
        const QJsonObject object = check.toObject();
        names << object.value(QStringLiteral("name")).toString();
        QCOMPARE(object.value(QStringLiteral("ok")).toBool(false), true);
        QCOMPARE(object.value(QStringLiteral("offenders")).toInteger(-1), qint64(0));
        QVERIFY(object.contains(QStringLiteral("detail")));
    }
    QCOMPARE(names, verifyCheckNames());
}

void tst_PosToolLedgerVerify::goodLedgerHumanOutput()
{
    const test::RunResult run = verify({QStringLiteral("--db"), m_good});
    QCOMPARE(run.exitCode, 0);
    const QString out = QString::fromUtf8(run.standardOutput);
    for (const QString& name : verifyCheckNames())
        QVERIFY2(out.contains(QStringLiteral("PASS ") + name), qPrintable(out));
    QVERIFY(!out.contains(QStringLiteral("FAIL")));
}

// Read-only: the file's bytes are the same afterwards and nothing was written to the WAL. (A read-only
// connection to a WAL database may leave an empty -wal and a -shm behind; that is SQLite's normal behaviour.)
void tst_PosToolLedgerVerify::leavesTheFileUntouched()
{
    const QByteArray before = fileHash(m_good);
    QVERIFY(!before.isEmpty());
    const test::RunResult run = verify({QStringLiteral("--db"), m_good, QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(fileHash(m_good), before);
    const QFileInfo wal(m_good + QStringLiteral("-wal"));
    QVERIFY(!wal.exists() || wal.size() == 0);
}

void tst_PosToolLedgerVerify::tamperedLedgerJson()
{
    const QString path = tamperedCopy();
    QVERIFY(!path.isEmpty());
    const test::RunResult run = verify({QStringLiteral("--db"), path, QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject json = parseJson(run.standardOutput);
    QCOMPARE(json.value(QStringLiteral("ok")).toBool(true), false);
    QCOMPARE(failingChecks(json), QStringList{QStringLiteral("audit_chain")});
    for (const QJsonValue& check : json.value(QStringLiteral("checks")).toArray()) {
        const QJsonObject object = check.toObject();
        if (object.value(QStringLiteral("name")).toString() == QLatin1String("audit_chain")) {
            QCOMPARE(object.value(QStringLiteral("offenders")).toInteger(), qint64(1));
            QVERIFY(object.value(QStringLiteral("detail")).toString().contains(QStringLiteral("row 3")));
        }
    }
}

void tst_PosToolLedgerVerify::tamperedLedgerHumanOutput()
{
    const QString path = tamperedCopy();
    QVERIFY(!path.isEmpty());
    const test::RunResult run = verify({QStringLiteral("--db"), path});
    QCOMPARE(run.exitCode, 1);
    const QString out = QString::fromUtf8(run.standardOutput);
    QVERIFY2(out.contains(QStringLiteral("FAIL audit_chain")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("PASS tenders_sum")), qPrintable(out));
}

void tst_PosToolLedgerVerify::unusableFileFails_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing file") << u"missing"_qs << u"NotFound"_qs << u"does not exist"_qs;
    QTest::newRow("foreign SQLite file") << u"foreign"_qs << u"StorageCorrupt"_qs << u"not a POS ledger"_qs;
    QTest::newRow("not a database") << u"garbage"_qs << u"StorageCorrupt"_qs << u"damaged"_qs;
}

void tst_PosToolLedgerVerify::unusableFileFails()
{
    QFETCH(QString, kind);
    QFETCH(QString, code);
    QFETCH(QString, message);
    const QString path = m_dir.filePath(kind + QStringLiteral(".db"));
    if (kind == QLatin1String("foreign")) {
        auto opened = SqliteDatabase::open(path, SqliteDatabase::Access::ReadWrite,
                                           SqliteDatabase::Creation::CreateIfMissing);
        POS_VERIFY_RESULT(opened);
        POS_VERIFY_RESULT(opened.value()->execute(
            QStringLiteral("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")));
    } else if (kind == QLatin1String("garbage")) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
    }

    const test::RunResult json = verify({QStringLiteral("--db"), path, QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 1);
    const QJsonObject object = parseJson(json.standardOutput);
    QCOMPARE(object.value(QStringLiteral("ok")).toBool(true), false);
    QCOMPARE(object.value(QStringLiteral("code")).toString(), code);
    QVERIFY2(object.value(QStringLiteral("error")).toString().contains(message),
             json.standardOutput.constData());

    const test::RunResult human = verify({QStringLiteral("--db"), path});
    QCOMPARE(human.exitCode, 1);
    QVERIFY2(QString::fromUtf8(human.standardError).contains(message), human.standardError.constData());
    if (kind == QLatin1String("missing"))
        QVERIFY(!QFile::exists(path));
}

void tst_PosToolLedgerVerify::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no --db") << QStringList{};
    QTest::newRow("empty --db") << QStringList{u"--db"_qs, QString()};
    QTest::newRow("unknown option") << QStringList{u"--db"_qs, u"x.db"_qs, u"--fix"_qs};
    QTest::newRow("stray argument") << QStringList{u"--db"_qs, u"x.db"_qs, u"extra"_qs};
}

void tst_PosToolLedgerVerify::usageErrors()
{
    QFETCH(QStringList, arguments);
    const test::RunResult run = verify(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.standardOutput.isEmpty());
    QVERIFY(!run.standardError.isEmpty());
}

QTEST_GUILESS_MAIN(tst_PosToolLedgerVerify)
#include "tst_pos_tool_ledger_verify.moc"
