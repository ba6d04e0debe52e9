// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace pos {
namespace storage {

class SqliteDatabase;

// One prepared statement. Owned by its SqliteDatabase's statement cache (or by the caller for uncached ones);
// used only on the connection's thread. Binding is 1-based like SQLite; a bind error is remembered and
// reported by the next step(). Values: integers (money is always integer fen), text (UTF-8), blobs, NULL.
// There is deliberately no floating-point bind.
class SqliteStatement final
{
public:
    SqliteStatement(SqliteDatabase& database, sqlite3_stmt* statement);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    SqliteStatement& bind(int index, qint64 value);
    SqliteStatement& bind(int index, int value) { return bind(index, static_cast<qint64>(value)); }
    SqliteStatement& bind(int index, const QString& value);
    SqliteStatement& bind(int index, const QByteArray& blob);
    SqliteStatement& bind(int index, std::nullptr_t);
    // Binds NULL when the optional is empty.
    SqliteStatement& bind(int index, const std::optional<qint64>& value);
    SqliteStatement& bind(int index, const std::optional<QString>& value);

    // Advances: true when a row is available, false when done. Failures map SQLite codes to ErrorCode
    // (SQLITE_FULL -> StorageFull, SQLITE_CORRUPT/NOTADB -> StorageCorrupt, SQLITE_BUSY -> StorageBusy, ...).
    Result<bool> step();
    // step() until done, for statements that return no rows.
    Result<> run();
    // Clears bindings and resets for reuse. Always called before a cached statement is handed out again.
    void reset();

    bool isNull(int column) const;
    qint64 int64(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    std::optional<qint64> optionalInt64(int column) const;
    int columnCount() const;

private:
    void rememberBindError(int rc, int index);

    SqliteDatabase& m_database;
    sqlite3_stmt* m_statement;
    int m_bindError = 0;
    int m_bindErrorIndex = 0;
};

} // namespace storage
} // namespace pos
