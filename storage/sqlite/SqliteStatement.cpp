// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "storage/sqlite/SqliteStatement.h"

#include "storage/sqlite/SqliteDatabase.h"

#include <sqlite3.h>

namespace pos {
namespace storage {

SqliteStatement::SqliteStatement(SqliteDatabase& database, sqlite3_stmt* statement)
    : m_database(database)
    , m_statement(statement)
{}

SqliteStatement::~SqliteStatement()
{
    sqlite3_finalize(m_statement);
}

void SqliteStatement::rememberBindError(int rc, int index)
{
    if (rc != SQLITE_OK && m_bindError == 0) {
        m_bindError = rc;
        m_bindErrorIndex = index;
    }
}

SqliteStatement& SqliteStatement::bind(int index, qint64 value)
{
    rememberBindError(sqlite3_bind_int64(m_statement, index, value), index);
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, const QString& value)
{
    const QByteArray utf8 = value.toUtf8();
    rememberBindError(sqlite3_bind_text(m_statement, index, utf8.constData(), static_cast<int>(utf8.size()),
                                        SQLITE_TRANSIENT),
                      index);
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, const QByteArray& blob)
{
    // A null QByteArray would bind SQL NULL; an empty one must stay an empty blob.
    static const char empty = 0;
    rememberBindError(sqlite3_bind_blob(m_statement, index, blob.isNull() ? &empty : blob.constData(),
                                        static_cast<int>(blob.size()), SQLITE_TRANSIENT),
                      index);
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, std::nullptr_t)
{
    rememberBindError(sqlite3_bind_null(m_statement, index), index);
    return *this;
}

SqliteStatement& SqliteStatement::bind(int index, const std::optional<qint64>& value)
{
    return value ? bind(index, *value) : bind(index, nullptr);
}

SqliteStatement& SqliteStatement::bind(int index, const std::optional<QString>& value)
{
    return value ? bind(index, *value) : bind(index, nullptr);
}

Result<bool> SqliteStatement::step()
{
    if (m_bindError != 0)
        return m_database.failure(m_bindError, QStringLiteral("bind parameter %1").arg(m_bindErrorIndex));
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    return m_database.failure(rc,
                              QStringLiteral("step: %1").arg(QString::fromUtf8(sqlite3_sql(m_statement))));
}

Result<> SqliteStatement::run()
{
    for (;;) {
        const Result<bool> row = step();
        if (!row)
            return Failure{row.error()};
        if (!row.value())
            return {};
    }
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
    m_bindError = 0;
    m_bindErrorIndex = 0;
}

bool SqliteStatement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

qint64 SqliteStatement::int64(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

QString SqliteStatement::text(int column) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
    return QString::fromUtf8(data, sqlite3_column_bytes(m_statement, column));
}

QByteArray SqliteStatement::blob(int column) const
{
    const auto* data = static_cast<const char*>(sqlite3_column_blob(m_statement, column));
    return QByteArray(data, sqlite3_column_bytes(m_statement, column));
}

std::optional<qint64> SqliteStatement::optionalInt64(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return int64(column);
}

int SqliteStatement::columnCount() const
{
    return sqlite3_column_count(m_statement);
}

} // namespace storage
} // namespace pos
