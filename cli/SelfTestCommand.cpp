// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "cli/SelfTestCommand.h"

#include "core/crypto/CryptoPrimitives.h"
#include "core/crypto/SelfTest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pos {
namespace cli {

int SelfTestCommand::run(const QStringList& arguments, CommandIo& io)
{
    bool json = false;
    if (const std::optional<int> stop = parseJsonOnlyOptions(arguments, summary(), io, json))
        return *stop;

    const crypto::SelfTestReport report = crypto::runSelfTest(crypto::startupKnownAnswers());
    if (json) {
        QJsonArray tests;
        for (const crypto::KatOutcome& outcome : report.outcomes) {
            QJsonObject test{{QStringLiteral("name"), outcome.name},
                             {QStringLiteral("source"), outcome.source},
                             {QStringLiteral("passed"), outcome.passed}};
            if (!outcome.detail.isEmpty())
                test.insert(QStringLiteral("detail"), outcome.detail);
            tests.append(test);
        }
        const QJsonObject object{{QStringLiteral("passed"), report.passed()},
                                 {QStringLiteral("openssl"), crypto::libraryVersion()},
                                 {QStringLiteral("tests"), tests}};
        io.out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
    } else {
        for (const crypto::KatOutcome& outcome : report.outcomes) {
            io.out << (outcome.passed ? "PASS " : "FAIL ") << outcome.name << "  (" << outcome.source
                   << ")\n";
            if (!outcome.passed)
                io.out << "     " << outcome.detail << '\n';
        }
        io.out << (report.passed() ? "self-test passed" : "SELF-TEST FAILED") << " ("
               << report.outcomes.size() << " known-answer tests, " << crypto::libraryVersion() << ")\n";
    }
    return report.passed() ? 0 : 1;
}

} // namespace cli
} // namespace pos
