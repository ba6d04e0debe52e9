// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "PosVersion.h"
#include "support/TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace std::chrono_literals;
using pos::test::builtExecutable;
using pos::test::runProcess;

namespace {

QJsonObject parseJson(const QByteArray& output)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(output, &error);
    return error.error == QJsonParseError::NoError ? document.object() : QJsonObject();
}

} // namespace

class tst_PosTool final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void versionJson();
    void selftestJsonPasses();
    void selftestHumanOutput();
    void selftestReportsACorruptedVector_data();
    void selftestReportsACorruptedVector();
    void unknownCommandIsAUsageError_data();
    void unknownCommandIsAUsageError();
};

void tst_PosTool::versionJson()
{
    const auto run = runProcess(builtExecutable(QStringLiteral("pos-tool")),
                                {QStringLiteral("version"), QStringLiteral("--json")}, 20s);
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = parseJson(run.standardOutput);
    QCOMPARE(json.value(QStringLiteral("version")).toString(), QStringLiteral(POS_VERSION_STRING));
    QCOMPARE(json.value(QStringLiteral("qt")).toString(), QString::fromLatin1(qVersion()));
    QVERIFY(json.value(QStringLiteral("openssl")).toString().startsWith(QStringLiteral("OpenSSL 3")));
}

void tst_PosTool::selftestJsonPasses()
{
    const auto run = runProcess(builtExecutable(QStringLiteral("pos-tool")),
                                {QStringLiteral("selftest"), QStringLiteral("--json")}, 20s);
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = parseJson(run.standardOutput);
    QCOMPARE(json.value(QStringLiteral("passed")).toBool(), true);
    QStringList names;
    for (const QJsonValue& test : json.value(QStringLiteral("tests")).toArray()) {
        QCOMPARE(test.toObject().value(QStringLiteral("passed")).toBool(), true);
        names << test.toObject().value(QStringLiteral("name")).toString();
    }
    for (const char* required : {"sha256-abc", "hmac-sha256-rfc4231-2", "3des-ecb-sp800-67",
                                 "3des2-ecb-double-length", "sm4-ecb-gbt32907", "sm3-abc"})
        QVERIFY2(names.contains(QLatin1String(required)), required);
}

void tst_PosTool::selftestHumanOutput()
{
    const auto run =
        runProcess(builtExecutable(QStringLiteral("pos-tool")), {QStringLiteral("selftest")}, 20s);
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.standardOutput.contains("PASS sm4-ecb-gbt32907"));
    QVERIFY(run.standardOutput.contains("self-test passed"));
}

void tst_PosTool::selftestReportsACorruptedVector_data()
{
    QTest::addColumn<QString>("corrupt");
    QTest::newRow("hmac") << u"hmac-sha256-rfc4231-2"_qs;
    QTest::newRow("sm3") << u"sm3-abc"_qs;
    QTest::newRow("sm4 decrypt") << u"sm4-ecb-decrypt"_qs;
}

// Negative control: the same command must fail, and name the vector, when one expected value is corrupted.
void tst_PosTool::selftestReportsACorruptedVector()
{
    QFETCH(QString, corrupt);
    const auto run = runProcess(builtExecutable(QStringLiteral("pos-tool")),
                                {QStringLiteral("selftest"), QStringLiteral("--json")}, 20s,
                                {QStringLiteral("POS_SELFTEST_CORRUPT=") + corrupt});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject json = parseJson(run.standardOutput);
    QCOMPARE(json.value(QStringLiteral("passed")).toBool(true), false);
    QStringList failed;
    for (const QJsonValue& test : json.value(QStringLiteral("tests")).toArray()) {
        if (!test.toObject().value(QStringLiteral("passed")).toBool())
            failed << test.toObject().value(QStringLiteral("name")).toString();
    }
    QCOMPARE(failed, QStringList{corrupt});
}

void tst_PosTool::unknownCommandIsAUsageError_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("unknown command") << QStringList{u"frobnicate"_qs};
    QTest::newRow("no command") << QStringList{};
    QTest::newRow("unknown option") << QStringList{u"selftest"_qs, u"--bogus"_qs};
}

void tst_PosTool::unknownCommandIsAUsageError()
{
    QFETCH(QStringList, arguments);
    const auto run = runProcess(builtExecutable(QStringLiteral("pos-tool")), arguments, 20s);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!run.standardError.isEmpty());
}

QTEST_GUILESS_MAIN(tst_PosTool)
#include "tst_pos_tool.moc"
