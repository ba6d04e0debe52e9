// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/iso8583/Iso8583Codec.h"
#include "cli/Iso8583Json.h"
#include "fuzz/FuzzSupport.h"
#include "fuzz/FuzzTargets.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstdlib>

// JSON from the outside: QJsonDocument::fromJson and the pos-tool ISO 8583 JSON reader (cli/Iso8583Json.h).
// The parsers of the acquirer JSON API's responses (onboarding, QR payments over HTTPS) have their own
// target, fuzz_api_responses.
//
// Properties: for every JSON message the reader accepts and the codec encodes, the encoded body decodes
// (encode() refuses what decode() would reject) and re-encodes to the same bytes, and the tool's own output
// for the decoded message, printed and parsed again, reads back into a message encoding to the same bytes
// ("decode output can be fed back as it is"). parsedFieldsToJson() must not crash on the decoded message.
namespace pos {
namespace fuzz {
namespace {

using acquirer::Iso8583Codec;
using acquirer::IsoMessage;

constexpr const char* target = "fuzz_host_json";

bool sameBodyFromJson(const QJsonObject& json, const Iso8583Codec& codec, const QByteArray& body)
{
    const Result<IsoMessage> message = cli::isoMessageFromJson(json, codec.table());
    if (!message)
        return false;
    const Result<QByteArray> encoded = codec.encode(message.value());
    return encoded && encoded.value() == body;
}

} // namespace

bool hostJsonHolds(QByteArrayView data)
{
    static const Iso8583Codec codec(acquirer::FieldTable::cupDefault());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(data.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return true;
    const Result<IsoMessage> message = cli::isoMessageFromJson(document.object(), codec.table());
    if (!message)
        return true;
    const Result<QByteArray> body = codec.encode(message.value());
    if (!body)
        return true;

    const Result<IsoMessage> decoded = codec.decode(body.value());
    if (!decoded)
        return violated(target, "decode() refuses a body that encode() produced");
    const Result<QByteArray> reencoded = codec.encode(decoded.value());
    if (!reencoded || reencoded.value() != body.value())
        return violated(target, "encode(decode(encode(json))) differs from encode(json)");

    const QJsonObject printed = cli::isoMessageToJson(decoded.value(), codec.table());
    if (!sameBodyFromJson(printed, codec, body.value()))
        return violated(target, "isoMessageToJson() output does not read back into the same message");
    const QJsonDocument reparsed = QJsonDocument::fromJson(QJsonDocument(printed).toJson());
    if (!reparsed.isObject() || !sameBodyFromJson(reparsed.object(), codec, body.value()))
        return violated(target, "printed JSON does not parse back into the same message");

    // Structured subfields may fail to parse (a ProtocolViolation is an answer); they must not crash.
    (void)cli::parsedFieldsToJson(decoded.value());
    return true;
}

} // namespace fuzz
} // namespace pos

#ifdef POS_LIBFUZZER
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    pos::fuzz::abortIfSelfTestCrashRequested();
    if (!pos::fuzz::hostJsonHolds(pos::fuzz::inputView(data, size)))
        std::abort();
    return 0;
}
#endif
