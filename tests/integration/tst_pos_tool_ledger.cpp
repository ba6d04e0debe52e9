// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "storage/Migrator.h"
#include "storage/sqlite/SqliteDatabase.h"
#include "support/TestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
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

test::RunResult posTool(const QStringList& arguments)
{
    return runProcess(builtExecutable(QStringLiteral("pos-tool")), arguments, 30s);
}

// The single JSON object on stdout, or an empty object when stdout is not exactly that.
QJsonObject parseJson(const QByteArray& output)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(output, &error);
    return error.error == QJsonParseError::NoError && document.isObject() ? document.object() : QJsonObject();
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

std::unique_ptr<SqliteDatabase> openReadWrite(const QString& path)
{
    auto opened = SqliteDatabase::open(path, SqliteDatabase::Access::ReadWrite,
                                       SqliteDatabase::Creation::CreateIfMissing);
    if (!opened || !opened.value()->applyLedgerSettings())
        return nullptr;
    return std::move(opened).value();
}

std::unique_ptr<SqliteDatabase> openReadOnly(const QString& path)
{
    auto opened =
        SqliteDatabase::open(path, SqliteDatabase::Access::ReadOnly, SqliteDatabase::Creation::MustExist);
    if (!opened)
        return nullptr;
    return std::move(opened).value();
}

bool setSetting(const QString& ledgerPath, const QString& key, const QString& value)
{
    auto database = openReadWrite(ledgerPath);
    return database && database->execute(QStringLiteral("INSERT INTO settings (key, value, updated_ms) "
                                                        "VALUES ('%1', '%2', 1767225600000)")
                                             .arg(key, value));
}

QStringList settingKeys(const QString& ledgerPath)
{
    auto database = openReadOnly(ledgerPath);
    if (!database)
        return {QStringLiteral("cannot open")};
    auto statement = database->prepare(QStringLiteral("SELECT key FROM settings ORDER BY key"));
    if (!statement)
        return {QStringLiteral("cannot prepare")};
    QStringList keys;
    while (statement.value()->step().value())
        keys << statement.value()->text(0);
    statement.value()->reset();
    return keys;
}

int latestVersion()
{
    return Migrator::latestVersion(Migrator::ledgerMigrations());
}

QStringList entriesOf(const QString& directory)
{
    return QDir(directory).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
}

} // namespace

class tst_PosToolLedger final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initCreatesALedger();
    void initTwiceAppliesNothing();
    void initHumanOutput();
    void initRefusesAFileThatIsNotAUsableLedger_data();
    void initRefusesAFileThatIsNotAUsableLedger();
    void backupAndRestoreRoundTrip();
    void restoreOfADamagedBackupChangesNothing();
    void usageErrorsExit2_data();
    void usageErrorsExit2();
};

void tst_PosToolLedger::initCreatesALedger()
{
    QTemporaryDir dir;
    const QString ledgerPath = dir.filePath(u"pos.db"_qs);
    const auto run = posTool({u"ledger"_qs, u"init"_qs, u"--db"_qs, ledgerPath, u"--json"_qs});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = parseJson(run.standardOutput);
    QCOMPARE(json.value(u"ok"_qs).toBool(), true);
    QCOMPARE(json.value(u"created"_qs).toBool(), true);
    QCOMPARE(json.value(u"schemaVersion"_qs).toInt(), latestVersion());
    QCOMPARE(json.value(u"migrationsApplied"_qs).toInt(), latestVersion());

    auto ledger = openReadOnly(ledgerPath);
    QVERIFY(ledger);
    QCOMPARE(ledger->queryInt64(u"PRAGMA user_version"_qs).value(), qint64(latestVersion()));
    QCOMPARE(ledger->queryInt64(u"PRAGMA application_id"_qs).value(), Migrator::ledgerApplicationId);
    POS_VERIFY_RESULT(Migrator::checkCompatible(*ledger, Migrator::ledgerMigrations()));
}

void tst_PosToolLedger::initTwiceAppliesNothing()
{
    QTemporaryDir dir;
    const QString ledgerPath = dir.filePath(u"pos.db"_qs);
    QCOMPARE(posTool({u"ledger"_qs, u"init"_qs, u"--db"_qs, ledgerPath}).exitCode, 0);
    QVERIFY(setSetting(ledgerPath, u"kept"_qs, u"yes"_qs));
    const auto run = posTool({u"ledger"_qs, u"init"_qs, u"--db"_qs, ledgerPath, u"--json"_qs});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = parseJson(run.standardOutput);
    QCOMPARE(json.value(u"ok"_qs).toBool(), true);
    QCOMPARE(json.value(u"created"_qs).toBool(true), false);
    QCOMPARE(json.value(u"migrationsApplied"_qs).toInt(-1), 0);
    QCOMPARE(settingKeys(ledgerPath), QStringList{u"kept"_qs});
}

void tst_PosToolLedger::initHumanOutput()
{
    QTemporaryDir dir;
    const auto run = posTool({u"ledger"_qs, u"init"_qs, u"--db"_qs, dir.filePath(u"pos.db"_qs)});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.standardOutput.startsWith("created ledger "), run.standardOutput.constData());
}

void tst_PosToolLedger::initRefusesAFileThatIsNotAUsableLedger_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("expectedCode");
    QTest::newRow("text file") << u"text"_qs << u"StorageCorrupt"_qs;
    // Kept in journal_mode=DELETE: configuring it for writing (WAL) would already change its header.
    QTest::newRow("another program's SQLite file") << u"foreign"_qs << u"StorageCorrupt"_qs;
    QTest::newRow("ledger of a newer POS") << u"newer"_qs << u"VersionMismatch"_qs;
}

void tst_PosToolLedger::initRefusesAFileThatIsNotAUsableLedger()
{
    QFETCH(QString, kind);
    QFETCH(QString, expectedCode);
    QTemporaryDir dir;
    const QString path = dir.filePath(u"pos.db"_qs);
    if (kind == u"text"_qs)
        QVERIFY(writeFile(path, QByteArray("shopping list: rice, oil, tea\n").repeated(200)));
    if (kind == u"foreign"_qs) {
        auto other = openReadWrite(path);
        QVERIFY(other);
        POS_VERIFY_RESULT(
            other->execute(u"CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); "
                           "INSERT INTO photos (name) VALUES ('cat.jpg'); PRAGMA journal_mode=DELETE"_qs));
    }
    if (kind == u"newer"_qs) {
        QCOMPARE(posTool({u"ledger"_qs, u"init"_qs, u"--db"_qs, path}).exitCode, 0);
        auto ledger = openReadWrite(path);
        QVERIFY(ledger);
        POS_VERIFY_RESULT(ledger->execute(
            QStringLiteral("PRAGMA user_version = %1; PRAGMA journal_mode=DELETE").arg(latestVersion() + 1)));
    }
    const QByteArray before = readAll(path);
    const QStringList entriesBefore = entriesOf(dir.path());

    const auto run = posTool({u"ledger"_qs, u"init"_qs, u"--db"_qs, path, u"--json"_qs});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject json = parseJson(run.standardOutput);
    QCOMPARE(json.value(u"ok"_qs).toBool(true), false);
    QCOMPARE(json.value(u"code"_qs).toString(), expectedCode);
    QVERIFY(!json.value(u"error"_qs).toString().isEmpty());
    QCOMPARE(readAll(path), before);
    QCOMPARE(entriesOf(dir.path()), entriesBefore);
}

void tst_PosToolLedger::backupAndRestoreRoundTrip()
{
    QTemporaryDir dir;
    const QString ledgerPath = dir.filePath(u"pos.db"_qs);
    const QString backupPath = dir.filePath(u"ledger-2026-03-15.db"_qs);
    QCOMPARE(posTool({u"ledger"_qs, u"init"_qs, u"--db"_qs, ledgerPath}).exitCode, 0);
    QVERIFY(setSetting(ledgerPath, u"backed_up"_qs, u"yes"_qs));

    const auto backup =
        posTool({u"ledger"_qs, u"backup"_qs, u"--db"_qs, ledgerPath, u"--out"_qs, backupPath, u"--json"_qs});
    QCOMPARE(backup.exitCode, 0);
    const QJsonObject backupJson = parseJson(backup.standardOutput);
    QCOMPARE(backupJson.value(u"ok"_qs).toBool(), true);
    QCOMPARE(backupJson.value(u"out"_qs).toString(), backupPath);
    const QByteArray backupBytes = readAll(backupPath);
    QCOMPARE(backupJson.value(u"bytes"_qs).toInteger(), qint64(backupBytes.size()));
    QCOMPARE(backupJson.value(u"sha256"_qs).toString(),
             QString::fromLatin1(QCryptographicHash::hash(backupBytes, QCryptographicHash::Sha256).toHex()));
    QVERIFY(backupJson.value(u"pages"_qs).toInteger() > 0);

    QVERIFY(setSetting(ledgerPath, u"after_backup"_qs, u"lost"_qs));
    const QByteArray replacedBytes = readAll(ledgerPath);
    const auto restore = posTool(
        {u"ledger"_qs, u"restore"_qs, u"--from"_qs, backupPath, u"--db"_qs, ledgerPath, u"--json"_qs});
    QCOMPARE(restore.exitCode, 0);
    const QJsonObject restoreJson = parseJson(restore.standardOutput);
    QCOMPARE(restoreJson.value(u"ok"_qs).toBool(), true);
    const QString replaced = restoreJson.value(u"replaced"_qs).toString();
    QVERIFY2(replaced.startsWith(ledgerPath + u".replaced-"_qs), qPrintable(replaced));
    QCOMPARE(readAll(replaced), replacedBytes);
    QCOMPARE(settingKeys(ledgerPath), QStringList{u"backed_up"_qs});
    QCOMPARE(settingKeys(replaced), (QStringList{u"after_backup"_qs, u"backed_up"_qs}));
}

// Control for the round trip: the same restore from a damaged copy exits 1 and changes nothing.
void tst_PosToolLedger::restoreOfADamagedBackupChangesNothing()
{
    QTemporaryDir dir;
    const QString ledgerPath = dir.filePath(u"pos.db"_qs);
    const QString backupPath = dir.filePath(u"backup.db"_qs);
    QCOMPARE(posTool({u"ledger"_qs, u"init"_qs, u"--db"_qs, ledgerPath}).exitCode, 0);
    QCOMPARE(posTool({u"ledger"_qs, u"backup"_qs, u"--db"_qs, ledgerPath, u"--out"_qs, backupPath}).exitCode,
             0);
    {
        QFile file(backupPath);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(4096));
        QCOMPARE(file.write(QByteArray(3 * 4096, '\xA5')), qint64(3 * 4096));
    }
    const QByteArray ledgerBefore = readAll(ledgerPath);
    const QStringList entriesBefore = entriesOf(dir.path());

    const auto run = posTool(
        {u"ledger"_qs, u"restore"_qs, u"--from"_qs, backupPath, u"--db"_qs, ledgerPath, u"--json"_qs});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject json = parseJson(run.standardOutput);
    QCOMPARE(json.value(u"ok"_qs).toBool(true), false);
    QCOMPARE(json.value(u"code"_qs).toString(), u"StorageCorrupt"_qs);
    QCOMPARE(readAll(ledgerPath), ledgerBefore);
    QCOMPARE(entriesOf(dir.path()), entriesBefore);
}

void tst_PosToolLedger::usageErrorsExit2_data()
{
    QTest::addColumn<QStringList>("arguments"); // "DIR" is replaced by the temporary directory
    QTest::newRow("no action") << QStringList{u"ledger"_qs};
    QTest::newRow("unknown action") << QStringList{u"ledger"_qs, u"frobnicate"_qs, u"--json"_qs};
    QTest::newRow("init without --db") << QStringList{u"ledger"_qs, u"init"_qs, u"--json"_qs};
    QTest::newRow("init with an empty --db") << QStringList{u"ledger"_qs, u"init"_qs, u"--db"_qs, QString()};
    QTest::newRow("init with an unknown option")
        << QStringList{u"ledger"_qs, u"init"_qs, u"--db"_qs, u"DIR/pos.db"_qs, u"--bogus"_qs};
    QTest::newRow("init with a stray argument")
        << QStringList{u"ledger"_qs, u"init"_qs, u"--db"_qs, u"DIR/pos.db"_qs, u"extra"_qs};
    QTest::newRow("backup without --out")
        << QStringList{u"ledger"_qs, u"backup"_qs, u"--db"_qs, u"DIR/pos.db"_qs, u"--json"_qs};
    QTest::newRow("restore without --from")
        << QStringList{u"ledger"_qs, u"restore"_qs, u"--db"_qs, u"DIR/pos.db"_qs};
}

void tst_PosToolLedger::usageErrorsExit2()
{
    QFETCH(QStringList, arguments);
    QTemporaryDir dir;
    arguments.replaceInStrings(u"DIR"_qs, dir.path());
    const auto run = posTool(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!run.standardError.isEmpty());
    QCOMPARE(run.standardOutput, QByteArray());
    QCOMPARE(entriesOf(dir.path()), QStringList());
}

QTEST_GUILESS_MAIN(tst_PosToolLedger)
#include "tst_pos_tool_ledger.moc"
