// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "fuzz/FuzzSupport.h"
#include "fuzz/FuzzTargets.h"
#include "simulators/printer/EscPosDecoder.h"

#include <cstdlib>

// Properties (simulators/printer/EscPosDecoder.h): decoding never reads past the input; the items are
// contiguous from offset 0 and their bytes join back into the input up to the error offset (all of it when
// there is no error); an error has an offset; measureEscPos agrees with decode on every item's length.
namespace pos {
namespace fuzz {
namespace {

constexpr const char* target = "fuzz_escpos_decoder";

} // namespace

bool escPosDecoderHolds(QByteArrayView data)
{
    const sim::EscPosDecoded decoded = sim::decodeEscPos(data);
    qsizetype offset = 0;
    for (const sim::EscPosItem& item : decoded.items) {
        if (item.offset != offset || item.bytes.isEmpty())
            return violated(target, "items are not contiguous");
        if (QByteArrayView(item.bytes) != data.sliced(offset, item.bytes.size()))
            return violated(target, "item bytes differ from the input");
        const sim::EscPosSpan span = sim::measureEscPos(data, offset);
        if (span.status != sim::EscPosSpan::Status::Complete || span.length != item.bytes.size())
            return violated(target, "measure disagrees with decode");
        offset += item.bytes.size();
    }
    if (decoded.ok() ? offset != data.size() : decoded.errorOffset != offset)
        return violated(target, "items do not end at the input end or the error");
    (void)decoded.lines();
    return true;
}

} // namespace fuzz
} // namespace pos

#ifdef POS_LIBFUZZER
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    pos::fuzz::abortIfSelfTestCrashRequested();
    if (!pos::fuzz::escPosDecoderHolds(pos::fuzz::inputView(data, size)))
        std::abort();
    return 0;
}
#endif
