// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/iso8583/FrameCodec.h"
#include "acquirer/iso8583/Iso8583Codec.h"
#include "fuzz/FuzzSupport.h"
#include "fuzz/FuzzTargets.h"

#include <cstdlib>

// Properties (Iso8583Codec.h, FrameCodec.h): whatever decode()/decodeFrame() accept re-encodes to exactly the
// same bytes and has a MAC block; a frame and its body decode to the same message; FrameReassembler yields
// the same bodies, buffered bytes and error state whether the stream arrives whole or in two chunks, and a
// buffer holding exactly one frame yields exactly its body.
namespace pos {
namespace fuzz {
namespace {

using acquirer::FrameCodec;
using acquirer::FrameConfig;
using acquirer::FrameReassembler;
using acquirer::Iso8583Codec;
using acquirer::IsoMessage;

constexpr const char* target = "fuzz_iso8583_decode";

bool decodedBodyHolds(QByteArrayView body, const IsoMessage& message, const Iso8583Codec& encoder)
{
    const Result<QByteArray> encoded = encoder.encode(message);
    if (!encoded)
        return violated(target, "decode() accepted a body that encode() refuses");
    if (encoded.value() != body)
        return violated(target, "encode(decode(body)) differs from body");
    if (!encoder.macBlock(message))
        return violated(target, "macBlock() fails on a decoded message");
    return true;
}

bool bodyHolds(QByteArrayView data, const Iso8583Codec& decoder, const Iso8583Codec& encoder)
{
    const Result<IsoMessage> message = decoder.decode(data);
    return !message || decodedBodyHolds(data, message.value(), encoder);
}

bool frameHolds(QByteArrayView data, const Iso8583Codec& decoder, const Iso8583Codec& encoder)
{
    const Result<IsoMessage> framed = decoder.decodeFrame(data);
    if (!framed)
        return true;
    const Result<QByteArray> reframed = encoder.encodeFrame(framed.value());
    if (!reframed)
        return violated(target, "decodeFrame() accepted a frame that encodeFrame() refuses");
    if (reframed.value() != data)
        return violated(target, "encodeFrame(decodeFrame(frame)) differs from frame");
    const QByteArrayView body = data.sliced(FrameCodec::prefixSize);
    const Result<IsoMessage> unframed = decoder.decode(body);
    if (!unframed || unframed.value() != framed.value())
        return violated(target, "decodeFrame(frame) and decode(body) disagree");
    return decodedBodyHolds(body, framed.value(), encoder);
}

bool reassemblyHolds(QByteArrayView data, const FrameConfig& config)
{
    FrameReassembler whole(config);
    const Result<QList<QByteArray>> once = whole.feed(data);

    const Result<QByteArray> single = FrameCodec(config).unwrap(data);
    if (single && (!once || once.value() != QList<QByteArray>{single.value()} || whole.bufferedBytes() != 0))
        return violated(target, "FrameReassembler does not yield the one frame the buffer holds");

    // The split point comes from the data so that the fuzzer steers it over every position.
    const qsizetype split = data.isEmpty() ? 0 : static_cast<unsigned char>(data.back()) % (data.size() + 1);
    FrameReassembler pieces(config);
    const Result<QList<QByteArray>> first = pieces.feed(data.first(split));
    const Result<QList<QByteArray>> second = pieces.feed(data.sliced(split));
    if (!first && second)
        return violated(target, "FrameReassembler accepts bytes after a framing error");
    if (!once)
        return (first && second) ? violated(target, "a stream refused whole is accepted in two chunks")
                                 : true;
    if (!first || !second)
        return violated(target, "a stream accepted whole is refused in two chunks");
    if (first.value() + second.value() != once.value())
        return violated(target, "two chunks yield other frames than the whole stream");
    if (pieces.bufferedBytes() != whole.bufferedBytes())
        return violated(target, "two chunks leave other bytes buffered than the whole stream");
    return true;
}

} // namespace

bool iso8583PropertiesHold(QByteArrayView data, const Iso8583Codec& decoder, const Iso8583Codec& encoder)
{
    // All three run on every input (no short-circuit), so each input exercises every path.
    const bool frame = frameHolds(data, decoder, encoder);
    const bool body = bodyHolds(data, decoder, encoder);
    const bool reassembly = reassemblyHolds(data, decoder.frameCodec().config());
    return frame && body && reassembly;
}

bool iso8583DecodeHolds(QByteArrayView data)
{
    static const Iso8583Codec codec(acquirer::FieldTable::cupDefault());
    return iso8583PropertiesHold(data, codec, codec);
}

} // namespace fuzz
} // namespace pos

#ifdef POS_LIBFUZZER
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    pos::fuzz::abortIfSelfTestCrashRequested();
    if (!pos::fuzz::iso8583DecodeHolds(pos::fuzz::inputView(data, size)))
        std::abort();
    return 0;
}
#endif
