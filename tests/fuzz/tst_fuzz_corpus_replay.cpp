// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/Iso8583Vectors.h"
#include "acquirer/iso8583/Iso8583Codec.h"
#include "fuzz/FuzzTargets.h"
#include "support/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos;

// Replays every committed fuzz input (fuzz/corpus/<target>/ and the crashers in fuzz/regressions/<target>/)
// through the libFuzzer targets' bodies, built with gcc and without libFuzzer: a fuzz finding stays fixed.
namespace {

using TargetBody = bool (*)(QByteArrayView);

struct FuzzTarget
{
    const char* name;
    TargetBody holds;
};

const FuzzTarget fuzzTargets[] = {
    {"fuzz_iso8583_decode", &fuzz::iso8583DecodeHolds},
    {"fuzz_tlv", &fuzz::tlvHolds},
    {"fuzz_structured_fields", &fuzz::structuredFieldsHold},
    {"fuzz_host_json", &fuzz::hostJsonHolds},
    {"fuzz_api_responses", &fuzz::apiResponsesHold},
    {"fuzz_activation_terms", &fuzz::activationTermsHold},
    {"fuzz_http_request", &fuzz::httpRequestHolds},
    {"fuzz_pinpad_frames", &fuzz::pinPadFramesHold},
    {"fuzz_printer_status", &fuzz::printerStatusHolds},
    {"fuzz_escpos_decoder", &fuzz::escPosDecoderHolds},
    {"fuzz_usb_descriptors", &fuzz::usbDescriptorsHold},
};

QString fuzzDirectory(const char* kind, const char* target)
{
    return QStringLiteral(POS_SOURCE_DIR "/fuzz/%1/%2").arg(QLatin1String(kind), QLatin1String(target));
}

// Regular files, sorted; hidden ones (.gitkeep) are not inputs.
QStringList inputFiles(const QString& directory)
{
    return QDir(directory).entryList(QDir::Files, QDir::Name);
}

} // namespace

class tst_FuzzCorpusReplay final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpusExists_data();
    void corpusExists();
    void replay_data();
    void replay();
    void replayReportsViolation_data();
    void replayReportsViolation();
};

void tst_FuzzCorpusReplay::corpusExists_data()
{
    QTest::addColumn<QString>("corpus");
    QTest::addColumn<QString>("regressions");
    for (const FuzzTarget& target : fuzzTargets) {
        QTest::newRow(target.name) << fuzzDirectory("corpus", target.name)
                                   << fuzzDirectory("regressions", target.name);
    }
}

// Without seeds the replay below would pass on zero rows.
void tst_FuzzCorpusReplay::corpusExists()
{
    QFETCH(QString, corpus);
    QFETCH(QString, regressions);
    QVERIFY2(inputFiles(corpus).size() >= 3, qPrintable(corpus));
    QVERIFY2(QDir(regressions).exists(), qPrintable(regressions));
}

void tst_FuzzCorpusReplay::replay_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("targetIndex");
    int targetIndex = 0;
    for (const FuzzTarget& target : fuzzTargets) {
        for (const char* kind : {"corpus", "regressions"}) {
            const QString directory = fuzzDirectory(kind, target.name);
            for (const QString& file : inputFiles(directory)) {
                const QString row = QLatin1String(target.name) + u'/' + QLatin1String(kind) + u'/' + file;
                QTest::newRow(qPrintable(row)) << directory + u'/' + file << targetIndex;
            }
        }
        ++targetIndex;
    }
}

void tst_FuzzCorpusReplay::replay()
{
    QFETCH(QString, path);
    QFETCH(int, targetIndex);
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
    const QByteArray input = file.readAll();
    QVERIFY2(fuzzTargets[targetIndex].holds(input), "a property is violated; the target names it on stderr");
}

void tst_FuzzCorpusReplay::replayReportsViolation_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<bool>("bcdEncoder");
    QTest::addColumn<bool>("expectHeld");
    // The decoder reads a binary length prefix; an encoder writing BCD prefixes re-encodes a different
    // frame, which the round-trip property must report without aborting the process.
    QTest::newRow("purchase, same codec") << test::purchaseFrame() << false << true;
    QTest::newRow("purchase, BCD encoder") << test::purchaseFrame() << true << false;
    QTest::newRow("sign-on response, same codec") << test::signOnResponseFrame() << false << true;
    QTest::newRow("sign-on response, BCD encoder") << test::signOnResponseFrame() << true << false;
}

// Negative control: the replay can fail.
void tst_FuzzCorpusReplay::replayReportsViolation()
{
    QFETCH(QByteArray, frame);
    QFETCH(bool, bcdEncoder);
    QFETCH(bool, expectHeld);
    const acquirer::Iso8583Codec decoder;
    acquirer::FrameConfig encoderFrame;
    if (bcdEncoder)
        encoderFrame.lengthEncoding = acquirer::FrameLengthEncoding::Bcd;
    const acquirer::Iso8583Codec encoder(acquirer::FieldTable::cupDefault(), encoderFrame);
    POS_VERIFY_RESULT(decoder.decodeFrame(frame)); // the input itself is valid
    QCOMPARE(fuzz::iso8583PropertiesHold(frame, decoder, encoder), expectHeld);
}

QTEST_GUILESS_MAIN(tst_FuzzCorpusReplay)
#include "tst_fuzz_corpus_replay.moc"
