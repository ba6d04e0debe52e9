// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"
#include "storage/sqlite/SqliteStatement.h"

#include <QHash>
#include <QString>

#include <memory>

struct sqlite3;

namespace pos {
namespace storage {

// One SQLite connection through the C API of the system library (the same copy Qt's SQLite plugin loads:
// one SQLite per process). Thread affinity: created, used and destroyed on one thread; each thread opens its
// own connection. The ledger's writer thread owns the only read-write connection.
class SqliteDatabase final
{
public:
    enum class Access { ReadWrite, ReadOnly };
    enum class Creation { MustExist, CreateIfMissing };

    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase&) = delete;
    SqliteDatabase& operator=(const SqliteDatabase&) = delete;

    // Opens path. With MustExist a missing file is ErrorCode::NotFound and is never created. The file is not
    // read yet: call applyLedgerSettings() (write) or readFirstPage() to find out whether it is a database.
    static Result<std::unique_ptr<SqliteDatabase>>
    open(const QString& path, Access access, Creation creation);

    // journal_mode=WAL, synchronous=FULL, foreign_keys=ON, secure_delete=ON, busy_timeout; each read back,
    // and a refusal (ErrorCode::StorageFailure) when SQLite did not take one. Read-only connections get
    // foreign_keys and busy_timeout only. Also the first read of the file: a file that is not an SQLite
    // database fails here with ErrorCode::StorageCorrupt.
    Result<> applyLedgerSettings();

    // Runs one or more statements that return no rows (schema scripts, pragmas without results).
    Result<> execute(const QString& sql);
    // A cached prepared statement for sql, reset and unbound; valid until the database is destroyed.
    Result<SqliteStatement*> prepare(const QString& sql);
    // Single integer result of a query such as "PRAGMA user_version"; fails when there is no row.
    Result<qint64> queryInt64(const QString& sql);
    Result<QString> queryText(const QString& sql);

    // After a COMMIT failed with an I/O error, SQLite may already have written the whole commit record into
    // the WAL: whether the transaction counts is only known after the file is reopened. The connection is
    // then poisoned: prepare() refuses every statement (ErrorCode::OutcomeUnknown) until the ledger is
    // closed and opened again, so nothing is written on top of an undecided state.
    void poison(const QString& reason);
    bool isPoisoned() const { return !m_poisonReason.isEmpty(); }

    qint64 lastInsertRowId() const;
    int changes() const;
    QString path() const { return m_path; }
    bool isReadOnly() const { return m_access == Access::ReadOnly; }
    sqlite3* handle() const { return m_db; }

    // Translates an SQLite result code (with this connection's message) into a Failure. step names what
    // was being done, for the log.
    Failure failure(int rc, const QString& step) const;
    static ErrorCode errorCodeFor(int rc);

private:
    SqliteDatabase(sqlite3* db, QString path, Access access);
    template <typename T, typename Read>
    Result<T> querySingle(const QString& sql, Read read);

    sqlite3* m_db;
    QString m_path;
    Access m_access;
    QHash<QString, std::shared_ptr<SqliteStatement>> m_statements;
    QString m_poisonReason;
};

} // namespace storage
} // namespace pos
