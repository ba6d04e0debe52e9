// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace pos {
namespace test {

// Looks for secrets in files the way a PCI assessor's grep would: each secret (a full PAN, track-2 data, a
// PIN block) in ASCII, upper- and lower-case hex of its ASCII, packed BCD (digits two per byte, '=' or 'D'
// as the separator nibble 0xD), and UTF-16 LE/BE.
struct SecretHit
{
    QString file;
    QString secretName;
    QString encoding;
    qint64 offset = 0;
};

class SensitiveDataScanner final
{
public:
    void addSecret(const QString& name, const QByteArray& asciiValue);
    // Every encoding of every secret, for tests of the scanner itself.
    QList<QPair<QString, QByteArray>> needles() const;
    QList<SecretHit> scanFile(const QString& path) const;
    // Scans every regular file below directory (recursively), e.g. the data directory with pos.db, its -wal,
    // backups and logs.
    QList<SecretHit> scanDirectory(const QString& directory) const;
    static QString describe(const QList<SecretHit>& hits);

private:
    QList<QPair<QString, QByteArray>> m_secrets;
};

} // namespace test
} // namespace pos
