// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "storage/LedgerBackup.h"
#include "storage/Migrator.h"
#include "storage/sqlite/SqliteDatabase.h"
#include "storage/sqlite/TransactionGuard.h"
#include "support/TestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <mutex>
#include <thread>

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

// A configured, migrated ledger at path, or nullptr.
std::unique_ptr<SqliteDatabase> openLedger(const QString& path)
{
    auto database = openConfigured(path);
    if (!database || !Migrator::migrate(*database, Migrator::ledgerMigrations()))
        return nullptr;
    return database;
}

std::unique_ptr<SqliteDatabase> openReadOnly(const QString& path)
{
    auto opened =
        SqliteDatabase::open(path, SqliteDatabase::Access::ReadOnly, SqliteDatabase::Creation::MustExist);
    if (!opened)
        return nullptr;
    return std::move(opened).value();
}

Result<> insertSetting(SqliteDatabase& database, const QString& key, const QString& value)
{
    const Result<SqliteStatement*> statement =
        database.prepare(QStringLiteral("INSERT INTO settings (key, value, updated_ms) VALUES (?1, ?2, ?3)"));
    if (!statement)
        return Failure{statement.error()};
    return statement.value()->bind(1, key).bind(2, value).bind(3, qint64(1767225600000)).run();
}

// Inserts count products (codes P<first>…), each name padded to nameBytes, in one transaction.
Result<> insertProducts(SqliteDatabase& database, int first, int count, int nameBytes = 40)
{
    TransactionGuard transaction(database);
    if (const Result<> begun = transaction.begin(); !begun)
        return begun;
    for (int i = first; i < first + count; ++i) {
        const Result<SqliteStatement*> statement = database.prepare(QStringLiteral(
            "INSERT INTO products (code, name, price_fen, updated_ms) VALUES (?1, ?2, ?3, ?4)"));
        if (!statement)
            return Failure{statement.error()};
        const QString name = QStringLiteral("商品 %1 ").arg(i).leftJustified(nameBytes, QLatin1Char('x'));
        if (const Result<> ran = statement.value()
                                     ->bind(1, QStringLiteral("P%1").arg(i))
                                     .bind(2, name)
                                     .bind(3, qint64(100 + i))
                                     .bind(4, qint64(1767225600000 + i))
                                     .run();
            !ran)
            return ran;
    }
    return transaction.commit();
}

// Every row of the query, columns joined with '|'.
QStringList rowsOf(SqliteDatabase& database, const QString& sql)
{
    QStringList rows;
    const Result<SqliteStatement*> statement = database.prepare(sql);
    if (!statement)
        return {QStringLiteral("prepare failed: ") + statement.error().detail};
    for (;;) {
        const Result<bool> row = statement.value()->step();
        if (!row)
            return {QStringLiteral("step failed: ") + row.error().detail};
        if (!row.value())
            break;
        QStringList columns;
        for (int column = 0; column < statement.value()->columnCount(); ++column)
            columns << statement.value()->text(column);
        rows << columns.join(QLatin1Char('|'));
    }
    statement.value()->reset();
    return rows;
}

QStringList settingsOf(SqliteDatabase& database)
{
    return rowsOf(database, QStringLiteral("SELECT key, value, updated_ms FROM settings ORDER BY key"));
}

QStringList productsOf(SqliteDatabase& database)
{
    return rowsOf(database,
                  QStringLiteral("SELECT id, code, name, price_fen, updated_ms FROM products ORDER BY id"));
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QByteArray fileHash(const QString& path)
{
    return QCryptographicHash::hash(readAll(path), QCryptographicHash::Sha256);
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

// Overwrites length bytes at offset with a pattern, in place.
bool overwrite(const QString& path, qint64 offset, qint64 length)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || !file.seek(offset))
        return false;
    return file.write(QByteArray(length, '\xA5')) == length;
}

// Relative path -> SHA-256 of every file under directory (folders map to an empty hash): "nothing changed"
// means this map is equal before and after.
QMap<QString, QByteArray> snapshot(const QString& directory)
{
    QMap<QString, QByteArray> entries;
    const QDir root(directory);
    QDirIterator it(directory, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        entries.insert(root.relativeFilePath(path), it.fileInfo().isDir() ? QByteArray() : fileHash(path));
    }
    return entries;
}

QStringList integrityOf(const QString& path)
{
    auto database = openReadOnly(path);
    if (!database)
        return {QStringLiteral("cannot open")};
    return rowsOf(*database, QStringLiteral("PRAGMA integrity_check"));
}

// A closed, migrated ledger at path with two settings and some products.
bool makeLedger(const QString& path, int products = 50)
{
    auto database = openLedger(path);
    return database && insertSetting(*database, QStringLiteral("shop_name"), QStringLiteral("老王小卖部")) &&
           insertSetting(*database, QStringLiteral("currency"), QStringLiteral("CNY")) &&
           insertProducts(*database, 1, products);
}

// A closed backup of a fresh ledger with the given settings row, made with backupLedger.
bool makeBackup(const QString& directory, const QString& backupPath, const QString& marker)
{
    const QString source = QDir(directory).filePath(QStringLiteral("backup-source.db"));
    {
        auto database = openLedger(source);
        if (!database || !insertSetting(*database, QStringLiteral("marker"), marker) ||
            !insertProducts(*database, 1, 200) || !backupLedger(*database, backupPath))
            return false;
    }
    for (const QString& suffix : {QString(), u"-wal"_qs, u"-shm"_qs})
        QFile::remove(source + suffix);
    return true;
}

} // namespace

class tst_LedgerBackup final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void backupHasTheSourceContent();
    void backupIncludesCommitsStillInTheWal();
    void backupIsASelfContainedFile();
    void backupInfoDescribesTheFile();
    void backupCompletesWhileAnotherConnectionWrites();
    void backupFailureLeavesNoFile_data();
    void backupFailureLeavesNoFile();
    void backupOfADamagedLedgerKeepsThePreviousBackup();
    void backupInsideAnOpenTransactionIsBusy();
    void restoreReplacesTheLedgerAndKeepsTheOldOne();
    void restoreWithoutACurrentLedger();
    void restoreChecksTheSchemaVersion_data();
    void restoreChecksTheSchemaVersion();
    void restoreOfADamagedBackupChangesNothing_data();
    void restoreOfADamagedBackupChangesNothing();
    void restoreOfAForeignFileChangesNothing_data();
    void restoreOfAForeignFileChangesNothing();
    void setAsideKeepsTheBytes();
    void setAsideNeverOverwritesAnEarlierOne();
    void setAsideOfAMissingLedgerIsNotFound();
    void prunesOldDailyBackups_data();
    void prunesOldDailyBackups();
    void pruneRefusesToKeepNothing_data();
    void pruneRefusesToKeepNothing();
    void namesDailyBackupsByDate_data();
    void namesDailyBackupsByDate();
};

void tst_LedgerBackup::backupHasTheSourceContent()
{
    QTemporaryDir dir;
    auto source = openLedger(dir.filePath(u"pos.db"_qs));
    QVERIFY(source);
    POS_VERIFY_RESULT(insertSetting(*source, u"shop_name"_qs, u"老王小卖部"_qs));
    POS_VERIFY_RESULT(insertProducts(*source, 1, 500));
    const QString backupPath = dir.filePath(u"backup.db"_qs);
    POS_VERIFY_RESULT(backupLedger(*source, backupPath));

    auto backup = openReadOnly(backupPath);
    QVERIFY(backup);
    QCOMPARE(settingsOf(*backup), settingsOf(*source));
    QCOMPARE(productsOf(*backup), productsOf(*source));
    QCOMPARE(productsOf(*backup).size(), 500);
    QCOMPARE(backup->queryInt64(u"PRAGMA application_id"_qs).value(), Migrator::ledgerApplicationId);
    QCOMPARE(backup->queryInt64(u"PRAGMA user_version"_qs).value(),
             qint64(Migrator::latestVersion(Migrator::ledgerMigrations())));
}

// The rows committed after the last checkpoint live only in pos.db-wal. The backup has them; a copy of
// pos.db alone (the negative control: what "cp pos.db" gives) does not.
void tst_LedgerBackup::backupIncludesCommitsStillInTheWal()
{
    QTemporaryDir dir;
    const QString ledgerPath = dir.filePath(u"pos.db"_qs);
    auto source = openLedger(ledgerPath);
    QVERIFY(source);
    POS_VERIFY_RESULT(source->execute(u"PRAGMA wal_checkpoint(TRUNCATE)"_qs));
    POS_VERIFY_RESULT(insertSetting(*source, u"only_in_wal"_qs, u"yes"_qs));
    QVERIFY(QFileInfo(ledgerPath + u"-wal"_qs).size() > 0);

    const QString plainCopy = dir.filePath(u"plain-copy.db"_qs);
    QVERIFY(QFile::copy(ledgerPath, plainCopy));
    auto copied = openReadOnly(plainCopy);
    QVERIFY(copied);
    QCOMPARE(settingsOf(*copied), QStringList());

    const QString backupPath = dir.filePath(u"backup.db"_qs);
    POS_VERIFY_RESULT(backupLedger(*source, backupPath));
    auto backup = openReadOnly(backupPath);
    QVERIFY(backup);
    QCOMPARE(settingsOf(*backup), QStringList{u"only_in_wal|yes|1767225600000"_qs});
}

// journal_mode=DELETE in the header (bytes 18/19 are 1, WAL would be 2) and no companion files: the backup
// file alone is the whole database.
void tst_LedgerBackup::backupIsASelfContainedFile()
{
    QTemporaryDir dir;
    auto source = openLedger(dir.filePath(u"pos.db"_qs));
    QVERIFY(source);
    POS_VERIFY_RESULT(insertProducts(*source, 1, 100));
    QCOMPARE(readAll(dir.filePath(u"pos.db"_qs)).mid(18, 2),
             QByteArray("\x02\x02", 2)); // control: source is WAL
    QDir backups(dir.filePath(u"backups"_qs));
    QVERIFY(backups.mkpath(u"."_qs));
    POS_VERIFY_RESULT(backupLedger(*source, backups.filePath(u"backup.db"_qs)));

    QCOMPARE(backups.entryList(QDir::Files | QDir::Hidden), QStringList{u"backup.db"_qs});
    QCOMPARE(readAll(backups.filePath(u"backup.db"_qs)).mid(18, 2), QByteArray("\x01\x01", 2));
}

void tst_LedgerBackup::backupInfoDescribesTheFile()
{
    QTemporaryDir dir;
    auto source = openLedger(dir.filePath(u"pos.db"_qs));
    QVERIFY(source);
    POS_VERIFY_RESULT(insertProducts(*source, 1, 300));
    const QString backupPath = dir.filePath(u"backup.db"_qs);
    const Result<BackupInfo> info = backupLedger(*source, backupPath);
    POS_VERIFY_RESULT(info);

    const QByteArray bytes = readAll(backupPath);
    QCOMPARE(info.value().path, backupPath);
    QCOMPARE(info.value().bytes, qint64(bytes.size()));
    QCOMPARE(info.value().sha256,
             QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
    const qint64 pageSize = source->queryInt64(u"PRAGMA page_size"_qs).value();
    QCOMPARE(info.value().pageCount * pageSize, info.value().bytes);
    QVERIFY(info.value().durationMs >= 0);
}

// Another connection (the "till") commits rows in a loop on its own thread while backups run. Every backup
// completes, passes integrity_check, and holds a consistent prefix of the rows (ids 1..n, none missing).
void tst_LedgerBackup::backupCompletesWhileAnotherConnectionWrites()
{
    QTemporaryDir dir;
    const QString ledgerPath = dir.filePath(u"pos.db"_qs);
    auto source = openLedger(ledgerPath);
    QVERIFY(source);
    constexpr int prefilled = 20000;
    POS_VERIFY_RESULT(insertProducts(*source, 1, prefilled, 200));
    QVERIFY(source->queryInt64(u"PRAGMA page_count"_qs).value() > 4 * 256);

    std::atomic<bool> stop{false};
    std::atomic<bool> writerFailed{false};
    std::atomic<int> committed{0};
    std::mutex errorMutex;
    QString writerError;
    std::thread writer([&] {
        auto till = openConfigured(ledgerPath);
        if (!till) {
            const std::lock_guard lock(errorMutex);
            writerError = u"cannot open"_qs;
            writerFailed = true;
            return;
        }
        for (int next = prefilled + 1; !stop.load(); ++next) {
            if (const Result<> inserted = insertProducts(*till, next, 1, 200); !inserted) {
                const std::lock_guard lock(errorMutex);
                writerError = inserted.error().detail;
                writerFailed = true;
                return;
            }
            committed.fetch_add(1);
        }
    });
    const auto joinWriter = qScopeGuard([&] {
        stop = true;
        if (writer.joinable())
            writer.join();
    });
    QTRY_VERIFY_WITH_TIMEOUT(committed.load() >= 20 || writerFailed.load(), 10000);

    int writtenDuringBackups = 0;
    int restarts = 0;
    for (int round = 0; round < 5; ++round) {
        const QString backupPath = dir.filePath(QStringLiteral("backup-%1.db").arg(round));
        const int before = committed.load();
        const Result<BackupInfo> info = backupLedger(*source, backupPath);
        writtenDuringBackups += committed.load() - before;
        POS_VERIFY_RESULT(info);
        restarts += info.value().restarts;
        QCOMPARE(integrityOf(backupPath), QStringList{u"ok"_qs});
        auto backup = openReadOnly(backupPath);
        QVERIFY(backup);
        const qint64 count = backup->queryInt64(u"SELECT count(*) FROM products"_qs).value();
        QVERIFY(count >= prefilled);
        QCOMPARE(backup->queryInt64(u"SELECT max(id) FROM products"_qs).value(), count);
    }
    stop = true;
    writer.join();
    QCOMPARE(writerError, QString());
    qInfo("rows committed during the backups: %d, backup restarts: %d", writtenDuringBackups, restarts);
    QVERIFY2(writtenDuringBackups > 0,
             "the writer never committed while a backup ran; the test proved nothing");
}

void tst_LedgerBackup::backupFailureLeavesNoFile_data()
{
    QTest::addColumn<QString>("destination"); // relative to the temporary directory
    QTest::addColumn<QString>("prepare");     // what to set up first
    QTest::addColumn<int>("expectedCode");
    QTest::newRow("folder does not exist")
        << u"missing/backup.db"_qs << QString() << int(ErrorCode::IoFailure);
    QTest::newRow("parent is a file") << u"file.txt/backup.db"_qs << u"file"_qs << int(ErrorCode::IoFailure);
    QTest::newRow("destination is a folder") << u"out"_qs << u"folder"_qs << int(ErrorCode::InvalidInput);
    QTest::newRow("folder not writable")
        << u"readonly/backup.db"_qs << u"readonly"_qs << int(ErrorCode::IoFailure);
    QTest::newRow("the ledger itself") << u"pos.db"_qs << QString() << int(ErrorCode::InvalidInput);
}

void tst_LedgerBackup::backupFailureLeavesNoFile()
{
    QFETCH(QString, destination);
    QFETCH(QString, prepare);
    QFETCH(int, expectedCode);
    QTemporaryDir dir;
    auto source = openLedger(dir.filePath(u"pos.db"_qs));
    QVERIFY(source);
    POS_VERIFY_RESULT(insertProducts(*source, 1, 100));
    if (prepare == u"file"_qs)
        QVERIFY(writeFile(dir.filePath(u"file.txt"_qs), "not a folder"));
    if (prepare == u"folder"_qs)
        QVERIFY(QDir(dir.path()).mkdir(u"out"_qs));
    if (prepare == u"readonly"_qs) {
        const QString folder = dir.filePath(u"readonly"_qs);
        QVERIFY(QDir(dir.path()).mkdir(u"readonly"_qs));
        QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        if (writeFile(folder + u"/probe"_qs, "x")) {
            QFile::remove(folder + u"/probe"_qs);
            QFile::setPermissions(folder,
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
            QSKIP("running with permission to write into a read-only folder (root?)");
        }
    }
    const QMap<QString, QByteArray> before = snapshot(dir.path());

    const Result<BackupInfo> info = backupLedger(*source, dir.filePath(destination));
    if (prepare == u"readonly"_qs)
        QFile::setPermissions(dir.filePath(u"readonly"_qs),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QVERIFY(!info);
    QCOMPARE(int(info.error().code), expectedCode);
    QVERIFY(!info.error().userMessage.isEmpty());
    QCOMPARE(snapshot(dir.path()).keys(), before.keys()); // the live ledger's -shm changes; names must not
}

// The copy of a ledger whose pages are damaged fails integrity_check: the backup fails, yesterday's backup
// under the same name is untouched, and no temporary file is left. Control: the intact ledger replaces it.
void tst_LedgerBackup::backupOfADamagedLedgerKeepsThePreviousBackup()
{
    QTemporaryDir dir;
    const QString ledgerPath = dir.filePath(u"pos.db"_qs);
    QVERIFY(makeLedger(ledgerPath, 2000));
    const QString backupPath = dir.filePath(u"ledger-2026-01-01.db"_qs);
    QVERIFY(writeFile(backupPath, "yesterday's backup"));
    const QByteArray previous = fileHash(backupPath);

    {
        auto intact = openConfigured(ledgerPath);
        QVERIFY(intact);
        POS_VERIFY_RESULT(backupLedger(*intact, dir.filePath(u"control.db"_qs)));
    }
    QCOMPARE(integrityOf(dir.filePath(u"control.db"_qs)), QStringList{u"ok"_qs});

    const qint64 pageSize = 4096;
    QVERIFY(overwrite(ledgerPath, pageSize * 3, pageSize * 4));
    auto damagedLedger = openConfigured(ledgerPath);
    QVERIFY(damagedLedger);
    const Result<BackupInfo> info = backupLedger(*damagedLedger, backupPath);
    QVERIFY(!info);
    QCOMPARE(info.error().code, ErrorCode::StorageCorrupt);
    QCOMPARE(fileHash(backupPath), previous);
    const QStringList partial = QDir(dir.path()).entryList({u"*partial*"_qs}, QDir::Files | QDir::Hidden);
    QCOMPARE(partial, QStringList());
}

// On the connection's own thread an open transaction would never end while the backup waits for it.
// Control: the same backup succeeds once the transaction is committed.
void tst_LedgerBackup::backupInsideAnOpenTransactionIsBusy()
{
    QTemporaryDir dir;
    auto source = openLedger(dir.filePath(u"pos.db"_qs));
    QVERIFY(source);
    const QString backupPath = dir.filePath(u"backup.db"_qs);
    {
        TransactionGuard transaction(*source);
        POS_VERIFY_RESULT(transaction.begin());
        POS_VERIFY_RESULT(insertSetting(*source, u"pending"_qs, u"yes"_qs));
        const Result<BackupInfo> busy = backupLedger(*source, backupPath);
        QVERIFY(!busy);
        QCOMPARE(busy.error().code, ErrorCode::StorageBusy);
        QVERIFY(!QFile::exists(backupPath));
        POS_VERIFY_RESULT(transaction.commit());
    }
    POS_VERIFY_RESULT(backupLedger(*source, backupPath));
    QVERIFY(QFile::exists(backupPath));
}

// The current ledger moves aside with its bytes; the ledger then holds exactly the backup's rows.
void tst_LedgerBackup::restoreReplacesTheLedgerAndKeepsTheOldOne()
{
    QTemporaryDir dir;
    const QString ledgerPath = dir.filePath(u"pos.db"_qs);
    const QString backupPath = dir.filePath(u"backup.db"_qs);
    QStringList backedUpSettings;
    QStringList backedUpProducts;
    {
        auto ledger = openLedger(ledgerPath);
        QVERIFY(ledger);
        POS_VERIFY_RESULT(insertSetting(*ledger, u"before"_qs, u"backed up"_qs));
        POS_VERIFY_RESULT(insertProducts(*ledger, 1, 100));
        POS_VERIFY_RESULT(backupLedger(*ledger, backupPath));
        backedUpSettings = settingsOf(*ledger);
        backedUpProducts = productsOf(*ledger);
        POS_VERIFY_RESULT(insertSetting(*ledger, u"after"_qs, u"lost by the restore"_qs));
        POS_VERIFY_RESULT(insertProducts(*ledger, 101, 10));
    }
    const QByteArray currentBytes = fileHash(ledgerPath);

    POS_VERIFY_RESULT(restoreLedger(backupPath, ledgerPath));

    const QStringList replaced = QDir(dir.path()).entryList({u"pos.db.replaced-*"_qs}, QDir::Files);
    QCOMPARE(replaced.size(), 1);
    QVERIFY2(QRegularExpression(u"^pos\\.db\\.replaced-\\d{8}-\\d{6}$"_qs).match(replaced.first()).hasMatch(),
             qPrintable(replaced.first()));
    QCOMPARE(fileHash(dir.filePath(replaced.first())), currentBytes);
    QCOMPARE(integrityOf(ledgerPath), QStringList{u"ok"_qs});
    auto restored = openConfigured(ledgerPath);
    QVERIFY(restored);
    POS_VERIFY_RESULT(Migrator::checkCompatible(*restored, Migrator::ledgerMigrations()));
    QCOMPARE(settingsOf(*restored), backedUpSettings);
    QCOMPARE(productsOf(*restored), backedUpProducts);
    QCOMPARE(QDir(dir.path()).entryList({u"*restoring*"_qs}, QDir::Files | QDir::Hidden), QStringList());
}

void tst_LedgerBackup::restoreWithoutACurrentLedger()
{
    QTemporaryDir dir;
    const QString backupPath = dir.filePath(u"backup.db"_qs);
    QVERIFY(makeBackup(dir.path(), backupPath, u"from backup"_qs));
    const QString ledgerPath = dir.filePath(u"pos.db"_qs);
    POS_VERIFY_RESULT(restoreLedger(backupPath, ledgerPath));
    auto restored = openReadOnly(ledgerPath);
    QVERIFY(restored);
    QCOMPARE(settingsOf(*restored), QStringList{u"marker|from backup|1767225600000"_qs});
    QCOMPARE(QDir(dir.path()).entryList({u"pos.db.replaced-*"_qs}, QDir::Files), QStringList());
}

void tst_LedgerBackup::restoreChecksTheSchemaVersion_data()
{
    const qint64 latest = Migrator::latestVersion(Migrator::ledgerMigrations());
    QTest::addColumn<qint64>("userVersion");
    QTest::addColumn<bool>("restores");
    QTest::newRow("same schema") << latest << true;
    QTest::newRow("older schema (migrated at the next start)") << latest - 1 << true;
    QTest::newRow("newer schema") << latest + 1 << false;
}

void tst_LedgerBackup::restoreChecksTheSchemaVersion()
{
    QFETCH(qint64, userVersion);
    QFETCH(bool, restores);
    QTemporaryDir dir;
    const QString backupPath = dir.filePath(u"backup.db"_qs);
    QVERIFY(makeBackup(dir.path(), backupPath, u"from backup"_qs));
    {
        auto backup = openConfigured(backupPath);
        QVERIFY(backup);
        POS_VERIFY_RESULT(backup->execute(QStringLiteral("PRAGMA user_version = %1").arg(userVersion)));
        POS_VERIFY_RESULT(backup->execute(u"PRAGMA journal_mode = DELETE"_qs));
    }
    const QString ledgerPath = dir.filePath(u"pos.db"_qs);
    QVERIFY(makeLedger(ledgerPath));
    const QMap<QString, QByteArray> before = snapshot(dir.path());

    const Result<> restored = restoreLedger(backupPath, ledgerPath);
    QCOMPARE(bool(restored), restores);
    if (restores) {
        auto ledger = openReadOnly(ledgerPath);
        QVERIFY(ledger);
        QCOMPARE(ledger->queryInt64(u"PRAGMA user_version"_qs).value(), userVersion);
    } else {
        QCOMPARE(restored.error().code, ErrorCode::VersionMismatch);
        QCOMPARE(snapshot(dir.path()), before);
    }
}

void tst_LedgerBackup::restoreOfADamagedBackupChangesNothing_data()
{
    QTest::addColumn<qint64>("offset");     // bytes into the backup file
    QTest::addColumn<qint64>("length");     // bytes overwritten there; 0 = the intact control
    QTest::addColumn<qint64>("truncateTo"); // -1 = keep the size
    QTest::newRow("intact (control)") << qint64(0) << qint64(0) << qint64(-1);
    QTest::newRow("page 2 overwritten") << qint64(4096) << qint64(4096) << qint64(-1);
    QTest::newRow("pages 2-5 overwritten") << qint64(4096) << qint64(4 * 4096) << qint64(-1);
    QTest::newRow("middle pages overwritten") << qint64(20 * 4096) << qint64(3 * 4096) << qint64(-1);
    QTest::newRow("header overwritten") << qint64(0) << qint64(100) << qint64(-1);
    QTest::newRow("truncated to half") << qint64(0) << qint64(0) << qint64(30 * 4096);
}

void tst_LedgerBackup::restoreOfADamagedBackupChangesNothing()
{
    QFETCH(qint64, offset);
    QFETCH(qint64, length);
    QFETCH(qint64, truncateTo);
    const bool intact = length == 0 && truncateTo < 0;
    QTemporaryDir dir;
    const QString backupPath = dir.filePath(u"backup.db"_qs);
    QVERIFY(makeBackup(dir.path(), backupPath, u"from backup"_qs));
    QVERIFY(QFileInfo(backupPath).size() > 40 * 4096);
    if (length > 0)
        QVERIFY(overwrite(backupPath, offset, length));
    if (truncateTo >= 0)
        QVERIFY(QFile::resize(backupPath, truncateTo));
    const QString ledgerPath = dir.filePath(u"pos.db"_qs);
    QVERIFY(makeLedger(ledgerPath));
    const QMap<QString, QByteArray> before = snapshot(dir.path());

    const Result<> restored = restoreLedger(backupPath, ledgerPath);
    if (intact) {
        POS_VERIFY_RESULT(restored);
        return;
    }
    QVERIFY(!restored);
    QCOMPARE(restored.error().code, ErrorCode::StorageCorrupt);
    QVERIFY(restored.error().userMessage.contains(u"Nothing was changed"_qs));
    QCOMPARE(snapshot(dir.path()), before);
}

void tst_LedgerBackup::restoreOfAForeignFileChangesNothing_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("expectedCode"); // -1: restores (the control)
    QTest::newRow("ledger backup (control)") << u"ledger"_qs << -1;
    QTest::newRow("another program's SQLite file") << u"foreign"_qs << int(ErrorCode::StorageCorrupt);
    QTest::newRow("empty SQLite database") << u"empty"_qs << int(ErrorCode::StorageCorrupt);
    QTest::newRow("zero-length file") << u"zero"_qs << int(ErrorCode::StorageCorrupt);
    QTest::newRow("text file") << u"text"_qs << int(ErrorCode::StorageCorrupt);
    QTest::newRow("missing file") << u"missing"_qs << int(ErrorCode::NotFound);
}

void tst_LedgerBackup::restoreOfAForeignFileChangesNothing()
{
    QFETCH(QString, kind);
    QFETCH(int, expectedCode);
    QTemporaryDir dir;
    const QString backupPath = dir.filePath(u"backup.db"_qs);
    if (kind == u"ledger"_qs)
        QVERIFY(makeBackup(dir.path(), backupPath, u"from backup"_qs));
    if (kind == u"foreign"_qs) {
        auto other = openConfigured(backupPath);
        QVERIFY(other);
        POS_VERIFY_RESULT(
            other->execute(u"CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); "
                           "INSERT INTO photos (name) VALUES ('cat.jpg'); PRAGMA journal_mode=DELETE"_qs));
    }
    if (kind == u"empty"_qs) {
        auto empty = openConfigured(backupPath);
        QVERIFY(empty);
        POS_VERIFY_RESULT(empty->execute(u"PRAGMA journal_mode=DELETE"_qs));
    }
    if (kind == u"zero"_qs)
        QVERIFY(writeFile(backupPath, QByteArray()));
    if (kind == u"text"_qs)
        QVERIFY(writeFile(backupPath, QByteArray("SQLite format 3 is what this is not\n").repeated(300)));
    const QString ledgerPath = dir.filePath(u"pos.db"_qs);
    QVERIFY(makeLedger(ledgerPath));
    const QMap<QString, QByteArray> before = snapshot(dir.path());

    const Result<> restored = restoreLedger(backupPath, ledgerPath);
    if (expectedCode < 0) {
        POS_VERIFY_RESULT(restored);
        return;
    }
    QVERIFY(!restored);
    QCOMPARE(int(restored.error().code), expectedCode);
    QVERIFY(!restored.error().userMessage.isEmpty());
    QCOMPARE(snapshot(dir.path()), before);
}

void tst_LedgerBackup::setAsideKeepsTheBytes()
{
    QTemporaryDir dir;
    const QString ledgerPath = dir.filePath(u"pos.db"_qs);
    const QByteArray damagedBytes = QByteArray("SQLite format 3\0", 16) + QByteArray(8192, '\x5A');
    const QByteArray walBytes = QByteArray(4096, '\x17');
    QVERIFY(writeFile(ledgerPath, damagedBytes));
    QVERIFY(writeFile(ledgerPath + u"-wal"_qs, walBytes));

    const Result<QString> aside = setAsideDamagedLedger(ledgerPath);
    POS_VERIFY_RESULT(aside);
    QVERIFY2(QRegularExpression(u"/pos\\.db\\.damaged-\\d{8}-\\d{6}$"_qs).match(aside.value()).hasMatch(),
             qPrintable(aside.value()));
    QCOMPARE(readAll(aside.value()), damagedBytes);
    QCOMPARE(readAll(aside.value() + u"-wal"_qs), walBytes);
    QVERIFY(!QFile::exists(ledgerPath));
    QVERIFY(!QFile::exists(ledgerPath + u"-wal"_qs));
}

void tst_LedgerBackup::setAsideNeverOverwritesAnEarlierOne()
{
    QTemporaryDir dir;
    const QString ledgerPath = dir.filePath(u"pos.db"_qs);
    QVERIFY(writeFile(ledgerPath, "first damaged file"));
    const Result<QString> first = setAsideDamagedLedger(ledgerPath);
    POS_VERIFY_RESULT(first);
    QVERIFY(writeFile(ledgerPath, "second damaged file"));
    const Result<QString> second = setAsideDamagedLedger(ledgerPath);
    POS_VERIFY_RESULT(second);
    QVERIFY(first.value() != second.value());
    QCOMPARE(readAll(first.value()), QByteArray("first damaged file"));
    QCOMPARE(readAll(second.value()), QByteArray("second damaged file"));
}

void tst_LedgerBackup::setAsideOfAMissingLedgerIsNotFound()
{
    QTemporaryDir dir;
    const Result<QString> aside = setAsideDamagedLedger(dir.filePath(u"pos.db"_qs));
    QVERIFY(!aside);
    QCOMPARE(aside.error().code, ErrorCode::NotFound);
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList());
}

void tst_LedgerBackup::prunesOldDailyBackups_data()
{
    QTest::addColumn<int>("keepDays");
    QTest::addColumn<QStringList>("expectedDeleted");
    // Files present (today is 2026-03-15): days 0, 1, 6, 7, 29, 30 and 40 back, one day ahead, and foreign
    // names.
    QTest::newRow("keep 1 day") << 1 << QStringList{u"ledger-2026-02-03.db"_qs, u"ledger-2026-02-13.db"_qs,
                                                    u"ledger-2026-02-14.db"_qs, u"ledger-2026-03-08.db"_qs,
                                                    u"ledger-2026-03-09.db"_qs, u"ledger-2026-03-14.db"_qs};
    QTest::newRow("keep 7 days") << 7
                                 << QStringList{u"ledger-2026-02-03.db"_qs, u"ledger-2026-02-13.db"_qs,
                                                u"ledger-2026-02-14.db"_qs, u"ledger-2026-03-08.db"_qs};
    QTest::newRow("keep 30 days") << 30
                                  << QStringList{u"ledger-2026-02-03.db"_qs, u"ledger-2026-02-13.db"_qs};
    QTest::newRow("keep 365 days") << 365 << QStringList{};
}

void tst_LedgerBackup::prunesOldDailyBackups()
{
    QFETCH(int, keepDays);
    QFETCH(QStringList, expectedDeleted);
    QTemporaryDir dir;
    const QDate today(2026, 3, 15);
    QStringList backups;
    for (const int daysBack : {0, 1, 6, 7, 29, 30, 40, -1})
        backups << dailyBackupName(today.addDays(-daysBack));
    const QStringList foreign{u"ledger-2026-01-01.db.bak"_qs,
                              u"ledger-2026-01-01.db-wal"_qs,
                              u"ledger-2026-1-1.db"_qs,
                              u"ledger-2026-02-30.db"_qs,
                              u"Ledger-2026-01-01.db"_qs,
                              u"ledger-latest.db"_qs,
                              u"pos.db"_qs,
                              u"notes.txt"_qs};
    for (const QString& name : backups + foreign)
        QVERIFY(writeFile(dir.filePath(name), name.toUtf8()));
    QVERIFY(QDir(dir.path()).mkdir(u"ledger-2020-01-01.db"_qs)); // a folder with a backup's name stays too

    const Result<QStringList> deleted = pruneDailyBackups(dir.path(), keepDays, today);
    POS_VERIFY_RESULT(deleted);
    QCOMPARE(deleted.value(), expectedDeleted);
    QStringList remaining = backups + foreign;
    for (const QString& name : expectedDeleted)
        remaining.removeOne(name);
    remaining.sort();
    QStringList present = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);
    present.sort();
    QCOMPARE(present, remaining);
    QVERIFY(QFileInfo(dir.filePath(u"ledger-2020-01-01.db"_qs)).isDir());
}

void tst_LedgerBackup::pruneRefusesToKeepNothing_data()
{
    QTest::addColumn<int>("keepDays");
    QTest::newRow("0") << 0;
    QTest::newRow("-1") << -1;
}

void tst_LedgerBackup::pruneRefusesToKeepNothing()
{
    QFETCH(int, keepDays);
    QTemporaryDir dir;
    const QDate today(2026, 3, 15);
    QVERIFY(writeFile(dir.filePath(dailyBackupName(today)), "today"));
    QVERIFY(writeFile(dir.filePath(dailyBackupName(today.addDays(-3))), "older"));
    const Result<QStringList> deleted = pruneDailyBackups(dir.path(), keepDays, today);
    QVERIFY(!deleted);
    QCOMPARE(deleted.error().code, ErrorCode::InvalidInput);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 2);
}

void tst_LedgerBackup::namesDailyBackupsByDate_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QString>("expected");
    QTest::newRow("single digits") << QDate(2026, 3, 5) << u"ledger-2026-03-05.db"_qs;
    QTest::newRow("year end") << QDate(2026, 12, 31) << u"ledger-2026-12-31.db"_qs;
}

void tst_LedgerBackup::namesDailyBackupsByDate()
{
    QFETCH(QDate, date);
    QFETCH(QString, expected);
    QCOMPARE(dailyBackupName(date), expected);
}

QTEST_GUILESS_MAIN(tst_LedgerBackup)
#include "tst_ledger_backup.moc"
