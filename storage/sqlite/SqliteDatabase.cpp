// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "storage/sqlite/SqliteDatabase.h"

#include "storage/StorageLog.h"

#include <QCoreApplication>
#include <QFile>

#include <sqlite3.h>

namespace pos {
namespace storage {
namespace {

struct StorageText
{
    Q_DECLARE_TR_FUNCTIONS(pos::storage::StorageText)
};

constexpr int busyTimeoutMs = 5000;

} // namespace

SqliteDatabase::SqliteDatabase(sqlite3* db, QString path, Access access)
    : m_db(db)
    , m_path(std::move(path))
    , m_access(access)
{}

SqliteDatabase::~SqliteDatabase()
{
    m_statements.clear(); // finalize every statement before the connection closes
    sqlite3_close_v2(m_db);
}

Result<std::unique_ptr<SqliteDatabase>>
SqliteDatabase::open(const QString& path, Access access, Creation creation)
{
    if (creation == Creation::MustExist && !QFile::exists(path))
        return fail(ErrorCode::NotFound, StorageText::tr("The ledger file %1 does not exist.").arg(path),
                    QStringLiteral("open %1: no such file").arg(path));
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    if (access == Access::ReadOnly)
        flags |= SQLITE_OPEN_READONLY;
    else
        flags |= SQLITE_OPEN_READWRITE | (creation == Creation::CreateIfMissing ? SQLITE_OPEN_CREATE : 0);
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString message = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QStringLiteral("out of memory");
        sqlite3_close_v2(db);
        return fail(errorCodeFor(rc), StorageText::tr("The ledger file %1 cannot be opened.").arg(path),
                    QStringLiteral("sqlite3_open_v2 %1: %2 (%3)").arg(path, message).arg(rc));
    }
    sqlite3_extended_result_codes(db, 1);
    return std::unique_ptr<SqliteDatabase>(new SqliteDatabase(db, path, access));
}

Result<> SqliteDatabase::applyLedgerSettings()
{
    sqlite3_busy_timeout(m_db, busyTimeoutMs);
    // The first statement reads the header: a file that is not a database fails here (SQLITE_NOTADB).
    if (const Result<qint64> pages = queryInt64(QStringLiteral("PRAGMA page_count")); !pages)
        return Failure{pages.error()};
    if (const Result<> fk = execute(QStringLiteral("PRAGMA foreign_keys=ON")); !fk)
        return fk;
    if (const Result<qint64> fk = queryInt64(QStringLiteral("PRAGMA foreign_keys")); !fk || fk.value() != 1)
        return fail(ErrorCode::StorageFailure,
                    StorageText::tr("The ledger database could not be configured."),
                    QStringLiteral("foreign_keys did not turn on"));
    if (m_access == Access::ReadOnly)
        return {};

    const Result<QString> journal = queryText(QStringLiteral("PRAGMA journal_mode=WAL"));
    if (!journal)
        return Failure{journal.error()};
    if (journal.value().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return fail(ErrorCode::StorageFailure,
                    StorageText::tr("The ledger database could not be configured."),
                    QStringLiteral("journal_mode is %1, not wal").arg(journal.value()));
    const std::pair<const char*, qint64> settings[] = {{"synchronous", 2}, {"secure_delete", 1}};
    for (const auto& [pragma, expected] : settings) {
        const QString name = QString::fromLatin1(pragma);
        if (const Result<> set = execute(QStringLiteral("PRAGMA %1=%2").arg(name).arg(expected)); !set)
            return set;
        const Result<qint64> value = queryInt64(QStringLiteral("PRAGMA %1").arg(name));
        if (!value)
            return Failure{value.error()};
        if (value.value() != expected)
            return fail(
                ErrorCode::StorageFailure, StorageText::tr("The ledger database could not be configured."),
                QStringLiteral("%1 reads back %2, expected %3").arg(name).arg(value.value()).arg(expected));
    }
    return {};
}

Result<> SqliteDatabase::execute(const QString& sql)
{
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &message);
    if (rc == SQLITE_OK)
        return {};
    const QString detail = message ? QString::fromUtf8(message) : QString();
    sqlite3_free(message);
    return fail(errorCodeFor(rc), StorageText::tr("The ledger could not be updated."),
                QStringLiteral("exec failed (%1): %2").arg(rc).arg(detail));
}

void SqliteDatabase::poison(const QString& reason)
{
    m_poisonReason = reason;
    qCCritical(lcStorage).noquote() << "ledger connection poisoned:" << reason;
}

Result<SqliteStatement*> SqliteDatabase::prepare(const QString& sql)
{
    if (isPoisoned())
        return fail(
            ErrorCode::OutcomeUnknown,
            StorageText::tr("After a disk error the ledger must be reopened before it can be used again."),
            QStringLiteral("connection poisoned (%1); refused: %2").arg(m_poisonReason, sql));
    if (const auto cached = m_statements.constFind(sql); cached != m_statements.constEnd()) {
        cached.value()->reset();
        return cached.value().get();
    }
    const QByteArray utf8 = sql.toUtf8();
    sqlite3_stmt* statement = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, utf8.constData(), static_cast<int>(utf8.size()),
                                      SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
    if (rc != SQLITE_OK)
        return failure(rc, QStringLiteral("prepare: %1").arg(sql));
    auto owned = std::make_shared<SqliteStatement>(*this, statement);
    m_statements.insert(sql, owned);
    return owned.get();
}

template <typename T, typename Read>
Result<T> SqliteDatabase::querySingle(const QString& sql, Read read)
{
    const Result<SqliteStatement*> statement = prepare(sql);
    if (!statement)
        return Failure{statement.error()};
    const Result<bool> row = statement.value()->step();
    if (!row)
        return Failure{row.error()};
    if (!row.value())
        return fail(ErrorCode::NotFound, StorageText::tr("The ledger returned no result."),
                    QStringLiteral("no row for: %1").arg(sql));
    T value = read(*statement.value());
    statement.value()->reset();
    return value;
}

Result<qint64> SqliteDatabase::queryInt64(const QString& sql)
{
    return querySingle<qint64>(sql, [](const SqliteStatement& row) { return row.int64(0); });
}

Result<QString> SqliteDatabase::queryText(const QString& sql)
{
    return querySingle<QString>(sql, [](const SqliteStatement& row) { return row.text(0); });
}

qint64 SqliteDatabase::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int SqliteDatabase::changes() const
{
    return sqlite3_changes(m_db);
}

ErrorCode SqliteDatabase::errorCodeFor(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_FULL: return ErrorCode::StorageFull;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return ErrorCode::StorageCorrupt;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return ErrorCode::StorageBusy;
    case SQLITE_CANTOPEN: return ErrorCode::IoFailure;
    case SQLITE_IOERR: return ErrorCode::IoFailure;
    case SQLITE_CONSTRAINT: return ErrorCode::InvalidInput;
    default: return ErrorCode::StorageFailure;
    }
}

Failure SqliteDatabase::failure(int rc, const QString& step) const
{
    const ErrorCode code = errorCodeFor(rc);
    QString message;
    switch (code) {
    case ErrorCode::StorageFull:
        message = StorageText::tr("The disk is full: nothing was saved. Free some space and try again.");
        break;
    case ErrorCode::StorageCorrupt:
        message = StorageText::tr("The ledger file is damaged or is not a ledger. Restore it from a backup.");
        break;
    case ErrorCode::StorageBusy: message = StorageText::tr("The ledger is busy. Please try again."); break;
    case ErrorCode::IoFailure:
        message = StorageText::tr("The ledger could not be read or written (disk error).");
        break;
    default: message = StorageText::tr("The ledger could not be updated."); break;
    }
    const QString detail = QStringLiteral("%1: %2 (rc=%3, %4)")
                               .arg(step, QString::fromUtf8(sqlite3_errmsg(m_db)))
                               .arg(rc)
                               .arg(QString::fromLatin1(sqlite3_errstr(rc)));
    qCWarning(lcStorage).noquote() << detail;
    return Failure{Error{code, message, detail}};
}

} // namespace storage
} // namespace pos
