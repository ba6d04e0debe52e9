// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/crypto/WorkKeys.h"
#include "acquirer/iso8583/StructuredFields.h"
#include "fuzz/FuzzSupport.h"
#include "fuzz/FuzzTargets.h"

#include <cstdlib>

// Properties (StructuredFields.h, WorkKeys.h): every subfield value parse() accepts, build() turns back into
// exactly the same digits or bytes. unwrapWorkKeys() accepts a block exactly when its length is the
// layout's, reports one KCV outcome per key, hands out keys only when every KCV matches, and then
// buildWorkKeyBlock() reproduces the block apart from the unchecked padding after the MAK of 003/004.
namespace pos {
namespace fuzz {
namespace {

using namespace acquirer;

constexpr const char* target = "fuzz_structured_fields";

// The codec bounds field 63 (ans...163) before Field63Response::parse() sees it; parse() itself accepts
// longer input, which build() refuses by design, so the round trip is checked up to this length only.
constexpr qsizetype field63MaxBytes = 163;

bool fieldViolated(const char* field, const char* property)
{
    const QByteArray named = QByteArray(field) + ": " + property;
    return violated(target, named.constData());
}

template <typename Field>
bool digitFieldHolds(QByteArrayView input, const char* name)
{
    const QString digits = QString::fromLatin1(input);
    const Result<Field> parsed = Field::parse(digits);
    if (!parsed)
        return true;
    const Result<QString> built = parsed.value().build();
    if (!built)
        return fieldViolated(name, "parse() accepted a value that build() refuses");
    if (built.value() != digits)
        return fieldViolated(name, "build(parse(digits)) differs from digits");
    return true;
}

bool batchUploadCountHolds(QByteArrayView input)
{
    const QString digits = QString::fromLatin1(input);
    const Result<int> count = parseBatchUploadCount(digits);
    if (!count)
        return true;
    const Result<QString> built = buildBatchUploadCount(count.value());
    if (!built || built.value() != digits)
        return fieldViolated("48 batch-upload count", "build(parse(digits)) differs from digits");
    return true;
}

bool field63ResponseHolds(QByteArrayView input)
{
    const Result<Field63Response> parsed = Field63Response::parse(input);
    if (!parsed || input.size() > field63MaxBytes)
        return true;
    const Result<QByteArray> built = parsed.value().build();
    if (!built)
        return fieldViolated("63", "parse() accepted a value that build() refuses");
    if (built.value() != input)
        return fieldViolated("63", "build(parse(bytes)) differs from bytes");
    return true;
}

bool icDataHolds(QByteArrayView input)
{
    const Result<QList<TlvElement>> parsed = parseIcData(input);
    if (!parsed)
        return true;
    const Result<QByteArray> built = buildIcData(parsed.value());
    if (!built)
        return fieldViolated("55", "parseIcData() accepted a value that buildIcData() refuses");
    if (built.value() != input)
        return fieldViolated("55", "buildIcData(parseIcData(bytes)) differs from bytes");
    return true;
}

// The rebuilt block equals the received one except the 8 padding bytes after the MAK of 003/004, which
// unwrapWorkKeys() does not check and buildWorkKeyBlock() writes as zeros.
bool sameBlockApartFromPadding(WorkKeyLayout layout, QByteArrayView received, QByteArray rebuilt)
{
    if (rebuilt.size() != received.size())
        return false;
    if (layout == WorkKeyLayout::TripleDes003 || layout == WorkKeyLayout::TripleDesTrack004) {
        constexpr qsizetype paddingOffset = 16 + 4 + 8; // PIK, its KCV, MAK
        rebuilt.replace(paddingOffset, 8, received.sliced(paddingOffset, 8).toByteArray());
    }
    return rebuilt == received;
}

bool workKeysHold(QByteArrayView block)
{
    // Fixed test TMKs: the 3DES one of acquirer-protocol.md §7 #18, and an SM4 one for the 006 layout.
    static const QByteArray tripleDesTmk = QByteArray::fromHex("11111111111111112222222222222222");
    static const QByteArray sm4Tmk = QByteArray::fromHex("0123456789ABCDEFFEDCBA9876543210");
    bool held = true;
    for (const WorkKeyLayout layout : {WorkKeyLayout::Des001, WorkKeyLayout::TripleDes003,
                                       WorkKeyLayout::TripleDesTrack004, WorkKeyLayout::Sm4006}) {
        const bool sm4 = layout == WorkKeyLayout::Sm4006;
        const KeyScheme tmkScheme = sm4 ? KeyScheme::Sm4 : KeyScheme::TripleDes;
        const QByteArray& tmk = sm4 ? sm4Tmk : tripleDesTmk;
        const Result<UnwrappedWorkKeys> unwrapped = unwrapWorkKeys(layout, tmkScheme, tmk, block);
        if (bool(unwrapped) != (block.size() == workKeyBlockLength(layout))) {
            held = fieldViolated("62", "unwrapWorkKeys() acceptance does not follow the block length");
            continue;
        }
        if (!unwrapped)
            continue;
        const UnwrappedWorkKeys& result = unwrapped.value();
        if (result.check.keys.size() != workKeyRoles(layout).size()) {
            held = fieldViolated("62", "unwrapWorkKeys() reports another number of KCVs than keys");
            continue;
        }
        if (result.keys.isEmpty() == result.check.allMatch()) {
            held = fieldViolated("62", "unwrapWorkKeys() hands out keys exactly when a KCV mismatches");
            continue;
        }
        if (result.keys.isEmpty())
            continue;
        const Result<QByteArray> rebuilt = buildWorkKeyBlock(tmkScheme, tmk, result.keys);
        if (!rebuilt || !sameBlockApartFromPadding(layout, block, rebuilt.value()))
            held = fieldViolated("62", "buildWorkKeyBlock() does not reproduce an unwrapped block");
    }
    return held;
}

} // namespace

bool structuredFieldsHold(QByteArrayView data)
{
    if (data.isEmpty())
        return true;
    const QByteArrayView input = data.sliced(1);
    switch (static_cast<unsigned char>(data.front()) % structuredFieldSelectorCount) {
    case 0: return digitFieldHolds<Field60>(input, "60");
    case 1: return digitFieldHolds<Field61>(input, "61");
    case 2: return digitFieldHolds<Field53>(input, "53");
    case 3: return digitFieldHolds<SettlementTotals>(input, "48 settlement totals");
    case 4: return batchUploadCountHolds(input);
    case 5: return field63ResponseHolds(input);
    case 6: return icDataHolds(input);
    default: return workKeysHold(input);
    }
}

} // namespace fuzz
} // namespace pos

#ifdef POS_LIBFUZZER
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    pos::fuzz::abortIfSelfTestCrashRequested();
    if (!pos::fuzz::structuredFieldsHold(pos::fuzz::inputView(data, size)))
        std::abort();
    return 0;
}
#endif
