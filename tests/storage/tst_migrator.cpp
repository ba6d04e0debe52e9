// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "storage/Ledger.h"
#include "storage/LedgerVerifier.h"
#include "storage/Migrator.h"
#include "storage/sqlite/SqliteDatabase.h"
#include "storage/sqlite/TransactionGuard.h"
#include "support/TestSupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pos;
using namespace pos::storage;

namespace {

std::unique_ptr<SqliteDatabase> openConfigured(const QString& path)
{
    auto opened = SqliteDatabase::open(path, SqliteDatabase::Access::ReadWrite,
                                       SqliteDatabase::Creation::CreateIfMissing);
    if (!opened)
        return nullptr;
    std::unique_ptr<SqliteDatabase> database = std::move(opened).value();
    if (!database->applyLedgerSettings())
        return nullptr;
    return database;
}

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// The schema as SQLite stores it, sorted: two databases with equal text have equal schemas.
QStringList schemaOf(SqliteDatabase& database)
{
    QStringList schema;
    auto statement = database.prepare(QStringLiteral(
        "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_schema ORDER BY 1"));
    if (!statement)
        return {};
    while (statement.value()->step().value())
        schema << statement.value()->text(0);
    return schema;
}

} // namespace

class tst_Migrator final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shipsNumberedMigrations();
    void freshDatabaseReachesTheLatestVersion();
    void secondRunAppliesNothing();
    void ledgerSettingsReadBack_data();
    void ledgerSettingsReadBack();
    void upgradesEveryOlderVersion_data();
    void upgradesEveryOlderVersion();
    void upgradesCommittedFixtures_data();
    void upgradesCommittedFixtures();
    void refusesAForeignSqliteFile();
    void refusesAFileThatIsNotADatabase();
    void refusesANewerLedger();
    void missingFileIsNotCreated();
    void failedMigrationLeavesTheVersion();
    void auditLogIsAppendOnly_data();
    void auditLogIsAppendOnly();
};

void tst_Migrator::shipsNumberedMigrations()
{
    const QList<Migration> migrations = Migrator::ledgerMigrations();
    QVERIFY(!migrations.isEmpty());
    for (int i = 0; i < migrations.size(); ++i) {
        QCOMPARE(migrations.at(i).version, i + 1);
        QVERIFY(!migrations.at(i).sql.isEmpty());
    }
}

void tst_Migrator::freshDatabaseReachesTheLatestVersion()
{
    QTemporaryDir dir;
    auto database = openConfigured(dir.filePath(QStringLiteral("pos.db")));
    QVERIFY(database);
    const QList<Migration> migrations = Migrator::ledgerMigrations();
    const Result<int> applied = Migrator::migrate(*database, migrations);
    POS_VERIFY_RESULT(applied);
    QCOMPARE(applied.value(), Migrator::latestVersion(migrations));
    QCOMPARE(database->queryInt64(QStringLiteral("PRAGMA user_version")).value(),
             qint64(Migrator::latestVersion(migrations)));
    QCOMPARE(database->queryInt64(QStringLiteral("PRAGMA application_id")).value(),
             Migrator::ledgerApplicationId);
    POS_VERIFY_RESULT(Migrator::checkCompatible(*database, migrations));
}

void tst_Migrator::secondRunAppliesNothing()
{
    QTemporaryDir dir;
    auto database = openConfigured(dir.filePath(QStringLiteral("pos.db")));
    QVERIFY(database);
    POS_VERIFY_RESULT(Migrator::migrate(*database, Migrator::ledgerMigrations()));
    const Result<int> again = Migrator::migrate(*database, Migrator::ledgerMigrations());
    POS_VERIFY_RESULT(again);
    QCOMPARE(again.value(), 0);
}

void tst_Migrator::ledgerSettingsReadBack_data()
{
    QTest::addColumn<QString>("pragma");
    QTest::addColumn<QString>("expected");
    QTest::newRow("journal_mode") << u"journal_mode"_qs << u"wal"_qs;
    QTest::newRow("synchronous FULL") << u"synchronous"_qs << u"2"_qs;
    QTest::newRow("foreign_keys") << u"foreign_keys"_qs << u"1"_qs;
    QTest::newRow("secure_delete") << u"secure_delete"_qs << u"1"_qs;
}

void tst_Migrator::ledgerSettingsReadBack()
{
    QFETCH(QString, pragma);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    auto database = openConfigured(dir.filePath(QStringLiteral("pos.db")));
    QVERIFY(database);
    QCOMPARE(database->queryText(QStringLiteral("PRAGMA ") + pragma).value(), expected);
}

void tst_Migrator::upgradesEveryOlderVersion_data()
{
    QTest::addColumn<int>("fromVersion");
    const int latest = Migrator::latestVersion(Migrator::ledgerMigrations());
    for (int version = 0; version < latest; ++version)
        QTest::addRow("from v%d", version) << version;
}

void tst_Migrator::upgradesEveryOlderVersion()
{
    QFETCH(int, fromVersion);
    QTemporaryDir dir;
    const QList<Migration> all = Migrator::ledgerMigrations();
    auto fresh = openConfigured(dir.filePath(QStringLiteral("fresh.db")));
    QVERIFY(fresh);
    POS_VERIFY_RESULT(Migrator::migrate(*fresh, all));

    auto old = openConfigured(dir.filePath(QStringLiteral("old.db")));
    QVERIFY(old);
    POS_VERIFY_RESULT(Migrator::migrate(*old, all.mid(0, fromVersion)));
    QCOMPARE(old->queryInt64(QStringLiteral("PRAGMA user_version")).value(), qint64(fromVersion));
    const Result<int> applied = Migrator::migrate(*old, all);
    POS_VERIFY_RESULT(applied);
    QCOMPARE(applied.value(), Migrator::latestVersion(all) - fromVersion);
    QCOMPARE(schemaOf(*old), schemaOf(*fresh));
}

void tst_Migrator::upgradesCommittedFixtures_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<qint64>("sales");
    QTest::addColumn<qint64>("auditRows");
    QTest::newRow("v1") << u"ledger-v1.db"_qs << qint64(3) << qint64(10);
    QTest::newRow("v2") << u"ledger-v2.db"_qs << qint64(5) << qint64(18);
}

// Files written by older programs (tests/data/db/README.md) open with this one: migrated, intact, complete.
void tst_Migrator::upgradesCommittedFixtures()
{
    QFETCH(QString, fixture);
    QFETCH(qint64, sales);
    QFETCH(qint64, auditRows);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pos.db"));
    QVERIFY(QFile::copy(QStringLiteral(POS_TEST_DATA_DIR "/db/") + fixture, path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    auto ledger = Ledger::open(path, Ledger::Creation::MustExist);
    POS_VERIFY_RESULT(ledger);
    SqliteDatabase& db = ledger.value()->database();
    QCOMPARE(db.queryInt64(QStringLiteral("PRAGMA user_version")).value(),
             qint64(Migrator::latestVersion(Migrator::ledgerMigrations())));
    QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM sales")).value(), sales);
    QCOMPARE(db.queryInt64(QStringLiteral("SELECT count(*) FROM audit_log")).value(), auditRows);
    const Result<VerifyReport> report = verifyLedger(db);
    POS_VERIFY_RESULT(report);
    QStringList failed;
    for (const VerifyCheck& check : report.value().checks) {
        if (!check.ok)
            failed << check.name + QStringLiteral(": ") + check.detail;
    }
    QVERIFY2(failed.isEmpty(), qPrintable(failed.join(QLatin1Char('\n'))));
}

void tst_Migrator::refusesAForeignSqliteFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other.db"));
    {
        auto other = openConfigured(path);
        QVERIFY(other);
        POS_VERIFY_RESULT(
            other->execute(QStringLiteral("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")));
    }
    const QByteArray before = fileHash(path);
    auto database = openConfigured(path);
    QVERIFY(database);
    const Result<int> migrated = Migrator::migrate(*database, Migrator::ledgerMigrations());
    QVERIFY(!migrated);
    QCOMPARE(migrated.error().code, ErrorCode::StorageCorrupt);
    QVERIFY(migrated.error().userMessage.contains(QStringLiteral("not a POS ledger")));
    database.reset();
    QCOMPARE(fileHash(path), before);
}

void tst_Migrator::refusesAFileThatIsNotADatabase()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pos.db"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(8192, 'x'));
    file.close();
    const QByteArray before = fileHash(path);
    auto opened =
        SqliteDatabase::open(path, SqliteDatabase::Access::ReadWrite, SqliteDatabase::Creation::MustExist);
    POS_VERIFY_RESULT(opened);
    const Result<> configured = opened.value()->applyLedgerSettings();
    QVERIFY(!configured);
    QCOMPARE(configured.error().code, ErrorCode::StorageCorrupt);
    opened.value().reset();
    QCOMPARE(fileHash(path), before);
}

void tst_Migrator::refusesANewerLedger()
{
    QTemporaryDir dir;
    auto database = openConfigured(dir.filePath(QStringLiteral("pos.db")));
    QVERIFY(database);
    POS_VERIFY_RESULT(Migrator::migrate(*database, Migrator::ledgerMigrations()));
    POS_VERIFY_RESULT(database->execute(QStringLiteral("PRAGMA user_version = 999")));
    const Result<int> migrated = Migrator::migrate(*database, Migrator::ledgerMigrations());
    QVERIFY(!migrated);
    QCOMPARE(migrated.error().code, ErrorCode::VersionMismatch);
}

void tst_Migrator::missingFileIsNotCreated()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing.db"));
    const auto opened =
        SqliteDatabase::open(path, SqliteDatabase::Access::ReadWrite, SqliteDatabase::Creation::MustExist);
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, ErrorCode::NotFound);
    QVERIFY(!QFile::exists(path));
}

// A migration that fails half-way leaves neither its tables nor a new version behind.
void tst_Migrator::failedMigrationLeavesTheVersion()
{
    QTemporaryDir dir;
    auto database = openConfigured(dir.filePath(QStringLiteral("pos.db")));
    QVERIFY(database);
    QList<Migration> migrations = Migrator::ledgerMigrations();
    const int latest = Migrator::latestVersion(migrations);
    POS_VERIFY_RESULT(Migrator::migrate(*database, migrations));
    migrations.append({latest + 1, QStringLiteral("broken.sql"),
                       QStringLiteral("CREATE TABLE half_done (id INTEGER); THIS IS NOT SQL;")});
    const Result<int> migrated = Migrator::migrate(*database, migrations);
    QVERIFY(!migrated);
    QCOMPARE(database->queryInt64(QStringLiteral("PRAGMA user_version")).value(), qint64(latest));
    QCOMPARE(
        database->queryInt64(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'"))
            .value(),
        qint64(0));
}

void tst_Migrator::auditLogIsAppendOnly_data()
{
    QTest::addColumn<QString>("statement");
    QTest::newRow("update") << u"UPDATE audit_log SET detail = 'changed'"_qs;
    QTest::newRow("delete") << u"DELETE FROM audit_log"_qs;
}

void tst_Migrator::auditLogIsAppendOnly()
{
    QFETCH(QString, statement);
    QTemporaryDir dir;
    auto database = openConfigured(dir.filePath(QStringLiteral("pos.db")));
    QVERIFY(database);
    POS_VERIFY_RESULT(Migrator::migrate(*database, Migrator::ledgerMigrations()));
    POS_VERIFY_RESULT(database->execute(
        QStringLiteral("INSERT INTO audit_log (created_ms, event, outcome, prev_hash, hash) "
                       "VALUES (1, 'test', 'success', zeroblob(32), randomblob(32))")));
    const Result<> changed = database->execute(statement);
    QVERIFY(!changed);
    QVERIFY(changed.error().detail.contains(QStringLiteral("append-only")));
    QCOMPARE(database->queryInt64(QStringLiteral("SELECT count(*) FROM audit_log")).value(), qint64(1));
}

QTEST_GUILESS_MAIN(tst_Migrator)
#include "tst_migrator.moc"
