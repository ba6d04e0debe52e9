// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "cli/Iso8583Command.h"

#include "acquirer/crypto/CupMac.h"
#include "acquirer/iso8583/Iso8583Codec.h"
#include "cli/Iso8583Json.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <optional>

namespace pos {
namespace cli {
namespace {

using acquirer::FieldTable;
using acquirer::FrameConfig;
using acquirer::FrameLengthEncoding;
using acquirer::Iso8583Codec;
using acquirer::IsoMessage;
using pos::KeyScheme;
using pos::MacAlgorithm;

// --mak HEX --mac-alg ALG: the MAC of field 64 over Iso8583Codec::macBlock(message) (MTI through field 63 as
// on the wire, bitmap bit 64 set). cup-ecb: 8 ASCII hex characters, a DES (8-byte) or 3DES (16-byte) MAK;
// cup-ecb-sm4: the SM4 variant (16-byte MAK); x99 / x919: the 8-byte binary ANSI X9.9 / X9.19 MAC with an
// 8- / 16-byte MAK. A MAK is a test or support key typed by a person; it is never printed.
struct MacOptions
{
    MacAlgorithm algorithm = MacAlgorithm::CupEcb;
    KeyScheme scheme = KeyScheme::TripleDes;
    QByteArray mak;
};

QCommandLineOption makOption()
{
    return QCommandLineOption(QStringLiteral("mak"),
                              QStringLiteral("MAC key as hex (test and support keys only)."),
                              QStringLiteral("HEX"));
}

QCommandLineOption macAlgorithmOption()
{
    return QCommandLineOption(QStringLiteral("mac-alg"),
                              QStringLiteral("cup-ecb (default), cup-ecb-sm4, x99 or x919."),
                              QStringLiteral("ALG"), QStringLiteral("cup-ecb"));
}

// Reads --mak/--mac-alg; an empty optional without --mak. Sets usage to the problem on a usage error.
std::optional<MacOptions> macOptions(const QCommandLineParser& parser, QString& usage)
{
    if (!parser.isSet(makOption()))
        return std::nullopt;
    MacOptions options;
    options.mak = QByteArray::fromHex(parser.value(makOption()).toLatin1());
    const QString algorithm = parser.value(macAlgorithmOption());
    const qsizetype length = options.mak.size();
    if (algorithm == QLatin1String("cup-ecb") && (length == 8 || length == 16)) {
        options.scheme = length == 8 ? KeyScheme::SingleDes : KeyScheme::TripleDes;
    } else if (algorithm == QLatin1String("cup-ecb-sm4") && length == 16) {
        options.scheme = KeyScheme::Sm4;
    } else if (algorithm == QLatin1String("x99") && length == 8) {
        options = {MacAlgorithm::AnsiX99, KeyScheme::SingleDes, options.mak};
    } else if (algorithm == QLatin1String("x919") && length == 16) {
        options = {MacAlgorithm::AnsiX919, KeyScheme::TripleDes, options.mak};
    } else {
        usage =
            QStringLiteral("--mac-alg must be cup-ecb (8- or 16-byte --mak), cup-ecb-sm4 (16), x99 (8) or "
                           "x919 (16)");
        return std::nullopt;
    }
    return options;
}

Result<QByteArray> macOf(const Iso8583Codec& codec, const IsoMessage& message, const MacOptions& options)
{
    const Result<QByteArray> block = codec.macBlock(message);
    if (!block)
        return block;
    return acquirer::computeMac(options.algorithm, options.scheme, options.mak, block.value());
}

int usageError(CommandIo& io, const QCommandLineParser& parser, const QString& message)
{
    io.err << message << "\n\n" << parser.helpText();
    return 2;
}

int malformed(CommandIo& io, const Error& error)
{
    io.err << "malformed input: " << error.detail << '\n';
    return 1;
}

// Parses arguments; returns the exit code to stop with (0 after --help, 2 on a usage error), or nothing.
std::optional<int> parseArguments(QCommandLineParser& parser, const QStringList& arguments, CommandIo& io)
{
    const QCommandLineOption help = parser.addHelpOption();
    if (!parser.parse(arguments))
        return usageError(io, parser, parser.errorText());
    if (parser.isSet(help)) {
        io.out << parser.helpText();
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(
            io, parser, QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    return std::nullopt;
}

Iso8583Codec codecFor(bool bcdLength)
{
    FrameConfig frame;
    if (bcdLength)
        frame.lengthEncoding = FrameLengthEncoding::Bcd;
    return Iso8583Codec(FieldTable::cupDefault(), frame);
}

QCommandLineOption bcdLengthOption()
{
    return QCommandLineOption(
        QStringLiteral("bcd-length"),
        QStringLiteral("The 2-byte length prefix is BCD (default: binary big-endian)."));
}

void printText(CommandIo& io, const QJsonObject& json)
{
    io.out << "TPDU    " << json.value(QStringLiteral("tpdu")).toString() << '\n'
           << "header  " << json.value(QStringLiteral("header")).toString() << '\n'
           << "MTI     " << json.value(QStringLiteral("mti")).toString() << '\n';
    const QJsonObject fields = json.value(QStringLiteral("fields")).toObject();
    QList<int> numbers;
    for (const QString& key : fields.keys())
        numbers.append(key.toInt());
    std::sort(numbers.begin(), numbers.end());
    const FieldTable table = FieldTable::cupDefault();
    for (const int number : numbers) {
        io.out << QStringLiteral("F%1 %2 ")
                      .arg(number, 2, 10, QLatin1Char('0'))
                      .arg(acquirer::describeSpec(*table.spec(number)), -10)
               << fields.value(QString::number(number)).toString() << '\n';
    }
    const QJsonObject parsed = json.value(QStringLiteral("parsed")).toObject();
    for (const QString& key : parsed.keys()) {
        io.out << "  F" << key << ' '
               << QString::fromUtf8(
                      QJsonDocument(parsed.value(key).toObject()).toJson(QJsonDocument::Compact))
               << '\n';
    }
}

int runDecode(const QStringList& arguments, CommandIo& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Decode one CUP POS ISO 8583 frame (length prefix, TPDU, header, MTI, bitmap, fields)."));
    const QCommandLineOption hex(QStringLiteral("hex"), QStringLiteral("The frame as hex (spaces allowed)."),
                                 QStringLiteral("HEX"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    const QCommandLineOption bcdLength = bcdLengthOption();
    parser.addOptions({hex, json, bcdLength, makOption(), macAlgorithmOption()});
    if (const std::optional<int> stop = parseArguments(parser, arguments, io))
        return *stop;
    if (!parser.isSet(hex))
        return usageError(io, parser, QStringLiteral("missing --hex HEX"));
    QString macUsage;
    const std::optional<MacOptions> mac = macOptions(parser, macUsage);
    if (!macUsage.isEmpty())
        return usageError(io, parser, macUsage);

    QString text = parser.value(hex);
    text.remove(QLatin1Char(' '));
    const Result<QByteArray> frame = bytesFromHex(text, QStringLiteral("--hex"));
    if (!frame)
        return malformed(io, frame.error());
    const Iso8583Codec codec = codecFor(parser.isSet(bcdLength));
    const Result<IsoMessage> message = codec.decodeFrame(frame.value());
    if (!message)
        return malformed(io, message.error());
    const Result<QJsonObject> parsed = parsedFieldsToJson(message.value());
    if (!parsed)
        return malformed(io, parsed.error());

    QJsonObject object = isoMessageToJson(message.value(), codec.table());
    object.insert(QStringLiteral("parsed"), parsed.value());
    bool macOk = true;
    if (mac) {
        const Result<QByteArray> computed = macOf(codec, message.value(), *mac);
        if (!computed)
            return malformed(io, computed.error());
        const bool present = message.value().hasField(64);
        macOk = present && message.value().field(64) == computed.value();
        object.insert(
            QStringLiteral("mac"),
            QJsonObject{{QStringLiteral("algorithm"), parser.value(macAlgorithmOption())},
                        {QStringLiteral("present"), present},
                        {QStringLiteral("computed"), QString::fromLatin1(computed.value().toHex().toUpper())},
                        {QStringLiteral("ok"), macOk}});
    }
    if (parser.isSet(json))
        io.out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
    else
        printText(io, object);
    if (!macOk)
        io.err << "field 64 does not match the MAC computed with --mak\n";
    return macOk ? 0 : 1;
}

int runEncode(const QStringList& arguments, CommandIo& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Encode a message given as JSON (the shape decode --json prints) and print the frame as hex."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("The JSON file, or - for stdin."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption bcdLength = bcdLengthOption();
    parser.addOptions({json, bcdLength, makOption(), macAlgorithmOption()});
    if (const std::optional<int> stop = parseArguments(parser, arguments, io))
        return *stop;
    if (!parser.isSet(json))
        return usageError(io, parser, QStringLiteral("missing --json FILE|-"));
    QString macUsage;
    const std::optional<MacOptions> mac = macOptions(parser, macUsage);
    if (!macUsage.isEmpty())
        return usageError(io, parser, macUsage);

    QFile file;
    const QString path = parser.value(json);
    bool opened = false;
    if (path == QLatin1String("-")) {
        opened = file.open(stdin, QIODevice::ReadOnly);
    } else {
        file.setFileName(path);
        opened = file.open(QIODevice::ReadOnly);
    }
    if (!opened)
        return usageError(io, parser, QStringLiteral("cannot read '%1': %2").arg(path, file.errorString()));
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        io.err << "malformed input: not a JSON object ("
               << (parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                : QStringLiteral("not an object"))
               << " at offset " << parseError.offset << ")\n";
        return 1;
    }

    // "64": "auto" asks for the MAC to be computed with --mak (a placeholder keeps the field in the bitmap).
    QJsonObject root = document.object();
    QJsonObject fields = root.value(QStringLiteral("fields")).toObject();
    const bool autoMac = fields.value(QStringLiteral("64")).toString() == QLatin1String("auto");
    if (autoMac && !mac)
        return usageError(io, parser, QStringLiteral("field 64 \"auto\" needs --mak"));
    if (autoMac) {
        fields.insert(QStringLiteral("64"), QStringLiteral("0000000000000000"));
        root.insert(QStringLiteral("fields"), fields);
    }
    const Iso8583Codec codec = codecFor(parser.isSet(bcdLength));
    Result<IsoMessage> message = isoMessageFromJson(root, codec.table());
    if (!message)
        return malformed(io, message.error());
    if (autoMac) {
        const Result<QByteArray> computed = macOf(codec, message.value(), *mac);
        if (!computed)
            return malformed(io, computed.error());
        message.value().setField(64, computed.value());
    }
    const Result<QByteArray> frame = codec.encodeFrame(message.value());
    if (!frame)
        return malformed(io, frame.error());
    io.out << frame.value().toHex().toUpper() << '\n';
    return 0;
}

void printUsage(QTextStream& stream, const QString& program)
{
    stream
        << "Usage: " << program << " <action> [options]\n\n"
        << "Actions:\n"
        << "  decode --hex HEX [--json] [--bcd-length] [--mak HEX [--mac-alg ALG]]\n"
        << "      decode a frame (length prefix included); with --mak also check field 64 (exit 1 if wrong)\n"
        << "  encode --json FILE|- [--bcd-length] [--mak HEX [--mac-alg ALG]]\n"
        << "      encode JSON (decode's shape), print the frame as hex; \"64\": \"auto\" computes the MAC\n";
}

} // namespace

int Iso8583Command::run(const QStringList& arguments, CommandIo& io)
{
    const QString program = arguments.value(0, QStringLiteral("pos-tool iso8583"));
    if (arguments.size() < 2) {
        printUsage(io.err, program);
        return 2;
    }
    const QString action = arguments.at(1);
    if (action == QLatin1String("--help") || action == QLatin1String("-h") ||
        action == QLatin1String("help")) {
        printUsage(io.out, program);
        return 0;
    }
    QStringList rest = arguments.mid(2);
    rest.prepend(program + QLatin1Char(' ') + action);
    if (action == QLatin1String("decode"))
        return runDecode(rest, io);
    if (action == QLatin1String("encode"))
        return runEncode(rest, io);
    io.err << program << ": unknown action '" << action << "'\n\n";
    printUsage(io.err, program);
    return 2;
}

} // namespace cli
} // namespace pos
