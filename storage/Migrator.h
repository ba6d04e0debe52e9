// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QList>
#include <QString>

namespace pos {
namespace storage {

class SqliteDatabase;

struct Migration
{
    int version;  // 1, 2, …: the PRAGMA user_version the database has after this step
    QString name; // file name, e.g. "0001_initial.sql"
    QString sql;
};

// Brings a ledger database to the newest schema, one migration per transaction, tracking the version in
// PRAGMA user_version and marking the file with PRAGMA application_id.
// Refuses, without writing anything: a non-empty SQLite file that is not a ledger (foreign application_id or
// tables without our id), and a ledger newer than this program knows (ErrorCode::VersionMismatch).
class Migrator final
{
public:
    static constexpr qint64 ledgerApplicationId = 0x504F534C; // 'POSL'

    // The migrations shipped in the program (storage/migrations/*.sql, embedded under :/migrations).
    static QList<Migration> ledgerMigrations();
    static int latestVersion(const QList<Migration>& migrations);

    // Applies the missing migrations; returns how many were applied. The database must be writable and
    // configured (SqliteDatabase::applyLedgerSettings).
    static Result<int> migrate(SqliteDatabase& database, const QList<Migration>& migrations);

    // Checks, read-only, that the file is a ledger this program can use as it is (version equal to latest).
    static Result<> checkCompatible(SqliteDatabase& database, const QList<Migration>& migrations);
};

} // namespace storage
} // namespace pos
