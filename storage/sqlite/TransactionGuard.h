// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

namespace pos {
namespace storage {

class SqliteDatabase;

// RAII write transaction (BEGIN IMMEDIATE: the write lock is taken up front, so a conflicting writer fails
// at begin, not at commit). Leaving the scope without a successful commit() rolls back. After a failed
// statement or commit the guard issues an explicit ROLLBACK, as SQLite recommends for FULL/IOERR/BUSY/NOMEM.
// Nested use (a guard begun while the connection is already inside a transaction) becomes a SAVEPOINT:
// commit() releases it into the outer transaction, which alone decides durability; a rollback undoes only
// the nested part. Bulk tools use this to group many business events into one durable commit.
// Usage:
//     TransactionGuard tx(db);
//     if (auto begun = tx.begin(); !begun) return begun;
//     ... statements ...
//     return tx.commit();
class TransactionGuard final
{
public:
    explicit TransactionGuard(SqliteDatabase& database);
    ~TransactionGuard();
    TransactionGuard(const TransactionGuard&) = delete;
    TransactionGuard& operator=(const TransactionGuard&) = delete;

    Result<> begin();
    // Durable once this returns success (WAL + synchronous=FULL: the WAL is synced before it returns).
    Result<> commit();
    void rollback();
    bool isOpen() const { return m_open; }

private:
    SqliteDatabase& m_database;
    bool m_open = false;
    bool m_nested = false;
};

} // namespace storage
} // namespace pos
