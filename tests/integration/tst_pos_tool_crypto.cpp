// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// pos-tool crypto as a process: every action once against a vector of acquirer-protocol.md (§6.4, §6.5, §7),
// the exit codes (0, 1 on a KCV mismatch or a bad value, 2 on usage) and that no clear work key is printed.
#include "support/TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace std::chrono_literals;
using namespace Qt::StringLiterals;
using pos::test::builtExecutable;
using pos::test::runProcess;

namespace {

const QString referenceTmk = u"11111111111111112222222222222222"_qs;
const QString referenceF62 = u"CB4AB541CD5AD4FC256A882726936A5A08D7B4FB"
                             "DEB1CB75E7D12F5E00000000000000000D40BFF8"
                             "D0D7CB5B1A70AC6A75E0431E2A75B492EB7A8DF9"_qs;
const QString referenceMab =
    u"0200702404C020C09811166225880137563118000000000000010000000123251202100006346225880137563118"
    "D251220100000000003132333435363738313233343536373839303132333435313536F770027C8626358726"
    "000000000000000011220000010000"_qs;
// The clear keys inside referenceF62 (§7 #18): must never appear in the output of f62.
const QStringList unwrappedKeys = {u"0123456789ABCDEFFEDCBA9876543210"_qs, u"1C587F1C13924FEF"_qs,
                                   u"89ABCDEF0123456776543210FEDCBA98"_qs};

pos::test::RunResult runCrypto(const QStringList& arguments)
{
    return runProcess(builtExecutable(u"pos-tool"_qs), QStringList{u"crypto"_qs} + arguments, 20s);
}

QJsonObject parseJson(const QByteArray& output)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(output, &error);
    return error.error == QJsonParseError::NoError ? document.object() : QJsonObject();
}

QString flippedLastDigit(const QString& hex)
{
    QString out = hex;
    out[out.size() - 1] = out.back() == u'9' ? u'8' : u'9';
    return out;
}

} // namespace

class tst_PosToolCrypto final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void actionMatchesReference_data();
    void actionMatchesReference();
    void f62ReportsEveryKcv();
    void f62KcvMismatchExitsOne();
    void badValueExitsOne_data();
    void badValueExitsOne();
    void usageErrorExitsTwo_data();
    void usageErrorExitsTwo();
    void f62NeverPrintsClearKeys_data();
    void f62NeverPrintsClearKeys();
};

void tst_PosToolCrypto::actionMatchesReference_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    QTest::newRow("kcv §7 #2") << QStringList{u"kcv"_qs,
                                              u"--alg"_qs,
                                              u"3des"_qs,
                                              u"--key"_qs,
                                              u"0123456789ABCDEFFEDCBA9876543210"_qs,
                                              u"--length"_qs,
                                              u"8"_qs}
                               << u"kcv"_qs << u"08D7B4FB629D0885"_qs;
    QTest::newRow("pinblock clear §7 #3")
        << QStringList{u"pinblock"_qs, u"--pin"_qs, u"1234"_qs, u"--pan"_qs, u"5544332211009966"_qs}
        << u"pinBlock"_qs << u"041277CDDEEFF669"_qs;
    QTest::newRow("pinblock encrypted §7 #5") << QStringList{u"pinblock"_qs,
                                                             u"--pin"_qs,
                                                             u"123456"_qs,
                                                             u"--pan"_qs,
                                                             u"6225880137563118"_qs,
                                                             u"--alg"_qs,
                                                             u"3des"_qs,
                                                             u"--key"_qs,
                                                             u"0123456789ABCDEFFEDCBA9876543210"_qs}
                                              << u"pinBlock"_qs << u"F770027C86263587"_qs;
    QTest::newRow("mac §6.4")
        << QStringList{u"mac"_qs,    u"--alg"_qs, u"cup-ecb"_qs, u"--key"_qs, u"1C587F1C13924FEF"_qs,
                       u"--data"_qs, referenceMab}
        << u"mac"_qs << u"65980D46"_qs;
    QTest::newRow("mac §7 #9 X9.19") << QStringList{u"mac"_qs,
                                                    u"--alg"_qs,
                                                    u"x919"_qs,
                                                    u"--key"_qs,
                                                    u"7CA110454A1A6E570131D9619DC1376E"_qs,
                                                    u"--data"_qs,
                                                    QString::fromLatin1(
                                                        QByteArrayLiteral("Hello World !!!!").toHex())}
                                     << u"mac"_qs << u"F09B856213BAB83B"_qs;
    QTest::newRow("track §6.5") << QStringList{u"track"_qs,
                                               u"--alg"_qs,
                                               u"3des"_qs,
                                               u"--tdk"_qs,
                                               u"89ABCDEF0123456776543210FEDCBA98"_qs,
                                               u"--track"_qs,
                                               u"6225880137563118D25122010000000000"_qs}
                                << u"track"_qs << u"6225880137563118759048C4C7F0E26300"_qs;
}

void tst_PosToolCrypto::actionMatchesReference()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, field);
    QFETCH(QString, expected);
    const auto run = runCrypto(arguments + QStringList{u"--json"_qs});
    QVERIFY2(run.exitCode == 0, run.standardError.constData());
    const QJsonObject json = parseJson(run.standardOutput);
    QCOMPARE(json.value(u"ok"_qs).toBool(), true);
    QCOMPARE(json.value(field).toString(), expected);
}

void tst_PosToolCrypto::f62ReportsEveryKcv()
{
    const auto run = runCrypto({u"f62"_qs, u"--tmk"_qs, referenceTmk, u"--code"_qs, u"004"_qs, u"--hex"_qs,
                                referenceF62, u"--json"_qs});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = parseJson(run.standardOutput);
    QCOMPARE(json.value(u"ok"_qs).toBool(), true);
    const QJsonArray keys = json.value(u"keys"_qs).toArray();
    QCOMPARE(keys.size(), 3);
    const QStringList names = {u"PIK"_qs, u"MAK"_qs, u"TDK"_qs};
    const QStringList kcvs = {u"08D7B4FB"_qs, u"0D40BFF8"_qs, u"EB7A8DF9"_qs};
    for (int i = 0; i < 3; ++i) {
        const QJsonObject key = keys.at(i).toObject();
        QCOMPARE(key.value(u"key"_qs).toString(), names.at(i));
        QCOMPARE(key.value(u"kcvReceived"_qs).toString(), kcvs.at(i));
        QCOMPARE(key.value(u"kcvComputed"_qs).toString(), kcvs.at(i));
        QCOMPARE(key.value(u"matches"_qs).toBool(), true);
    }
}

void tst_PosToolCrypto::f62KcvMismatchExitsOne()
{
    const QString tampered = flippedLastDigit(referenceF62); // the TDK KCV
    const auto run = runCrypto(
        {u"f62"_qs, u"--tmk"_qs, referenceTmk, u"--code"_qs, u"004"_qs, u"--hex"_qs, tampered, u"--json"_qs});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject json = parseJson(run.standardOutput);
    QCOMPARE(json.value(u"ok"_qs).toBool(true), false);
    const QJsonArray keys = json.value(u"keys"_qs).toArray();
    QCOMPARE(keys.size(), 3);
    QCOMPARE(keys.at(0).toObject().value(u"matches"_qs).toBool(), true);
    QCOMPARE(keys.at(2).toObject().value(u"matches"_qs).toBool(true), false);
    QCOMPARE(keys.at(2).toObject().value(u"kcvComputed"_qs).toString(), u"EB7A8DF9"_qs);
}

void tst_PosToolCrypto::badValueExitsOne_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("code");
    QTest::newRow("odd hex") << QStringList{u"kcv"_qs, u"--alg"_qs, u"des"_qs, u"--key"_qs,
                                            u"0123456789ABCDE"_qs}
                             << u"InvalidInput"_qs;
    QTest::newRow("not hex") << QStringList{u"kcv"_qs, u"--alg"_qs, u"des"_qs, u"--key"_qs,
                                            u"0123456789ABCDEG"_qs}
                             << u"InvalidInput"_qs;
    QTest::newRow("3DES key of 8 bytes")
        << QStringList{u"kcv"_qs, u"--alg"_qs, u"3des"_qs, u"--key"_qs, u"0123456789ABCDEF"_qs}
        << u"InvalidInput"_qs;
    QTest::newRow("F62 length not matching 003")
        << QStringList{u"f62"_qs, u"--tmk"_qs, referenceTmk, u"--code"_qs,
                       u"003"_qs, u"--hex"_qs, referenceF62}
        << u"InvalidInput"_qs;
    QTest::newRow("PIN too short") << QStringList{u"pinblock"_qs, u"--pin"_qs, u"123"_qs, u"--pan"_qs,
                                                  u"5544332211009966"_qs}
                                   << u"InvalidInput"_qs;
}

void tst_PosToolCrypto::badValueExitsOne()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, code);
    const auto run = runCrypto(arguments + QStringList{u"--json"_qs});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject json = parseJson(run.standardOutput);
    QCOMPARE(json.value(u"ok"_qs).toBool(true), false);
    QCOMPARE(json.value(u"code"_qs).toString(), code);
    QVERIFY(!json.value(u"error"_qs).toString().isEmpty());
}

void tst_PosToolCrypto::usageErrorExitsTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no action") << QStringList{};
    QTest::newRow("unknown action") << QStringList{u"frobnicate"_qs};
    QTest::newRow("missing --key") << QStringList{u"kcv"_qs, u"--alg"_qs, u"des"_qs};
    QTest::newRow("unknown --alg") << QStringList{u"kcv"_qs, u"--alg"_qs, u"aes"_qs, u"--key"_qs,
                                                  u"0123456789ABCDEF"_qs};
    QTest::newRow("unknown --code") << QStringList{u"f62"_qs, u"--tmk"_qs, referenceTmk, u"--code"_qs,
                                                   u"002"_qs, u"--hex"_qs, referenceF62};
    QTest::newRow("unknown option") << QStringList{u"mac"_qs, u"--bogus"_qs};
}

void tst_PosToolCrypto::usageErrorExitsTwo()
{
    QFETCH(QStringList, arguments);
    const auto run = runCrypto(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!run.standardError.isEmpty());
}

void tst_PosToolCrypto::f62NeverPrintsClearKeys_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QStringList base = {u"f62"_qs, u"--tmk"_qs, referenceTmk, u"--code"_qs, u"004"_qs, u"--hex"_qs};
    QTest::newRow("json") << base + QStringList{referenceF62, u"--json"_qs};
    QTest::newRow("text") << base + QStringList{referenceF62};
    QTest::newRow("mismatch, json") << base + QStringList{flippedLastDigit(referenceF62), u"--json"_qs};
    QTest::newRow("mismatch, text") << base + QStringList{flippedLastDigit(referenceF62)};
}

void tst_PosToolCrypto::f62NeverPrintsClearKeys()
{
    QFETCH(QStringList, arguments);
    const auto run = runCrypto(arguments);
    QVERIFY(run.exitCode == 0 || run.exitCode == 1);
    QVERIFY(run.standardOutput.contains("08D7B4FB")); // the output is there...
    const QByteArray everything = (run.standardOutput + run.standardError).toUpper();
    for (const QString& key : unwrappedKeys) // ...but never a key, whole or as its first half
        QVERIFY2(!everything.contains(key.left(16).toLatin1()), qPrintable(key));
}

QTEST_GUILESS_MAIN(tst_PosToolCrypto)
#include "tst_pos_tool_crypto.moc"
