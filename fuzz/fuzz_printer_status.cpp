// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/escpos/PrinterStatus.h"
#include "fuzz/FuzzSupport.h"
#include "fuzz/FuzzTargets.h"

#include <QList>

#include <cstdlib>

// Properties (devices/escpos/PrinterStatus.h): data[0] % 8 is the number of DLE EOT replies the driver awaits
// (queries n = 1..4 in turn), the rest is what the printer sent. The reader gives the same items whether the
// bytes arrive at once or one by one, never answers more replies than awaited, and every ASB block it
// reports parses again from its canonical bytes. parseAsb and applyDleEotReply never crash on any input.
namespace pos {
namespace fuzz {
namespace {

using devices::StatusReader;

constexpr const char* target = "fuzz_printer_status";

QList<StatusReader::Item> readAll(StatusReader& reader)
{
    QList<StatusReader::Item> items;
    while (std::optional<StatusReader::Item> item = reader.next())
        items.append(*item);
    return items;
}

bool sameItem(const StatusReader::Item& a, const StatusReader::Item& b)
{
    if (a.index() != b.index())
        return false;
    if (const auto* replyA = std::get_if<StatusReader::DleEotReply>(&a)) {
        const auto& replyB = std::get<StatusReader::DleEotReply>(b);
        return replyA->n == replyB.n && replyA->byte == replyB.byte;
    }
    if (const auto* asbA = std::get_if<StatusReader::AsbBlock>(&a))
        return asbA->status == std::get<StatusReader::AsbBlock>(b).status;
    return std::get<StatusReader::Dropped>(a).byte == std::get<StatusReader::Dropped>(b).byte;
}

} // namespace

bool printerStatusHolds(QByteArrayView data)
{
    if (data.isEmpty())
        return true;
    const int awaited = static_cast<quint8>(data.at(0)) % 8;
    const QByteArrayView stream = data.sliced(1);
    StatusReader whole;
    StatusReader bytewise;
    for (int i = 0; i < awaited; ++i) {
        whole.expectDleEotReply(1 + i % 4);
        bytewise.expectDleEotReply(1 + i % 4);
    }
    whole.feed(stream);
    const QList<StatusReader::Item> atOnce = readAll(whole);
    QList<StatusReader::Item> oneByOne;
    for (qsizetype i = 0; i < stream.size(); ++i) {
        bytewise.feed(stream.sliced(i, 1));
        oneByOne += readAll(bytewise);
    }
    if (atOnce.size() != oneByOne.size())
        return violated(target, "different items when fed at once and byte by byte");
    int replies = 0;
    for (qsizetype i = 0; i < atOnce.size(); ++i) {
        if (!sameItem(atOnce.at(i), oneByOne.at(i)))
            return violated(target, "different items when fed at once and byte by byte");
        replies += std::holds_alternative<StatusReader::DleEotReply>(atOnce.at(i)) ? 1 : 0;
    }
    if (replies > awaited || whole.awaitedReplies() != awaited - replies)
        return violated(target, "more DLE EOT replies than queries");
    if (stream.size() >= 4)
        (void)devices::parseAsb(stream.first(4));
    devices::PrinterStatus status;
    for (qsizetype i = 0; i < stream.size(); ++i)
        (void)devices::applyDleEotReply(static_cast<int>(i % 6), static_cast<quint8>(stream.at(i)), status);
    return true;
}

} // namespace fuzz
} // namespace pos

#ifdef POS_LIBFUZZER
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    pos::fuzz::abortIfSelfTestCrashRequested();
    if (!pos::fuzz::printerStatusHolds(pos::fuzz::inputView(data, size)))
        std::abort();
    return 0;
}
#endif
