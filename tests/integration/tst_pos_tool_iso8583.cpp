// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// pos-tool iso8583 as a process: the golden frames of acquirer-protocol.md §1 decode to JSON and that JSON
// encodes back to the identical hex; malformed input exits 1 naming field and offset, usage errors exit 2.
#include "../acquirer/CupReferenceVectors.h"
#include "../acquirer/Iso8583Vectors.h"
#include "acquirer/iso8583/Iso8583Codec.h"
#include "support/TestSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace std::chrono_literals;
using namespace Qt::StringLiterals;
using pos::test::builtExecutable;
using pos::test::runProcess;

namespace {

pos::test::RunResult runIso8583(const QStringList& arguments)
{
    return runProcess(builtExecutable(u"pos-tool"_qs), QStringList{u"iso8583"_qs} + arguments, 20s);
}

QString upperHex(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toHex().toUpper());
}

QJsonObject parseJson(const QByteArray& output)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(output, &error);
    return error.error == QJsonParseError::NoError ? document.object() : QJsonObject();
}

// Writes text to a new file in dir and returns its path.
QString writeFile(const QTemporaryDir& dir, const QByteArray& text)
{
    static int counter = 0;
    const QString path = dir.filePath(u"message-%1.json"_qs.arg(++counter));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return QString();
    return path;
}

} // namespace

class tst_PosToolIso8583 final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decodesPurchaseToJson();
    void decodesSignOnResponseWithParsedFields();
    void decodedJsonEncodesToIdenticalHex_data();
    void decodedJsonEncodesToIdenticalHex();
    void textOutputListsFields();
    void macIsCheckedWithTheMak_data();
    void macIsCheckedWithTheMak();
    void autoMacIsComputedOnEncode();
    void malformedHexExitsOne_data();
    void malformedHexExitsOne();
    void malformedJsonExitsOne_data();
    void malformedJsonExitsOne();
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();
};

void tst_PosToolIso8583::decodesPurchaseToJson()
{
    const auto run =
        runIso8583({u"decode"_qs, u"--hex"_qs, upperHex(pos::test::purchaseFrame()), u"--json"_qs});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = parseJson(run.standardOutput);
    QCOMPARE(json.value(u"tpdu"_qs).toString(), u"6000030000"_qs);
    QCOMPARE(json.value(u"header"_qs).toString(), u"603100310000"_qs);
    QCOMPARE(json.value(u"mti"_qs).toString(), u"0200"_qs);
    const QJsonObject fields = json.value(u"fields"_qs).toObject();
    QCOMPARE(fields.keys().size(), 16);
    QCOMPARE(fields.value(u"2"_qs).toString(), u"6225880137563118"_qs);
    QCOMPARE(fields.value(u"4"_qs).toString(), u"000000010000"_qs);
    QCOMPARE(fields.value(u"22"_qs).toString(), u"021"_qs);
    QCOMPARE(fields.value(u"35"_qs).toString(), u"6225880137563118D25122010000000000"_qs);
    QCOMPARE(fields.value(u"41"_qs).toString(), u"12345678"_qs);
    QCOMPARE(fields.value(u"49"_qs).toString(), u"156"_qs);
    QCOMPARE(fields.value(u"52"_qs).toString(), u"F770027C86263587"_qs);
    QCOMPARE(fields.value(u"60"_qs).toString(), u"22000001000"_qs);
    QCOMPARE(fields.value(u"64"_qs).toString(), u"3635393830443436"_qs);
    const QJsonObject parsed = json.value(u"parsed"_qs).toObject();
    QCOMPARE(parsed.value(u"60"_qs).toObject().value(u"60.1"_qs).toString(), u"22"_qs);
    QCOMPARE(parsed.value(u"60"_qs).toObject().value(u"60.2"_qs).toString(), u"000001"_qs);
    QCOMPARE(parsed.value(u"60"_qs).toObject().value(u"60.3"_qs).toString(), u"000"_qs);
    QCOMPARE(parsed.value(u"53"_qs).toObject().value(u"53.2"_qs).toString(), u"6"_qs);
}

void tst_PosToolIso8583::decodesSignOnResponseWithParsedFields()
{
    pos::acquirer::IsoMessage message = pos::test::signOnResponseMessage();
    message.setText(63, u"CUP中国银联"_qs);
    message.setField(55, pos::test::fromSpacedHex("9F2608 46FD62985CAAE758 9F2701 80"));
    const pos::Result<QByteArray> frame = pos::acquirer::Iso8583Codec().encodeFrame(message);
    POS_VERIFY_RESULT(frame);

    const auto run = runIso8583({u"decode"_qs, u"--json"_qs, u"--hex"_qs, upperHex(frame.value())});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = parseJson(run.standardOutput);
    QCOMPARE(json.value(u"fields"_qs).toObject().value(u"63"_qs).toString(), u"CUP中国银联"_qs);
    QCOMPARE(json.value(u"fields"_qs).toObject().value(u"62"_qs).toString(),
             upperHex(pos::test::signOnKeyBlock()));
    const QJsonObject parsed = json.value(u"parsed"_qs).toObject();
    QCOMPARE(parsed.value(u"60"_qs).toObject().value(u"60.3"_qs).toString(), u"004"_qs);
    QCOMPARE(parsed.value(u"63"_qs).toObject().value(u"63.1"_qs).toString(), u"CUP"_qs);
    QCOMPARE(parsed.value(u"63"_qs).toObject().value(u"63.2"_qs).toString(), u"中国银联"_qs);
    QCOMPARE(parsed.value(u"55"_qs).toObject().value(u"9F26"_qs).toString(), u"46FD62985CAAE758"_qs);
    QCOMPARE(parsed.value(u"55"_qs).toObject().value(u"9F27"_qs).toString(), u"80"_qs);
}

void tst_PosToolIso8583::decodedJsonEncodesToIdenticalHex_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::newRow("1.1 0800") << pos::test::signOnRequestFrame();
    QTest::newRow("1.2 0810") << pos::test::signOnResponseFrame();
    QTest::newRow("1.3 0200") << pos::test::purchaseFrame();
}

void tst_PosToolIso8583::decodedJsonEncodesToIdenticalHex()
{
    QFETCH(QByteArray, frame);
    const auto decoded = runIso8583({u"decode"_qs, u"--hex"_qs, upperHex(frame), u"--json"_qs});
    QCOMPARE(decoded.exitCode, 0);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFile(dir, decoded.standardOutput);
    QVERIFY(!path.isEmpty());
    const auto encoded = runIso8583({u"encode"_qs, u"--json"_qs, path});
    QCOMPARE(encoded.exitCode, 0);
    QCOMPARE(QString::fromLatin1(encoded.standardOutput.trimmed()), upperHex(frame));
}

void tst_PosToolIso8583::macIsCheckedWithTheMak_data()
{
    QTest::addColumn<QByteArray>("mak");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<bool>("ok");
    QTest::newRow("§6.4 MAK") << pos::test::referenceMak << 0 << true;
    QByteArray wrong = pos::test::referenceMak;
    wrong[0] = static_cast<char>(wrong.at(0) ^ 0x02); // not bit 0: DES ignores parity bits
    QTest::newRow("another MAK") << wrong << 1 << false;
}

void tst_PosToolIso8583::macIsCheckedWithTheMak()
{
    QFETCH(QByteArray, mak);
    QFETCH(int, exitCode);
    QFETCH(bool, ok);
    const auto decoded =
        runIso8583({u"decode"_qs, u"--hex"_qs, upperHex(pos::test::purchaseFrame()), u"--json"_qs,
                    u"--mak"_qs, upperHex(mak), u"--mac-alg"_qs, u"cup-ecb"_qs});
    QCOMPARE(decoded.exitCode, exitCode);
    const QJsonObject mac = parseJson(decoded.standardOutput).value(u"mac"_qs).toObject();
    QCOMPARE(mac.value(u"ok"_qs).toBool(), ok);
    QCOMPARE(mac.value(u"computed"_qs).toString() == upperHex(pos::test::referenceMac), ok);
    QVERIFY(!decoded.standardOutput.contains(upperHex(mak).toLatin1())); // the key is never echoed
}

void tst_PosToolIso8583::autoMacIsComputedOnEncode()
{
    const auto decoded =
        runIso8583({u"decode"_qs, u"--hex"_qs, upperHex(pos::test::purchaseFrame()), u"--json"_qs});
    QCOMPARE(decoded.exitCode, 0);
    QJsonObject json = parseJson(decoded.standardOutput);
    QJsonObject fields = json.value(u"fields"_qs).toObject();
    fields.insert(u"64"_qs, u"auto"_qs);
    json.insert(u"fields"_qs, fields);
    QTemporaryDir dir;
    const QString path = writeFile(dir, QJsonDocument(json).toJson());
    QVERIFY(!path.isEmpty());
    const auto withoutKey = runIso8583({u"encode"_qs, u"--json"_qs, path});
    QCOMPARE(withoutKey.exitCode, 2);
    const auto encoded =
        runIso8583({u"encode"_qs, u"--json"_qs, path, u"--mak"_qs, upperHex(pos::test::referenceMak)});
    QCOMPARE(encoded.exitCode, 0);
    QCOMPARE(QString::fromLatin1(encoded.standardOutput.trimmed()), upperHex(pos::test::purchaseFrame()));
}

void tst_PosToolIso8583::textOutputListsFields()
{
    const auto run = runIso8583({u"decode"_qs, u"--hex"_qs, upperHex(pos::test::signOnRequestFrame())});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.standardOutput.contains("MTI     0800"), run.standardOutput.constData());
    QVERIFY2(run.standardOutput.contains("F63 ans...163"), run.standardOutput.constData());
    QVERIFY2(run.standardOutput.contains("00000001003"), run.standardOutput.constData());
}

void tst_PosToolIso8583::malformedHexExitsOne_data()
{
    QTest::addColumn<QString>("hex");
    QTest::addColumn<QString>("detail");
    const QByteArray good = pos::test::purchaseFrame();
    QByteArray llAboveMax = good;
    llAboveMax[50] = static_cast<char>(0x99);
    QTest::newRow("LL above max") << upperHex(llAboveMax)
                                  << u"field 35 at offset 50: LL 0x99 exceeds max 37"_qs;
    // (A hex nibble in F35 is no longer malformed: an encrypted track carries A-F.)
    QByteArray badPan = good;
    badPan[24] = static_cast<char>(0xB2);
    QTest::newRow("bad PAN nibble") << upperHex(badPan) << u"field 2 at offset 24"_qs;
    QByteArray secondaryBitmap = good;
    secondaryBitmap[15] = static_cast<char>(0xF0);
    QTest::newRow("bit 1") << upperHex(secondaryBitmap) << u"bitmap at offset 15: bit 1"_qs;
    QTest::newRow("length disagrees")
        << upperHex(good.chopped(1)) << u"frame at offset 0: length prefix says 124 bytes, 123 follow"_qs;
    QTest::newRow("not hex") << u"007X"_qs << u"--hex: not an even number of hex digits"_qs;
    QTest::newRow("odd hex") << u"007"_qs << u"--hex: not an even number of hex digits"_qs;
}

void tst_PosToolIso8583::malformedHexExitsOne()
{
    QFETCH(QString, hex);
    QFETCH(QString, detail);
    const auto run = runIso8583({u"decode"_qs, u"--hex"_qs, hex, u"--json"_qs});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.standardOutput.isEmpty());
    const QString error = QString::fromUtf8(run.standardError);
    QVERIFY2(error.contains(detail), qPrintable(error));
    QVERIFY2(!error.contains(u"6225880137563118"_qs), qPrintable(error));
}

void tst_PosToolIso8583::malformedJsonExitsOne_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("detail");
    const QByteArray head = R"({"tpdu":"6000030000","header":"603100310000","mti":"0200","fields":)";
    QTest::newRow("n field with a letter") << QByteArray(head + R"({"4":"00000001000A"}})")
                                           << u"field 4 (n12): character 12 is not a n digit"_qs;
    QTest::newRow("field not in the table")
        << QByteArray(head + R"({"5":"000000010000"}})") << u"fields.5: not a field of the field table"_qs;
    QTest::newRow("b field not hex") << QByteArray(head + R"({"52":"F770027C8626358Z"}})")
                                     << u"fields.52: not an even number of hex digits"_qs;
    QTest::newRow("ASCII field with Chinese")
        << QByteArray(head + R"({"41":"终端"}})") << u"fields.41: ans8 field takes ASCII only"_qs;
    QTest::newRow("number instead of string")
        << QByteArray(head + R"({"11":123}})") << u"fields.11: expected a string"_qs;
    QTest::newRow("MTI with a letter")
        << QByteArray(R"({"tpdu":"6000030000","header":"603100310000","mti":"02X0","fields":{}})")
        << u"MTI is not 4 decimal digits"_qs;
    QTest::newRow("unknown member")
        << QByteArray(R"({"tpdu":"6000030000","header":"603100310000","mti":"0200","feilds":{}})")
        << u"unknown member 'feilds'"_qs;
    QTest::newRow("not JSON") << QByteArray("{tpdu") << u"not a JSON object"_qs;
}

void tst_PosToolIso8583::malformedJsonExitsOne()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, detail);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = writeFile(dir, json);
    QVERIFY(!path.isEmpty());
    const auto run = runIso8583({u"encode"_qs, u"--json"_qs, path});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.standardOutput.isEmpty());
    QVERIFY2(QString::fromUtf8(run.standardError).contains(detail), run.standardError.constData());
}

void tst_PosToolIso8583::usageErrorsExitTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no action") << QStringList{};
    QTest::newRow("unknown action") << QStringList{u"pack"_qs};
    QTest::newRow("decode without --hex") << QStringList{u"decode"_qs, u"--json"_qs};
    QTest::newRow("encode without --json") << QStringList{u"encode"_qs};
    QTest::newRow("encode, missing file")
        << QStringList{u"encode"_qs, u"--json"_qs, u"/nonexistent/m.json"_qs};
    QTest::newRow("unknown option") << QStringList{u"decode"_qs, u"--hex"_qs, u"00"_qs, u"--mak"_qs,
                                                   u"00"_qs};
}

void tst_PosToolIso8583::usageErrorsExitTwo()
{
    QFETCH(QStringList, arguments);
    const auto run = runIso8583(arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!run.standardError.isEmpty());
}

QTEST_GUILESS_MAIN(tst_PosToolIso8583)
#include "tst_pos_tool_iso8583.moc"
