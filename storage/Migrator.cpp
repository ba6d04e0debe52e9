// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "storage/Migrator.h"

#include "storage/StorageLog.h"
#include "storage/sqlite/SqliteDatabase.h"
#include "storage/sqlite/TransactionGuard.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <algorithm>

namespace pos {
namespace storage {
namespace {

struct MigratorText
{
    Q_DECLARE_TR_FUNCTIONS(pos::storage::Migrator)
};

struct FileIdentity
{
    qint64 applicationId = 0;
    qint64 userVersion = 0;
    qint64 tableCount = 0;
};

Result<FileIdentity> identify(SqliteDatabase& database)
{
    FileIdentity identity;
    const Result<qint64> applicationId = database.queryInt64(QStringLiteral("PRAGMA application_id"));
    if (!applicationId)
        return Failure{applicationId.error()};
    const Result<qint64> userVersion = database.queryInt64(QStringLiteral("PRAGMA user_version"));
    if (!userVersion)
        return Failure{userVersion.error()};
    const Result<qint64> tables =
        database.queryInt64(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE type = 'table'"));
    if (!tables)
        return Failure{tables.error()};
    identity.applicationId = applicationId.value();
    identity.userVersion = userVersion.value();
    identity.tableCount = tables.value();
    return identity;
}

Result<> checkIdentity(const FileIdentity& identity, const QString& path, int latest)
{
    const bool empty = identity.applicationId == 0 && identity.userVersion == 0 && identity.tableCount == 0;
    if (!empty && identity.applicationId != Migrator::ledgerApplicationId)
        return fail(
            ErrorCode::StorageCorrupt,
            MigratorText::tr("%1 is not a POS ledger. It was left untouched; choose the right file or "
                             "restore a backup.")
                .arg(path),
            QStringLiteral("application_id %1, user_version %2, %3 tables")
                .arg(identity.applicationId)
                .arg(identity.userVersion)
                .arg(identity.tableCount));
    if (identity.userVersion > latest)
        return fail(ErrorCode::VersionMismatch,
                    MigratorText::tr("The ledger was written by a newer version of the POS (schema %1; this "
                                     "version knows up to %2). Update the POS.")
                        .arg(identity.userVersion)
                        .arg(latest),
                    QStringLiteral("user_version %1 > %2").arg(identity.userVersion).arg(latest));
    return {};
}

} // namespace

QList<Migration> Migrator::ledgerMigrations()
{
    QList<Migration> migrations;
    const QDir directory(QStringLiteral(":/migrations"));
    const QStringList files = directory.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString& file : files) {
        QFile sql(directory.filePath(file));
        if (!sql.open(QIODevice::ReadOnly))
            continue;
        migrations.append({file.left(4).toInt(), file, QString::fromUtf8(sql.readAll())});
    }
    return migrations;
}

int Migrator::latestVersion(const QList<Migration>& migrations)
{
    int latest = 0;
    for (const Migration& migration : migrations)
        latest = std::max(latest, migration.version);
    return latest;
}

Result<int> Migrator::migrate(SqliteDatabase& database, const QList<Migration>& migrations)
{
    const Result<FileIdentity> identity = identify(database);
    if (!identity)
        return Failure{identity.error()};
    const int latest = latestVersion(migrations);
    if (const Result<> ok = checkIdentity(identity.value(), database.path(), latest); !ok)
        return Failure{ok.error()};

    int applied = 0;
    qint64 version = identity.value().userVersion;
    for (const Migration& migration : migrations) {
        if (migration.version <= version)
            continue;
        if (migration.version != version + 1)
            return fail(
                ErrorCode::Internal, MigratorText::tr("The ledger schema could not be upgraded."),
                QStringLiteral("migration %1 does not follow version %2").arg(migration.name).arg(version));
        TransactionGuard transaction(database);
        if (const Result<> begun = transaction.begin(); !begun)
            return Failure{begun.error()};
        if (const Result<> ran = database.execute(migration.sql); !ran)
            return Failure{Error{ran.error().code,
                                 MigratorText::tr("The ledger schema could not be upgraded."),
                                 migration.name + QStringLiteral(": ") + ran.error().detail}};
        if (const Result<> set =
                database.execute(QStringLiteral("PRAGMA application_id = %1; PRAGMA user_version = %2")
                                     .arg(ledgerApplicationId)
                                     .arg(migration.version));
            !set)
            return Failure{set.error()};
        if (const Result<> committed = transaction.commit(); !committed)
            return Failure{committed.error()};
        qCInfo(lcStorage).noquote() << "ledger migrated to schema" << migration.version << migration.name;
        version = migration.version;
        ++applied;
    }
    return applied;
}

Result<> Migrator::checkCompatible(SqliteDatabase& database, const QList<Migration>& migrations)
{
    const Result<FileIdentity> identity = identify(database);
    if (!identity)
        return Failure{identity.error()};
    const int latest = latestVersion(migrations);
    if (const Result<> ok = checkIdentity(identity.value(), database.path(), latest); !ok)
        return ok;
    if (identity.value().userVersion != latest)
        return fail(ErrorCode::VersionMismatch, MigratorText::tr("The ledger needs an upgrade first."),
                    QStringLiteral("user_version %1 != %2").arg(identity.value().userVersion).arg(latest));
    return {};
}

} // namespace storage
} // namespace pos
