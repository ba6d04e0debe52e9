// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QDate>
#include <QString>
#include <QStringList>

namespace pos {
namespace storage {

class SqliteDatabase;

// What backupLedger() wrote.
struct BackupInfo
{
    QString path; // the final destination path
    qint64 pageCount = 0;
    qint64 bytes = 0; // size of the backup file
    QString sha256;   // SHA-256 of the backup file, lower-case hex
    qint64 durationMs = 0;
    int restarts = 0; // times SQLite restarted the copy because another connection wrote to the source
};

// Copies the ledger open on source into destinationPath with SQLite's online backup API: the result is the
// database as it was at one committed instant, including what is still in the source's -wal. Other
// connections may keep writing meanwhile (SQLite then restarts the copy; after a few restarts the rest is
// copied in one step under a read snapshot, which in WAL mode does not block writers).
// Must be called on source's thread, outside a transaction on source (else ErrorCode::StorageBusy); source
// must be open and configured; it is only read.
// The copy is written to a temporary file next to destinationPath, switched to journal_mode=DELETE (a
// self-contained single file, no -wal needed), checked with PRAGMA integrity_check, synced, and renamed
// over destinationPath atomically (replacing an older backup of that name). On failure destinationPath is
// left exactly as it was (absent or the older file) and the temporary file is removed. Blocks for as long
// as the copy takes.
Result<BackupInfo> backupLedger(SqliteDatabase& source, const QString& destinationPath);

// Replaces the ledger at ledgerPath by the backup at backupPath.
// Precondition (the caller's duty): no connection to ledgerPath is open, in this or any other process.
// The backup is opened read-only and must pass PRAGMA integrity_check and be a POS ledger of this schema
// or an older one (the normal migrate path upgrades it at the next start). Otherwise the result is
// ErrorCode::StorageCorrupt (damaged or not a ledger) or VersionMismatch (newer schema) and nothing changed.
// The backup is first copied to a temporary file next to ledgerPath and checked again; only then is the
// current ledger (with its -wal, -shm and -journal, when present) renamed to
// "<ledgerPath>.replaced-<yyyyMMdd-HHmmss>" (kept for support, never deleted or overwritten) and the copy
// renamed to ledgerPath. If a later step fails, the current ledger is moved back.
Result<> restoreLedger(const QString& backupPath, const QString& ledgerPath);

// Moves a damaged ledger (with its -wal, -shm and -journal, when present, keeping them paired by name) to
// "<ledgerPath>.damaged-<yyyyMMdd-HHmmss>" and returns that path. The bytes are kept for support; nothing
// is deleted. ErrorCode::NotFound when ledgerPath does not exist.
Result<QString> setAsideDamagedLedger(const QString& ledgerPath);

// Deletes the daily backups (files named exactly dailyBackupName(date)) in directory whose date is older
// than the keepDays most recent days ending with today (today and keepDays - 1 days before it are kept;
// future dates are kept). Files with any other name are never touched. Returns the deleted file names,
// sorted. keepDays < 1 is ErrorCode::InvalidInput.
Result<QStringList> pruneDailyBackups(const QString& directory, int keepDays, const QDate& today);

// "ledger-YYYY-MM-DD.db"
QString dailyBackupName(const QDate& date);

} // namespace storage
} // namespace pos
