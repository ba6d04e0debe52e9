// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
// iso8583-pack-bench: messages per second of the CUP ISO 8583 codec on one thread, for a realistic chip sale
// with PIN, built by the engine's own request builder (acquirer/engine/CardMessages: F2, F3, F4, F11, F14,
// F22, F23, F25, F26, F35, F49, F52, F53, F55 with 20 EMV tags, F60) and a real CUP ECB MAC in F64.
//   pack:       Iso8583Codec::encodeFrame (TPDU, header, MTI, bitmap, fields, length prefix), the message
//               already holding F64 (the MAC computation is not timed).
//   unpack:     Iso8583Codec::decodeFrame of that frame (every length, nibble and text byte checked).
//   round_trip: encodeFrame then decodeFrame.
//   baseline:   a deep copy of the same frame bytes and a memcmp against the original (the cheapest thing
//               one can do to a frame that touches every byte).
// Each repetition times a batch of operations per subject; the subjects alternate within a repetition. The
// figure is the median over the repetitions. Prints one compact JSON object per line on stdout (one per
// subject, then the ratios against the baseline) and a human summary on stderr. Never asserts timings.
// Exit codes: 0 done, 1 the message could not be built or coded, 2 usage.
#include "BenchSupport.h"
#include "acquirer/crypto/CupMac.h"
#include "acquirer/engine/CardMessages.h"
#include "acquirer/iso8583/Iso8583Codec.h"
#include "acquirer/iso8583/StructuredFields.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <optional>

namespace pos {
namespace bench {
namespace {

using acquirer::Iso8583Codec;
using acquirer::IsoMessage;
using acquirer::TlvElement;

constexpr int exitFailure = 1;
constexpr int exitUsage = 2;

bool report(const Error& error, const char* what)
{
    std::fprintf(stderr, "iso8583-pack-bench: %s failed: %s (%s)\n", what, qPrintable(error.userMessage),
                 qPrintable(error.detail));
    return false;
}

// The ARQC data of a contact chip sale as a CUP terminal sends it (values are fixed test data).
QByteArray chipData()
{
    const QList<QPair<quint32, const char*>> tags = {
        {0x9F26, "46FD62985CAAE758"},
        {0x9F27, "80"},
        {0x9F10, "07010103A0A802010A010000000000D1A1E8D3"},
        {0x9F37, "1A2B3C4D"},
        {0x9F36, "0123"},
        {0x95, "0000040000"},
        {0x9A, "261122"},
        {0x9C, "00"},
        {0x9F02, "000000010000"},
        {0x5F2A, "0156"},
        {0x82, "7C00"},
        {0x9F1A, "0156"},
        {0x9F03, "000000000000"},
        {0x9F33, "E0E1C8"},
        {0x9F34, "420300"},
        {0x9F35, "22"},
        {0x9F1E, "3132333435363738"},
        {0x84, "A000000333010101"},
        {0x9F09, "0030"},
        {0x9F41, "00000123"},
    };
    QList<TlvElement> elements;
    for (const auto& [tag, hex] : tags)
        elements.append({tag, QByteArray::fromHex(hex), {}, {}});
    const Result<QByteArray> built = acquirer::buildIcData(elements);
    return built ? built.value() : QByteArray();
}

// The sale as the engine sends it: built by financialRequest, then F64 under a fixed test MAK.
std::optional<IsoMessage> saleMessage(const Iso8583Codec& codec)
{
    CardRead card;
    card.entry = CardEntry::Chip;
    card.pan = QStringLiteral("6225880137563118");
    card.panMasked = QStringLiteral("622588******3118");
    card.expiry = QStringLiteral("2512");
    card.cardSequence = QStringLiteral("001");
    card.track2 = QByteArrayLiteral("6225880137563118D25122010000000000");
    card.icData = chipData();
    card.pinBlock = QByteArray::fromHex("F770027C86263587");
    if (card.icData.isEmpty()) {
        std::fprintf(stderr, "iso8583-pack-bench: building F55 failed\n");
        return std::nullopt;
    }
    TerminalTrace trace;
    trace.terminalId = QStringLiteral("12345678");
    trace.merchantId = QStringLiteral("123456789012345");
    trace.batchNo = 1;
    trace.stan = 123;
    Result<IsoMessage> built =
        acquirer::financialRequest(acquirer::MessageProfile{}, acquirer::FinancialKind::Sale, trace,
                                   Money::fromFen(10000), &card, nullptr, KeyScheme::TripleDes);
    if (!built) {
        report(built.error(), "financialRequest");
        return std::nullopt;
    }
    IsoMessage message = std::move(built).value();
    const Result<QByteArray> mab = codec.macBlock(message);
    if (!mab) {
        report(mab.error(), "macBlock");
        return std::nullopt;
    }
    const Result<QByteArray> mac = acquirer::computeMac(MacAlgorithm::CupEcb, KeyScheme::SingleDes,
                                                        QByteArray::fromHex("1C587F1C13924FEF"), mab.value());
    if (!mac) {
        report(mac.error(), "computeMac");
        return std::nullopt;
    }
    message.setField(acquirer::IsoField::Mac, mac.value());
    return message;
}

struct Options
{
    bool helpShown = false;
    int repetitions = 9;
    int batch = 20000;
};

std::optional<Options> parseOptions(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Packs and unpacks a CUP ISO 8583 chip sale frame on one thread, against a copy and "
                       "compare of the same bytes; prints JSON lines."));
    const QCommandLineOption repetitionsOption(QStringLiteral("repetitions"),
                                               QStringLiteral("Measured repetitions (default 9)."),
                                               QStringLiteral("N"), QStringLiteral("9"));
    const QCommandLineOption batchOption(QStringLiteral("batch"),
                                         QStringLiteral("Operations per subject and repetition (default "
                                                        "20000)."),
                                         QStringLiteral("N"), QStringLiteral("20000"));
    const QCommandLineOption helpOption = parser.addHelpOption();
    parser.addOptions({repetitionsOption, batchOption});
    Options options;
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "iso8583-pack-bench: %s\n", qPrintable(parser.errorText()));
        return std::nullopt;
    }
    if (parser.isSet(helpOption)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        options.helpShown = true;
        return options;
    }
    bool repetitionsOk = false;
    bool batchOk = false;
    options.repetitions = parser.value(repetitionsOption).toInt(&repetitionsOk);
    options.batch = parser.value(batchOption).toInt(&batchOk);
    if (!repetitionsOk || options.repetitions < 1 || !batchOk || options.batch < 1) {
        std::fprintf(stderr, "iso8583-pack-bench: --repetitions and --batch need integers >= 1\n");
        return std::nullopt;
    }
    return options;
}

// One subject: an operation that returns false on failure and adds something to *sink so that the work
// cannot be optimised away.
struct Subject
{
    QString name;
    std::function<bool(qsizetype* sink)> operation;
    QList<double> perSecond;
};

// Runs operation batch times; messages per second, or nullopt when an operation failed.
std::optional<double> timeBatch(const Subject& subject, int batch, qsizetype* sink)
{
    const auto started = std::chrono::steady_clock::now();
    for (int i = 0; i < batch; ++i) {
        if (!subject.operation(sink))
            return std::nullopt;
    }
    const double seconds = elapsedMs(started) / 1000.0;
    return seconds > 0.0 ? batch / seconds : 0.0;
}

int run(const QStringList& arguments)
{
    const std::optional<Options> options = parseOptions(arguments);
    if (!options)
        return exitUsage;
    if (options->helpShown)
        return 0;

    const Iso8583Codec codec;
    const std::optional<IsoMessage> message = saleMessage(codec);
    if (!message)
        return exitFailure;
    const Result<QByteArray> encoded = codec.encodeFrame(*message);
    if (!encoded) {
        report(encoded.error(), "encodeFrame");
        return exitFailure;
    }
    const QByteArray frame = encoded.value();
    const Result<IsoMessage> decoded = codec.decodeFrame(frame);
    if (!decoded || !(decoded.value() == *message)) {
        std::fprintf(stderr, "iso8583-pack-bench: the frame does not decode to the message\n");
        return exitFailure;
    }

    QList<Subject> subjects = {
        {QStringLiteral("pack"),
         [&](qsizetype* sink) {
             const Result<QByteArray> packed = codec.encodeFrame(*message);
             *sink += packed ? packed.value().size() : 0;
             return packed.hasValue();
         },
         {}},
        {QStringLiteral("unpack"),
         [&](qsizetype* sink) {
             const Result<IsoMessage> unpacked = codec.decodeFrame(frame);
             *sink += unpacked ? unpacked.value().field(acquirer::IsoField::Mac).size() : 0;
             return unpacked.hasValue();
         },
         {}},
        {QStringLiteral("round_trip"),
         [&](qsizetype* sink) {
             const Result<QByteArray> packed = codec.encodeFrame(*message);
             if (!packed)
                 return false;
             const Result<IsoMessage> unpacked = codec.decodeFrame(packed.value());
             *sink += unpacked ? unpacked.value().field(acquirer::IsoField::Mac).size() : 0;
             return unpacked.hasValue();
         },
         {}},
        {QStringLiteral("baseline_copy_compare"),
         [&](qsizetype* sink) {
             const QByteArray copy(frame.constData(), frame.size()); // a deep copy, not a shared one
             const bool same = std::memcmp(copy.constData(), frame.constData(), size_t(frame.size())) == 0;
             *sink += copy.size();
             return same;
         },
         {}},
    };

    std::fprintf(stderr,
                 "iso8583-pack-bench: frame of %lld bytes (%lld fields), 1 warm-up + %d repetitions of %d "
                 "operations per subject, one thread\n",
                 static_cast<long long>(frame.size()), static_cast<long long>(message->fieldNumbers().size()),
                 options->repetitions, options->batch);
    qsizetype sink = 0;
    for (int repetition = 0; repetition <= options->repetitions; ++repetition) {
        for (Subject& subject : subjects) {
            const std::optional<double> rate = timeBatch(subject, options->batch, &sink);
            if (!rate) {
                std::fprintf(stderr, "iso8583-pack-bench: %s failed\n", qPrintable(subject.name));
                return exitFailure;
            }
            if (repetition > 0) // repetition 0 warms up caches and allocators
                subject.perSecond.append(*rate);
        }
    }

    const double baseline = median(subjects.constLast().perSecond);
    for (const Subject& subject : subjects) {
        const double rate = median(subject.perSecond);
        QJsonObject line{{QStringLiteral("bench"), QStringLiteral("iso8583-pack")},
                         {QStringLiteral("subject"), subject.name},
                         {QStringLiteral("frame_bytes"), frame.size()},
                         {QStringLiteral("repetitions"), options->repetitions},
                         {QStringLiteral("batch"), options->batch},
                         {QStringLiteral("median_msgs_per_s"), roundTo(rate, 0)},
                         {QStringLiteral("median_us_per_msg"), roundTo(1e6 / rate, 3)}};
        if (subject.name == QLatin1String("baseline_copy_compare"))
            line.insert(QStringLiteral("baseline"), QStringLiteral("deep copy + memcmp of the frame bytes"));
        printJsonLine(line);
        std::fprintf(stderr, "  %-22s median %12.0f msgs/s (%8.3f us/msg)\n", qPrintable(subject.name), rate,
                     1e6 / rate);
    }
    QJsonObject ratios{
        {QStringLiteral("bench"), QStringLiteral("iso8583-pack")},
        {QStringLiteral("note"), QStringLiteral("baseline msgs/s divided by subject msgs/s: "
                                                "how many copy+compare fit in one operation")}};
    for (const Subject& subject : subjects.first(3)) {
        const double slowdown = baseline / median(subject.perSecond);
        ratios.insert(QStringLiteral("ratio_%1_vs_baseline").arg(subject.name), roundTo(slowdown, 1));
        std::fprintf(stderr, "  %s costs %.1fx a copy+compare of the frame\n", qPrintable(subject.name),
                     slowdown);
    }
    printJsonLine(ratios);
    return sink > 0 ? 0 : exitFailure;
}

} // namespace
} // namespace bench
} // namespace pos

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("iso8583-pack-bench"));
    return pos::bench::run(QCoreApplication::arguments());
}
