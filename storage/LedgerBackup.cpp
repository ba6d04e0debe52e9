// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "storage/LedgerBackup.h"

#include "storage/Migrator.h"
#include "storage/StorageLog.h"
#include "storage/sqlite/SqliteDatabase.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <sqlite3.h>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace pos {
namespace storage {
namespace {

struct BackupText
{
    Q_DECLARE_TR_FUNCTIONS(pos::storage::LedgerBackup)
};

constexpr int pagesPerStep = 256;
// After this many restarts (another connection wrote between two steps) the rest is copied in one step.
constexpr int restartsBeforeOneStep = 8;
constexpr qint64 busyLimitMs = 5000;

// The files that together are one SQLite database; they must always move together.
const QStringList& databaseFileSuffixes()
{
    static const QStringList suffixes{QString(), QStringLiteral("-wal"), QStringLiteral("-shm"),
                                      QStringLiteral("-journal")};
    return suffixes;
}

void removeDatabaseFiles(const QString& path)
{
    for (const QString& suffix : databaseFileSuffixes())
        QFile::remove(path + suffix);
}

bool anyDatabaseFileExists(const QString& path)
{
    for (const QString& suffix : databaseFileSuffixes()) {
        if (QFileInfo::exists(path + suffix))
            return true;
    }
    return false;
}

// A name next to target that does not exist yet, for a file written before it is renamed to target.
QString temporaryPathFor(const QString& target, const QString& tag)
{
    for (;;) {
        const QString candidate = QStringLiteral("%1.%2-%3")
                                      .arg(target, tag)
                                      .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
        if (!anyDatabaseFileExists(candidate))
            return candidate;
    }
}

// "<path>.<tag>-yyyyMMdd-HHmmss", with "-2", "-3", … appended when that name (or a companion) is taken.
QString asidePathFor(const QString& path, const QString& tag)
{
    const QString base =
        QStringLiteral("%1.%2-%3")
            .arg(path, tag, QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    QString candidate = base;
    for (int n = 2; anyDatabaseFileExists(candidate); ++n)
        candidate = base + QStringLiteral("-%1").arg(n);
    return candidate;
}

bool renameReplacing(const QString& from, const QString& to)
{
    // POSIX rename() replaces the target atomically.
    return std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
}

bool syncPath(const QString& path, bool directory)
{
#ifdef Q_OS_UNIX
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | (directory ? O_DIRECTORY : 0));
    if (fd < 0)
        return false;
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    return synced;
#else
    Q_UNUSED(path);
    Q_UNUSED(directory);
    return true;
#endif
}

void syncDirectoryOf(const QString& path)
{
    const QString directory = QFileInfo(path).absolutePath();
    if (!syncPath(directory, true))
        qCWarning(lcStorage).noquote() << "could not sync directory" << directory;
}

// Renames every existing file of the database at from (main file, -wal, -shm, -journal) to the same suffix
// at to. Never overwrites: fails when a target exists. All or nothing: on failure the moved files go back.
Result<> moveDatabaseFiles(const QString& from, const QString& to)
{
    for (const QString& suffix : databaseFileSuffixes()) {
        if (QFileInfo::exists(to + suffix))
            return fail(ErrorCode::IoFailure, BackupText::tr("The ledger file could not be moved aside."),
                        QStringLiteral("move %1 -> %2: target exists").arg(from + suffix, to + suffix));
    }
    QStringList moved;
    for (const QString& suffix : databaseFileSuffixes()) {
        if (!QFileInfo::exists(from + suffix))
            continue;
        if (!renameReplacing(from + suffix, to + suffix)) {
            const QString reason = QString::fromLocal8Bit(std::strerror(errno));
            for (const QString& back : std::as_const(moved))
                renameReplacing(to + back, from + back);
            return fail(ErrorCode::IoFailure, BackupText::tr("The ledger file could not be moved aside."),
                        QStringLiteral("move %1 -> %2: %3").arg(from + suffix, to + suffix, reason));
        }
        moved << suffix;
    }
    syncDirectoryOf(to);
    return {};
}

QString sha256Hex(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

// The rows of PRAGMA integrity_check other than the single "ok" of a sound database (empty when sound).
Result<QStringList> integrityProblems(SqliteDatabase& database)
{
    const Result<SqliteStatement*> statement = database.prepare(QStringLiteral("PRAGMA integrity_check"));
    if (!statement)
        return Failure{statement.error()};
    QStringList rows;
    for (;;) {
        const Result<bool> row = statement.value()->step();
        if (!row) {
            statement.value()->reset();
            return Failure{row.error()};
        }
        if (!row.value())
            break;
        rows << statement.value()->text(0);
    }
    statement.value()->reset();
    if (rows == QStringList{QStringLiteral("ok")})
        return QStringList{};
    return rows;
}

Failure damaged(const QString& userMessage, const QString& detail)
{
    qCWarning(lcStorage).noquote() << detail;
    return Failure{Error{ErrorCode::StorageCorrupt, userMessage, detail}};
}

struct CopyOutcome
{
    qint64 pageCount = 0;
    int restarts = 0;
};

// Copies the main database of source into a new file at path with the online backup API, switches the copy
// to journal_mode=DELETE, checks it with integrity_check, closes and syncs it. On failure the files at path
// are removed. userMessage of a failure is the connection's generic one; the caller adds context.
Result<CopyOutcome> copyDatabase(sqlite3* source, const QString& path)
{
    auto opened = SqliteDatabase::open(path, SqliteDatabase::Access::ReadWrite,
                                       SqliteDatabase::Creation::CreateIfMissing);
    if (!opened)
        return Failure{opened.error()};
    std::unique_ptr<SqliteDatabase> destination = std::move(opened).value();
    CopyOutcome outcome;
    auto failed = [&](Failure failure) {
        destination.reset();
        removeDatabaseFiles(path);
        return failure;
    };

    sqlite3_backup* backup = sqlite3_backup_init(destination->handle(), "main", source, "main");
    if (!backup)
        return failed(destination->failure(sqlite3_extended_errcode(destination->handle()),
                                           QStringLiteral("sqlite3_backup_init %1").arg(path)));
    int rc = SQLITE_OK;
    int step = pagesPerStep;
    int previousRemaining = -1;
    QElapsedTimer busySince;
    for (;;) {
        rc = sqlite3_backup_step(backup, step);
        if (rc == SQLITE_DONE)
            break;
        if (rc == SQLITE_OK) {
            busySince.invalidate();
            const int remaining = sqlite3_backup_remaining(backup);
            if (previousRemaining >= 0 && remaining >= previousRemaining &&
                ++outcome.restarts >= restartsBeforeOneStep)
                step = -1;
            previousRemaining = remaining;
            continue;
        }
        if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED) {
            if (!busySince.isValid())
                busySince.start();
            if (busySince.elapsed() < busyLimitMs) {
                sqlite3_sleep(10);
                continue;
            }
        }
        break;
    }
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        return failed(destination->failure(rc, QStringLiteral("sqlite3_backup_step into %1").arg(path)));

    const Result<QString> journal = destination->queryText(QStringLiteral("PRAGMA journal_mode=DELETE"));
    if (!journal)
        return failed(Failure{journal.error()});
    if (journal.value().compare(QLatin1String("delete"), Qt::CaseInsensitive) != 0)
        return failed(fail(ErrorCode::StorageFailure,
                           BackupText::tr("The copy of the ledger could not be completed."),
                           QStringLiteral("%1: journal_mode is %2, not delete").arg(path, journal.value())));
    const Result<QStringList> problems = integrityProblems(*destination);
    if (!problems)
        return failed(Failure{problems.error()});
    if (!problems.value().isEmpty())
        return failed(damaged(BackupText::tr("The copy of the ledger failed its integrity check."),
                              QStringLiteral("integrity_check of %1: %2")
                                  .arg(path, problems.value().mid(0, 5).join(QStringLiteral("; ")))));
    const Result<qint64> pages = destination->queryInt64(QStringLiteral("PRAGMA page_count"));
    if (!pages)
        return failed(Failure{pages.error()});
    outcome.pageCount = pages.value();
    destination.reset();
    if (QFileInfo::exists(path + QStringLiteral("-wal")) ||
        QFileInfo::exists(path + QStringLiteral("-journal")))
        return failed(fail(ErrorCode::StorageFailure,
                           BackupText::tr("The copy of the ledger could not be completed."),
                           QStringLiteral("%1 left a journal behind after closing").arg(path)));
    if (!syncPath(path, false))
        return failed(
            fail(ErrorCode::IoFailure, BackupText::tr("The copy of the ledger could not be saved to disk."),
                 QStringLiteral("fsync %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)))));
    return outcome;
}

bool samePath(const QString& a, const QString& b)
{
    const QFileInfo first(a);
    const QFileInfo second(b);
    if (first.exists() && second.exists())
        return first.canonicalFilePath() == second.canonicalFilePath();
    return first.absoluteFilePath() == second.absoluteFilePath();
}

} // namespace

Result<BackupInfo> backupLedger(SqliteDatabase& source, const QString& destinationPath)
{
    QElapsedTimer timer;
    timer.start();
    if (destinationPath.isEmpty() || samePath(source.path(), destinationPath))
        return fail(
            ErrorCode::InvalidInput, BackupText::tr("Choose a different file for the backup."),
            QStringLiteral("backup destination '%1' is empty or the ledger itself").arg(destinationPath));
    if (QFileInfo(destinationPath).isDir())
        return fail(ErrorCode::InvalidInput,
                    BackupText::tr("%1 is a folder. Choose a file name for the backup.").arg(destinationPath),
                    QStringLiteral("backup destination %1 is a directory").arg(destinationPath));
    if (sqlite3_get_autocommit(source.handle()) == 0)
        return fail(ErrorCode::StorageBusy,
                    BackupText::tr("The ledger is busy. Please try the backup again."),
                    QStringLiteral("backup requested inside an open transaction on %1").arg(source.path()));
    const QString temporary = temporaryPathFor(destinationPath, QStringLiteral("partial"));
    const Result<CopyOutcome> copied = copyDatabase(source.handle(), temporary);
    if (!copied) {
        const Error& error = copied.error();
        QString message;
        if (error.code == ErrorCode::IoFailure)
            message =
                BackupText::tr("The backup could not be written to %1. Check that the folder exists, is "
                               "writable and the disk is connected.")
                    .arg(destinationPath);
        else
            message = BackupText::tr("The backup to %1 failed: %2").arg(destinationPath, error.userMessage);
        return fail(error.code, message,
                    QStringLiteral("backup to %1: %2").arg(destinationPath, error.detail));
    }

    BackupInfo info;
    info.path = destinationPath;
    info.pageCount = copied.value().pageCount;
    info.restarts = copied.value().restarts;
    info.bytes = QFileInfo(temporary).size();
    info.sha256 = sha256Hex(temporary);
    if (info.sha256.isEmpty() || !renameReplacing(temporary, destinationPath)) {
        const QString reason = QString::fromLocal8Bit(std::strerror(errno));
        removeDatabaseFiles(temporary);
        return fail(ErrorCode::IoFailure,
                    BackupText::tr("The backup could not be written to %1. Check that the folder exists, is "
                                   "writable and the disk is connected.")
                        .arg(destinationPath),
                    QStringLiteral("finish backup %1 -> %2: %3").arg(temporary, destinationPath, reason));
    }
    syncDirectoryOf(destinationPath);
    info.durationMs = timer.elapsed();
    qCInfo(lcStorage).noquote() << "ledger backed up to" << destinationPath << info.pageCount << "pages"
                                << info.bytes << "bytes" << info.durationMs << "ms, restarts"
                                << info.restarts;
    return info;
}

Result<> restoreLedger(const QString& backupPath, const QString& ledgerPath)
{
    if (samePath(backupPath, ledgerPath))
        return fail(ErrorCode::InvalidInput, BackupText::tr("The backup and the ledger are the same file."),
                    QStringLiteral("restore %1 onto itself").arg(ledgerPath));
    const QString damagedMessage =
        BackupText::tr("The backup %1 is damaged or is not a POS ledger backup. Nothing was changed.")
            .arg(backupPath);

    auto opened = SqliteDatabase::open(backupPath, SqliteDatabase::Access::ReadOnly,
                                       SqliteDatabase::Creation::MustExist);
    if (!opened) {
        if (opened.error().code == ErrorCode::NotFound)
            return fail(ErrorCode::NotFound,
                        BackupText::tr("The backup %1 does not exist. Nothing was changed.").arg(backupPath),
                        opened.error().detail);
        return fail(opened.error().code,
                    BackupText::tr("The backup %1 cannot be opened. Nothing was changed.").arg(backupPath),
                    opened.error().detail);
    }
    std::unique_ptr<SqliteDatabase> backup = std::move(opened).value();
    if (const Result<> configured = backup->applyLedgerSettings(); !configured) {
        if (configured.error().code == ErrorCode::StorageCorrupt)
            return damaged(damagedMessage,
                           QStringLiteral("restore from %1: %2").arg(backupPath, configured.error().detail));
        return configured;
    }
    const Result<QStringList> problems = integrityProblems(*backup);
    if (!problems) {
        if (problems.error().code == ErrorCode::StorageCorrupt)
            return damaged(
                damagedMessage,
                QStringLiteral("integrity_check of %1: %2").arg(backupPath, problems.error().detail));
        return Failure{problems.error()};
    }
    if (!problems.value().isEmpty())
        return damaged(damagedMessage,
                       QStringLiteral("integrity_check of %1: %2")
                           .arg(backupPath, problems.value().mid(0, 5).join(QStringLiteral("; "))));

    const Result<qint64> applicationId = backup->queryInt64(QStringLiteral("PRAGMA application_id"));
    if (!applicationId)
        return Failure{applicationId.error()};
    if (applicationId.value() != Migrator::ledgerApplicationId)
        return damaged(
            BackupText::tr("%1 is not a POS ledger backup. Nothing was changed.").arg(backupPath),
            QStringLiteral("restore from %1: application_id %2").arg(backupPath).arg(applicationId.value()));
    const QList<Migration> migrations = Migrator::ledgerMigrations();
    if (const Result<> compatible = Migrator::checkCompatible(*backup, migrations); !compatible) {
        // An older schema is fine: the normal start-up migration upgrades the restored ledger.
        const Result<qint64> version = backup->queryInt64(QStringLiteral("PRAGMA user_version"));
        const bool older = compatible.error().code == ErrorCode::VersionMismatch && version &&
                           version.value() < Migrator::latestVersion(migrations);
        if (!older)
            return compatible;
    }

    const QString temporary = temporaryPathFor(ledgerPath, QStringLiteral("restoring"));
    const Result<CopyOutcome> copied = copyDatabase(backup->handle(), temporary);
    backup.reset();
    if (!copied)
        return fail(copied.error().code,
                    BackupText::tr("The backup could not be restored: %1 The current ledger was not changed.")
                        .arg(copied.error().userMessage),
                    QStringLiteral("restore %1 -> %2: %3").arg(backupPath, temporary, copied.error().detail));

    QString aside;
    if (anyDatabaseFileExists(ledgerPath)) {
        aside = asidePathFor(ledgerPath, QStringLiteral("replaced"));
        if (const Result<> moved = moveDatabaseFiles(ledgerPath, aside); !moved) {
            removeDatabaseFiles(temporary);
            return moved;
        }
    }
    if (!renameReplacing(temporary, ledgerPath)) {
        const QString reason = QString::fromLocal8Bit(std::strerror(errno));
        removeDatabaseFiles(temporary);
        if (!aside.isEmpty()) {
            if (const Result<> back = moveDatabaseFiles(aside, ledgerPath); !back)
                qCCritical(lcStorage).noquote()
                    << "could not move the ledger back from" << aside << back.error().detail;
        }
        return fail(
            ErrorCode::IoFailure,
            BackupText::tr("The backup could not be restored: the ledger file could not be replaced."),
            QStringLiteral("rename %1 -> %2: %3").arg(temporary, ledgerPath, reason));
    }
    syncDirectoryOf(ledgerPath);
    qCInfo(lcStorage).noquote() << "ledger restored from" << backupPath << "to" << ledgerPath
                                << (aside.isEmpty() ? QStringLiteral("(no previous ledger)")
                                                    : QStringLiteral("previous ledger kept as ") + aside);
    return {};
}

Result<QString> setAsideDamagedLedger(const QString& ledgerPath)
{
    if (!QFileInfo::exists(ledgerPath))
        return fail(ErrorCode::NotFound, BackupText::tr("The ledger file %1 does not exist.").arg(ledgerPath),
                    QStringLiteral("set aside %1: no such file").arg(ledgerPath));
    const QString aside = asidePathFor(ledgerPath, QStringLiteral("damaged"));
    if (const Result<> moved = moveDatabaseFiles(ledgerPath, aside); !moved)
        return Failure{moved.error()};
    qCWarning(lcStorage).noquote() << "damaged ledger" << ledgerPath << "kept as" << aside;
    return aside;
}

Result<QStringList> pruneDailyBackups(const QString& directory, int keepDays, const QDate& today)
{
    if (keepDays < 1 || !today.isValid())
        return fail(ErrorCode::InvalidInput, BackupText::tr("Keep at least one day of backups."),
                    QStringLiteral("pruneDailyBackups keepDays %1, today %2")
                        .arg(keepDays)
                        .arg(today.toString(Qt::ISODate)));
    const QDir folder(directory);
    if (!folder.exists())
        return fail(ErrorCode::NotFound,
                    BackupText::tr("The backup folder %1 does not exist.").arg(directory),
                    QStringLiteral("prune %1: no such directory").arg(directory));
    static const QRegularExpression pattern(QStringLiteral("^ledger-(\\d{4}-\\d{2}-\\d{2})\\.db$"));
    const QDate oldestKept = today.addDays(-(keepDays - 1));
    QStringList deleted;
    QStringList failures;
    const QStringList names = folder.entryList(QDir::Files, QDir::Name);
    for (const QString& name : names) {
        const QRegularExpressionMatch match = pattern.match(name);
        if (!match.hasMatch())
            continue;
        const QDate date = QDate::fromString(match.captured(1), QStringLiteral("yyyy-MM-dd"));
        if (!date.isValid() || dailyBackupName(date) != name || date >= oldestKept)
            continue;
        if (QFile::remove(folder.filePath(name)))
            deleted << name;
        else
            failures << name;
    }
    if (!deleted.isEmpty())
        qCInfo(lcStorage).noquote() << "pruned daily backups in" << directory
                                    << deleted.join(QStringLiteral(", "));
    if (!failures.isEmpty())
        return fail(ErrorCode::IoFailure,
                    BackupText::tr("Old backups in %1 could not be deleted.").arg(directory),
                    QStringLiteral("could not delete %1 (deleted: %2)")
                        .arg(failures.join(QStringLiteral(", ")), deleted.join(QStringLiteral(", "))));
    return deleted;
}

QString dailyBackupName(const QDate& date)
{
    return QStringLiteral("ledger-%1.db").arg(date.toString(QStringLiteral("yyyy-MM-dd")));
}

} // namespace storage
} // namespace pos
