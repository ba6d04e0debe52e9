// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/pinpad/PinPadFrame.h"
#include "fuzz/FuzzSupport.h"
#include "fuzz/FuzzTargets.h"

#include <QList>

#include <cstdlib>

// Properties (docs/pinpad-protocol.md §1–§2, devices/pinpad/PinPadFrame.h): the frame reader finds the same
// items whether the bytes arrive at once or one by one; every frame it returns encodes back into bytes that
// read as that same frame; whatever decodePinPadItems() accepts re-encodes into a DATA it decodes the same.
namespace pos {
namespace fuzz {
namespace {

using devices::PinPadFrame;
using devices::PinPadFrameReader;
using devices::PinPadReadItem;

constexpr const char* target = "fuzz_pinpad_frames";

QList<PinPadReadItem> readAll(PinPadFrameReader& reader)
{
    QList<PinPadReadItem> items;
    while (std::optional<PinPadReadItem> item = reader.next())
        items.append(std::move(*item));
    return items;
}

bool sameItem(const PinPadReadItem& a, const PinPadReadItem& b)
{
    if (a.index() != b.index())
        return false;
    if (const auto* frameA = std::get_if<PinPadFrame>(&a)) {
        const auto& frameB = std::get<PinPadFrame>(b);
        return frameA->command == frameB.command && frameA->state == frameB.state &&
               frameA->data == frameB.data;
    }
    return true;
}

} // namespace

bool pinPadFramesHold(QByteArrayView data)
{
    PinPadFrameReader whole;
    whole.feed(data);
    const QList<PinPadReadItem> atOnce = readAll(whole);
    PinPadFrameReader bytewise;
    QList<PinPadReadItem> oneByOne;
    for (qsizetype i = 0; i < data.size(); ++i) {
        bytewise.feed(data.sliced(i, 1));
        oneByOne += readAll(bytewise);
    }
    if (atOnce.size() != oneByOne.size())
        return violated(target, "different items when fed at once and byte by byte");
    for (qsizetype i = 0; i < atOnce.size(); ++i) {
        if (!sameItem(atOnce.at(i), oneByOne.at(i)))
            return violated(target, "different items when fed at once and byte by byte");
    }
    for (const PinPadReadItem& item : atOnce) {
        const auto* frame = std::get_if<PinPadFrame>(&item);
        if (!frame)
            continue;
        PinPadFrameReader again;
        again.feed(devices::encodePinPadFrame(*frame));
        const QList<PinPadReadItem> reread = readAll(again);
        if (reread.size() != 1 || !sameItem(reread.first(), item))
            return violated(target, "an accepted frame does not survive encode and read");
        const Result<QMap<quint8, QByteArray>> items = devices::decodePinPadItems(frame->data);
        if (!items)
            continue;
        QList<devices::PinPadItem> list;
        for (auto it = items.value().cbegin(); it != items.value().cend(); ++it)
            list.append({it.key(), it.value()});
        const Result<QMap<quint8, QByteArray>> decodedAgain =
            devices::decodePinPadItems(devices::encodePinPadItems(list));
        if (!decodedAgain || decodedAgain.value() != items.value())
            return violated(target, "accepted items do not survive encode and decode");
    }
    return true;
}

} // namespace fuzz
} // namespace pos

#ifdef POS_LIBFUZZER
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    pos::fuzz::abortIfSelfTestCrashRequested();
    if (!pos::fuzz::pinPadFramesHold(pos::fuzz::inputView(data, size)))
        std::abort();
    return 0;
}
#endif
