// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "cli/VersionCommand.h"

#include "PosVersion.h"
#include "core/crypto/CryptoPrimitives.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace pos {
namespace cli {

int VersionCommand::run(const QStringList& arguments, CommandIo& io)
{
    bool json = false;
    if (const std::optional<int> stop = parseJsonOnlyOptions(arguments, summary(), io, json))
        return *stop;
    const QString qtVersion = QString::fromLatin1(qVersion());
    const QString openssl = crypto::libraryVersion();
    if (json) {
        const QJsonObject object{{QStringLiteral("name"), QStringLiteral("pos-tool")},
                                 {QStringLiteral("version"), QStringLiteral(POS_VERSION_STRING)},
                                 {QStringLiteral("qt"), qtVersion},
                                 {QStringLiteral("openssl"), openssl}};
        io.out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
    } else {
        io.out << "pos-tool " << POS_VERSION_STRING << "\nQt " << qtVersion << '\n' << openssl << '\n';
    }
    return 0;
}

} // namespace cli
} // namespace pos
