// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "storage/sqlite/TransactionGuard.h"

#include "storage/sqlite/SqliteDatabase.h"

#include <QCoreApplication>

#include <sqlite3.h>

namespace pos {
namespace storage {

TransactionGuard::TransactionGuard(SqliteDatabase& database) : m_database(database)
{}

TransactionGuard::~TransactionGuard()
{
    rollback();
}

Result<> TransactionGuard::begin()
{
    Q_ASSERT(!m_open);
    m_nested = sqlite3_get_autocommit(m_database.handle()) == 0;
    const Result<SqliteStatement*> begin =
        m_database.prepare(m_nested ? QStringLiteral("SAVEPOINT nested") : QStringLiteral("BEGIN IMMEDIATE"));
    if (!begin)
        return Failure{begin.error()};
    if (const Result<> run = begin.value()->run(); !run)
        return run;
    m_open = true;
    return {};
}

Result<> TransactionGuard::commit()
{
    Q_ASSERT(m_open);
    const Result<SqliteStatement*> commit =
        m_database.prepare(m_nested ? QStringLiteral("RELEASE nested") : QStringLiteral("COMMIT"));
    if (!commit) {
        rollback();
        return Failure{commit.error()};
    }
    const Result<> run = commit.value()->run();
    if (!run) {
        const ErrorCode code = run.error().code;
        if (!m_nested && (code == ErrorCode::IoFailure || code == ErrorCode::StorageCorrupt)) {
            // The commit record may already be in the WAL: the outcome is decided by the next open.
            rollback();
            m_database.poison(run.error().detail);
            return fail(
                ErrorCode::OutcomeUnknown,
                QCoreApplication::translate("pos::storage::TransactionGuard",
                                            "The disk reported an error while saving: this may or may not "
                                            "have been saved. Reopen the ledger and check the last entry "
                                            "before entering it again."),
                run.error().detail);
        }
        rollback();
        return run;
    }
    m_open = false;
    return {};
}

void TransactionGuard::rollback()
{
    if (!m_open)
        return;
    m_open = false;
    // After some errors SQLite has already rolled back on its own; only roll back a transaction still open.
    if (sqlite3_get_autocommit(m_database.handle()) != 0)
        return;
    if (m_nested)
        sqlite3_exec(m_database.handle(), "ROLLBACK TO nested; RELEASE nested", nullptr, nullptr, nullptr);
    else
        sqlite3_exec(m_database.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

} // namespace storage
} // namespace pos
