// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/iso8583/Tlv.h"
#include "fuzz/FuzzSupport.h"
#include "fuzz/FuzzTargets.h"

#include <cstdlib>

// Property (Tlv.h): whatever decodeTlv() accepts, flat or recursing into constructed objects, encodeTlv()
// turns back into exactly the same bytes. Tlv.h's only documented difference from minimal DER, non-minimal
// 0x81/0x82 lengths, is remembered per element (lengthForm), so no exception to exact equality applies.
namespace pos {
namespace fuzz {
namespace {

using acquirer::TlvDecodeOptions;
using acquirer::TlvElement;

constexpr const char* target = "fuzz_tlv";

bool roundTripHolds(QByteArrayView data, bool recurse)
{
    TlvDecodeOptions options;
    options.recurseIntoConstructed = recurse;
    const Result<QList<TlvElement>> elements = acquirer::decodeTlv(data, options);
    if (!elements)
        return true;
    const Result<QByteArray> encoded = acquirer::encodeTlv(elements.value());
    if (!encoded)
        return violated(target, "decodeTlv() accepted objects that encodeTlv() refuses");
    if (encoded.value() != data)
        return violated(target, "encodeTlv(decodeTlv(data)) differs from data");
    if (!elements.value().isEmpty()) {
        const TlvElement& first = elements.value().front();
        if (acquirer::findTlv(elements.value(), first.tag) != &first)
            return violated(target, "findTlv() misses the first decoded tag");
    }
    for (const TlvElement& element : elements.value()) {
        const Result<quint32> tag = acquirer::tlvTagFromHex(acquirer::tlvTagHex(element.tag));
        if (!tag || tag.value() != element.tag)
            return violated(target, "tlvTagFromHex(tlvTagHex(tag)) differs from a decoded tag");
    }
    return true;
}

} // namespace

bool tlvHolds(QByteArrayView data)
{
    const bool flat = roundTripHolds(data, false);
    const bool recursive = roundTripHolds(data, true);
    return flat && recursive;
}

} // namespace fuzz
} // namespace pos

#ifdef POS_LIBFUZZER
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    pos::fuzz::abortIfSelfTestCrashRequested();
    if (!pos::fuzz::tlvHolds(pos::fuzz::inputView(data, size)))
        std::abort();
    return 0;
}
#endif
