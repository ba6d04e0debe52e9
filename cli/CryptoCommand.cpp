// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "cli/CryptoCommand.h"

#include "acquirer/crypto/CupMac.h"
#include "acquirer/crypto/PinBlock.h"
#include "acquirer/crypto/SchemeCipher.h"
#include "acquirer/crypto/ScopedWipe.h"
#include "acquirer/crypto/TrackEncryption.h"
#include "acquirer/crypto/WorkKeys.h"
#include "cli/ActionContext.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <optional>

namespace pos {
namespace cli {
namespace {

using acquirer::ScopedWipe;

// Strict hexadecimal: an even number of 0-9, a-f, A-F (QByteArray::fromHex would skip anything else).
Result<QByteArray> parseHex(const QString& text, const char* optionName)
{
    const bool hexDigits = std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
    });
    if (!hexDigits || text.size() % 2 != 0)
        return fail(ErrorCode::InvalidInput,
                    QStringLiteral("--%1 must be hexadecimal: an even number of 0-9 and A-F.")
                        .arg(QLatin1String(optionName)),
                    QStringLiteral("--%1: %2 characters, not an even number of hex digits")
                        .arg(QLatin1String(optionName))
                        .arg(text.size()));
    return QByteArray::fromHex(text.toLatin1());
}

QString upperHex(QByteArrayView bytes)
{
    return QString::fromLatin1(bytes.toByteArray().toHex().toUpper());
}

std::optional<KeyScheme> schemeNamed(const QString& name)
{
    for (const KeyScheme scheme : {KeyScheme::SingleDes, KeyScheme::TripleDes, KeyScheme::Sm4}) {
        if (name == keySchemeName(scheme))
            return scheme;
    }
    return std::nullopt;
}

// crypto kcv --alg des|3des|sm4 --key HEX [--length N]
int runKcv(const QStringList& arguments, CommandIo& io)
{
    ActionContext action(QStringLiteral("Key check value: the first --length bytes (default 4, as in F62) of "
                                        "the key's encryption of a block of zeros (8 bytes for DES and 3DES, "
                                        "16 for SM4)."),
                         io);
    const QCommandLineOption alg = valueOption("alg", "des, 3des (double length) or sm4.", "ALG");
    const QCommandLineOption key = valueOption("key", "The key, hexadecimal (8 or 16 bytes).", "HEX");
    const QCommandLineOption length =
        valueOption("length", "KCV length in bytes (1 to the block size).", "N");
    if (const std::optional<int> exit = action.parse(arguments, {alg, key}, {length}))
        return *exit;
    const std::optional<KeyScheme> scheme = schemeNamed(action.value(alg));
    if (!scheme)
        return action.usage(QStringLiteral("unknown --alg '%1'").arg(action.value(alg)));
    bool lengthOk = true;
    const int kcvLength = action.isSet(length) ? action.value(length).toInt(&lengthOk) : 4;
    if (!lengthOk)
        return action.usage(QStringLiteral("--length must be a number"));

    Result<QByteArray> keyBytes = parseHex(action.value(key), "key");
    if (!keyBytes)
        return action.failed(keyBytes.error());
    QByteArray keyValue = std::move(keyBytes).value();
    const ScopedWipe wipeKey(keyValue);
    const Result<QByteArray> kcv = acquirer::keyCheckValue(*scheme, keyValue, kcvLength);
    if (!kcv)
        return action.failed(kcv.error());
    return action.report(true,
                         {{QStringLiteral("alg"), keySchemeName(*scheme)},
                          {QStringLiteral("length"), kcvLength},
                          {QStringLiteral("kcv"), upperHex(kcv.value())}},
                         QStringLiteral("KCV %1 (%2, %3 bytes)")
                             .arg(upperHex(kcv.value()), keySchemeName(*scheme))
                             .arg(kcvLength));
}

std::optional<Sm4PinBlockPadding> paddingNamed(const QString& name)
{
    if (name == u"extend")
        return Sm4PinBlockPadding::ExtendFields;
    if (name == u"ff")
        return Sm4PinBlockPadding::AppendFF;
    if (name == u"zeros")
        return Sm4PinBlockPadding::AppendZeros;
    return std::nullopt;
}

// crypto pinblock --pin PIN --pan PAN [--alg des|3des|sm4 --key HEX] [--sm4-padding extend|ff|zeros]
int runPinBlock(const QStringList& arguments, CommandIo& io)
{
    ActionContext action(
        QStringLiteral("ISO 9564 format 0 PIN block (ANSI X9.8 with PAN, F52): clear without "
                       "--key, encrypted with the PIK given as --key."),
        io);
    const QCommandLineOption pin = valueOption("pin", "The PIN, 4 to 12 digits.", "PIN");
    const QCommandLineOption pan = valueOption("pan", "The card number with its check digit.", "PAN");
    const QCommandLineOption alg = valueOption("alg", "des, 3des (default) or sm4.", "ALG");
    const QCommandLineOption key = valueOption("key", "The PIK, hexadecimal.", "HEX");
    const QCommandLineOption padding =
        valueOption("sm4-padding", "SM4 16-byte block: extend (default), ff or zeros.", "MODE");
    if (const std::optional<int> exit = action.parse(arguments, {pin, pan}, {alg, key, padding}))
        return *exit;
    const std::optional<KeyScheme> scheme =
        schemeNamed(action.isSet(alg) ? action.value(alg) : QStringLiteral("3des"));
    if (!scheme)
        return action.usage(QStringLiteral("unknown --alg '%1'").arg(action.value(alg)));
    const std::optional<Sm4PinBlockPadding> sm4Padding =
        paddingNamed(action.isSet(padding) ? action.value(padding) : QStringLiteral("extend"));
    if (!sm4Padding)
        return action.usage(QStringLiteral("unknown --sm4-padding '%1'").arg(action.value(padding)));

    QByteArray pinDigits = action.value(pin).toLatin1();
    const ScopedWipe wipePin(pinDigits);
    const QByteArray panDigits = action.value(pan).toLatin1();
    const bool encrypt = action.isSet(key);
    QByteArray pik;
    const ScopedWipe wipePik(pik);
    if (encrypt) {
        Result<QByteArray> parsed = parseHex(action.value(key), "key");
        if (!parsed)
            return action.failed(parsed.error());
        pik = std::move(parsed).value();
    }
    const Result<QByteArray> block =
        encrypt ? acquirer::encryptPinBlock(*scheme, pik, pinDigits, panDigits, *sm4Padding)
                : acquirer::formatPinBlock(*scheme, pinDigits, panDigits, *sm4Padding);
    if (!block)
        return action.failed(block.error());
    return action.report(true,
                         {{QStringLiteral("alg"), keySchemeName(*scheme)},
                          {QStringLiteral("encrypted"), encrypt},
                          {QStringLiteral("pinBlock"), upperHex(block.value())}},
                         QStringLiteral("PIN block (%1, %2): %3")
                             .arg(encrypt ? QStringLiteral("encrypted") : QStringLiteral("clear"),
                                  keySchemeName(*scheme), upperHex(block.value())));
}

// crypto mac --alg cup-ecb|cup-ecb-sm4|x99|x919 --key HEX --data HEX
int runMac(const QStringList& arguments, CommandIo& io)
{
    ActionContext action(QStringLiteral("MAC of --data: cup-ecb (CUP ECB, 8- or 16-byte DES key, F64 as 8 "
                                        "hex characters), cup-ecb-sm4, x99 (ANSI X9.9) or x919 (ANSI "
                                        "X9.19). Data is zero-padded to whole blocks."),
                         io);
    const QCommandLineOption alg = valueOption("alg", "cup-ecb, cup-ecb-sm4, x99 or x919.", "ALG");
    const QCommandLineOption key = valueOption("key", "The MAK, hexadecimal.", "HEX");
    const QCommandLineOption data = valueOption("data", "The MAC block, hexadecimal.", "HEX");
    if (const std::optional<int> exit = action.parse(arguments, {alg, key, data}))
        return *exit;
    const QString algName = action.value(alg);
    std::optional<MacAlgorithm> algorithm;
    if (algName == u"cup-ecb" || algName == u"cup-ecb-sm4")
        algorithm = MacAlgorithm::CupEcb;
    else if (algName == u"x99")
        algorithm = MacAlgorithm::AnsiX99;
    else if (algName == u"x919")
        algorithm = MacAlgorithm::AnsiX919;
    else
        return action.usage(QStringLiteral("unknown --alg '%1'").arg(algName));

    Result<QByteArray> keyBytes = parseHex(action.value(key), "key");
    if (!keyBytes)
        return action.failed(keyBytes.error());
    QByteArray mak = std::move(keyBytes).value();
    const ScopedWipe wipeMak(mak);
    const Result<QByteArray> dataBytes = parseHex(action.value(data), "data");
    if (!dataBytes)
        return action.failed(dataBytes.error());
    // The MAK's scheme: SM4 when asked for; for the DES family, from the key length (the MAC functions
    // refuse a length that fits neither).
    KeyScheme scheme = KeyScheme::Sm4;
    if (algName != u"cup-ecb-sm4")
        scheme = acquirer::desSchemeForKeyLength(mak.size()).value_or(KeyScheme::SingleDes);
    const Result<QByteArray> mac = acquirer::computeMac(*algorithm, scheme, mak, dataBytes.value());
    if (!mac)
        return action.failed(mac.error());
    const QString shown =
        *algorithm == MacAlgorithm::CupEcb ? QString::fromLatin1(mac.value()) : upperHex(mac.value());
    return action.report(true,
                         {{QStringLiteral("alg"), algName},
                          {QStringLiteral("mac"), shown},
                          {QStringLiteral("macHex"), upperHex(mac.value())}},
                         QStringLiteral("MAC %1 (%2; bytes %3)").arg(shown, algName, upperHex(mac.value())));
}

// crypto track --alg 3des|sm4 --tdk HEX --track DIGITS [--decrypt]
int runTrack(const QStringList& arguments, CommandIo& io)
{
    ActionContext action(QStringLiteral("Track 2/3 encryption with the TDK (53.3 = 1): the 8 (SM4: 16) bytes "
                                        "before the last byte of the packed track, replaced in place."),
                         io);
    const QCommandLineOption alg = valueOption("alg", "3des or sm4.", "ALG");
    const QCommandLineOption tdk = valueOption("tdk", "The TDK, hexadecimal (16 bytes).", "HEX");
    const QCommandLineOption track =
        valueOption("track", "Track digits, with D or = as separator.", "DIGITS");
    const QCommandLineOption decrypt(QStringLiteral("decrypt"),
                                     QStringLiteral("Decrypt instead (host side)."));
    if (const std::optional<int> exit = action.parse(arguments, {alg, tdk, track}, {decrypt}))
        return *exit;
    const std::optional<KeyScheme> scheme = schemeNamed(action.value(alg));
    if (!scheme || *scheme == KeyScheme::SingleDes)
        return action.usage(QStringLiteral("unknown --alg '%1'").arg(action.value(alg)));
    Result<QByteArray> keyBytes = parseHex(action.value(tdk), "tdk");
    if (!keyBytes)
        return action.failed(keyBytes.error());
    QByteArray tdkValue = std::move(keyBytes).value();
    const ScopedWipe wipeTdk(tdkValue);
    const QByteArray digits = action.value(track).toLatin1();
    const bool decrypting = action.isSet(decrypt);
    const Result<QByteArray> result = decrypting ? acquirer::decryptTrack(*scheme, tdkValue, digits)
                                                 : acquirer::encryptTrack(*scheme, tdkValue, digits);
    if (!result)
        return action.failed(result.error());
    return action.report(true,
                         {{QStringLiteral("alg"), keySchemeName(*scheme)},
                          {QStringLiteral("decrypted"), decrypting},
                          {QStringLiteral("track"), QString::fromLatin1(result.value())}},
                         QString::fromLatin1(result.value()));
}

// crypto f62 --tmk HEX --code 001|003|004|006 --hex HEX [--sm4-code CODE]
int runF62(const QStringList& arguments, CommandIo& io)
{
    ActionContext action(
        QStringLiteral("Check the work keys of an F62 sign-on block: unwrap each key under the "
                       "TMK and compare its KCV. Prints the KCVs received and computed, "
                       "never a key. Exit 1 when a KCV does not match."),
        io);
    const QCommandLineOption tmk =
        valueOption("tmk", "The TMK, hexadecimal (16 bytes; 8 for a single-DES 001 TMK).", "HEX");
    const QCommandLineOption code = valueOption("code", "60.3 of the sign-on: 001, 003, 004 or 006.", "CODE");
    const QCommandLineOption hexBlock =
        valueOption("hex", "F62 without its length prefix, hexadecimal.", "HEX");
    const QCommandLineOption sm4Code =
        valueOption("sm4-code", "60.3 code of an SM4 sign-on (acquirer-specific, default 006).", "CODE");
    if (const std::optional<int> exit = action.parse(arguments, {tmk, code, hexBlock}, {sm4Code}))
        return *exit;
    const QString codeValue = action.value(code);
    const std::optional<WorkKeyLayout> layout = acquirer::workKeyLayoutForCode(
        codeValue, action.isSet(sm4Code) ? action.value(sm4Code) : QStringLiteral("006"));
    if (!layout)
        return action.usage(QStringLiteral("unknown --code '%1'").arg(codeValue));

    Result<QByteArray> tmkBytes = parseHex(action.value(tmk), "tmk");
    if (!tmkBytes)
        return action.failed(tmkBytes.error());
    QByteArray tmkValue = std::move(tmkBytes).value();
    const ScopedWipe wipeTmk(tmkValue);
    const Result<QByteArray> block = parseHex(action.value(hexBlock), "hex");
    if (!block)
        return action.failed(block.error());
    const KeyScheme tmkScheme =
        *layout == WorkKeyLayout::Sm4006
            ? KeyScheme::Sm4
            : acquirer::desSchemeForKeyLength(tmkValue.size()).value_or(KeyScheme::TripleDes);
    const Result<acquirer::UnwrappedWorkKeys> unwrapped =
        acquirer::unwrapWorkKeys(*layout, tmkScheme, tmkValue, block.value());
    if (!unwrapped)
        return action.failed(unwrapped.error());

    const WorkKeyCheck& check = unwrapped.value().check;
    QJsonArray keys;
    QStringList lines;
    for (const KeyCheckOutcome& key : check.keys) {
        keys.append(QJsonObject{{QStringLiteral("key"), workKeyRoleName(key.role)},
                                {QStringLiteral("kcvReceived"), upperHex(key.receivedKcv)},
                                {QStringLiteral("kcvComputed"), upperHex(key.computedKcv)},
                                {QStringLiteral("matches"), key.matches()}});
        lines << QStringLiteral("%1  KCV received %2  computed %3  %4")
                     .arg(workKeyRoleName(key.role), upperHex(key.receivedKcv), upperHex(key.computedKcv),
                          key.matches() ? QStringLiteral("ok") : QStringLiteral("MISMATCH"));
    }
    lines << (check.allMatch() ? QStringLiteral("all work keys check") : QStringLiteral("KCV MISMATCH"));
    return action.report(check.allMatch(),
                         {{QStringLiteral("code"), codeValue},
                          {QStringLiteral("layout"), workKeyLayoutName(*layout)},
                          {QStringLiteral("keys"), keys}},
                         lines.join(QLatin1Char('\n')));
}

constexpr CommandAction cryptoActions[] = {
    {"kcv", "Key check value of a DES, 3DES or SM4 key", &runKcv},
    {"pinblock", "ISO 9564 format 0 PIN block, clear or under a PIK", &runPinBlock},
    {"mac", "CUP ECB (DES/3DES, SM4), ANSI X9.9 or X9.19 MAC", &runMac},
    {"track", "Encrypt (or decrypt) track 2/3 digits with a TDK", &runTrack},
    {"f62", "Check the KCVs of an F62 sign-on work-key block", &runF62},
};

void printUsage(QTextStream& stream, const QString& program)
{
    stream << "Usage: " << program << " <action> [options] [--json]\n\nActions:\n";
    for (const CommandAction& action : cryptoActions)
        stream << "  " << QString::fromLatin1(action.name).leftJustified(10) << action.summary << '\n';
    stream << "\nFor test vectors and acquirer samples only: never pass production keys on a command line.\n"
           << "Exit codes: 0 success, 1 a check failed or an input value is bad, 2 usage error.\n";
}

} // namespace

int CryptoCommand::run(const QStringList& arguments, CommandIo& io)
{
    return dispatchAction(arguments, io, QStringLiteral("pos-tool crypto"), cryptoActions, &printUsage);
}

} // namespace cli
} // namespace pos
