// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "SensitiveDataScanner.h"

#include <QDirIterator>
#include <QFile>

namespace pos {
namespace test {
namespace {

QByteArray packedBcd(const QByteArray& ascii)
{
    QByteArray nibbles;
    for (char c : ascii) {
        if (c >= '0' && c <= '9')
            nibbles.append(static_cast<char>(c - '0'));
        else if (c == '=' || c == 'D' || c == 'd')
            nibbles.append(static_cast<char>(0xD));
        else if (c >= 'A' && c <= 'F')
            nibbles.append(static_cast<char>(c - 'A' + 10));
        else
            return {};
    }
    if (nibbles.size() % 2 != 0)
        nibbles.append(static_cast<char>(0xF));
    QByteArray packed;
    for (qsizetype i = 0; i < nibbles.size(); i += 2)
        packed.append(static_cast<char>((nibbles.at(i) << 4) | nibbles.at(i + 1)));
    return packed;
}

QByteArray utf16(const QByteArray& ascii, bool littleEndian)
{
    QByteArray out;
    for (char c : ascii) {
        if (littleEndian) {
            out.append(c);
            out.append('\0');
        } else {
            out.append('\0');
            out.append(c);
        }
    }
    return out;
}

} // namespace

void SensitiveDataScanner::addSecret(const QString& name, const QByteArray& asciiValue)
{
    m_secrets.append({name, asciiValue});
}

QList<QPair<QString, QByteArray>> SensitiveDataScanner::needles() const
{
    QList<QPair<QString, QByteArray>> result;
    for (const auto& [name, ascii] : m_secrets) {
        result.append({name + QStringLiteral(" ascii"), ascii});
        result.append({name + QStringLiteral(" hex"), ascii.toHex()});
        result.append({name + QStringLiteral(" HEX"), ascii.toHex().toUpper()});
        if (const QByteArray bcd = packedBcd(ascii); !bcd.isEmpty())
            result.append({name + QStringLiteral(" bcd"), bcd});
        result.append({name + QStringLiteral(" utf16le"), utf16(ascii, true)});
        result.append({name + QStringLiteral(" utf16be"), utf16(ascii, false)});
    }
    return result;
}

QList<SecretHit> SensitiveDataScanner::scanFile(const QString& path) const
{
    QList<SecretHit> hits;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return hits;
    const QByteArray content = file.readAll();
    for (const auto& [label, needle] : needles()) {
        const qsizetype at = content.indexOf(needle);
        if (at >= 0) {
            const qsizetype space = label.lastIndexOf(QLatin1Char(' '));
            hits.append({path, label.left(space), label.mid(space + 1), at});
        }
    }
    return hits;
}

QList<SecretHit> SensitiveDataScanner::scanDirectory(const QString& directory) const
{
    QList<SecretHit> hits;
    QDirIterator it(directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        hits += scanFile(it.next());
    return hits;
}

QString SensitiveDataScanner::describe(const QList<SecretHit>& hits)
{
    QStringList lines;
    for (const SecretHit& hit : hits)
        lines << QStringLiteral("%1: %2 (%3) at %4")
                     .arg(hit.file, hit.secretName, hit.encoding)
                     .arg(hit.offset);
    return lines.join(QLatin1Char('\n'));
}

} // namespace test
} // namespace pos
