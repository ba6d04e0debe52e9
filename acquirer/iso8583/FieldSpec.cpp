// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/iso8583/FieldSpec.h"

namespace pos {
namespace acquirer {
namespace {

constexpr int maxPrefixValue(LengthKind kind)
{
    switch (kind) {
    case LengthKind::Fixed: return 999;
    case LengthKind::LL: return 99;
    case LengthKind::LLL: return 999;
    }
    return 0;
}

FieldSpec fixedN(int number, int digits, PadSide pad = PadSide::Left)
{
    return FieldSpec{number, FieldFormat::N, LengthKind::Fixed, digits, pad, TextEncoding::Ascii};
}

FieldSpec variable(
    int number, FieldFormat format, LengthKind kind, int max, TextEncoding encoding = TextEncoding::Ascii)
{
    return FieldSpec{number, format, kind, max, PadSide::Right, encoding};
}

FieldSpec fixed(int number, FieldFormat format, int length, TextEncoding encoding = TextEncoding::Ascii)
{
    return FieldSpec{number, format, LengthKind::Fixed, length, PadSide::Left, encoding};
}

} // namespace

qsizetype FieldSpec::prefixBytes() const
{
    switch (lengthKind) {
    case LengthKind::Fixed: return 0;
    case LengthKind::LL: return 1;
    case LengthKind::LLL: return 2;
    }
    return 0;
}

QString formatName(FieldFormat format)
{
    switch (format) {
    case FieldFormat::N: return QStringLiteral("n");
    case FieldFormat::Z: return QStringLiteral("z");
    case FieldFormat::An: return QStringLiteral("an");
    case FieldFormat::Ans: return QStringLiteral("ans");
    case FieldFormat::B: return QStringLiteral("b");
    }
    return QString();
}

QString describeSpec(const FieldSpec& spec)
{
    QString dots;
    if (spec.lengthKind == LengthKind::LL)
        dots = QStringLiteral("..");
    else if (spec.lengthKind == LengthKind::LLL)
        dots = QStringLiteral("...");
    return formatName(spec.format) + dots + QString::number(spec.maxLength);
}

bool isSensitiveField(int number)
{
    switch (number) {
    case IsoField::Pan:
    case IsoField::Track2:
    case IsoField::Track3:
    case IsoField::PinBlock:
    case IsoField::IcData:
    case IsoField::Reserved62: // work keys (under the TMK) in the 0810
        return true;
    default: return false;
    }
}

// acquirer-protocol.md §2. Project choices for the fields the reference leaves open [A]:
// - 56 ans...512 GBK (a sample acquirer sends Chinese text there), 58 ans...512, 59 b...512,
// - 62 b...512 (key blocks and private binary data), 63 ans...163 GBK,
// - z fields (35, 36) pad with nibble 0 (some acquirers use F: then change the table, not the codec),
// - 52 b64 (8 bytes) by default, 16 bytes for the SM4 profile (PinBlockSize).
FieldTable FieldTable::cupDefault(PinBlockSize pinBlock)
{
    FieldTable table;
    const auto N = FieldFormat::N;
    const auto Z = FieldFormat::Z;
    const auto An = FieldFormat::An;
    const auto Ans = FieldFormat::Ans;
    const auto B = FieldFormat::B;
    const auto LL = LengthKind::LL;
    const auto LLL = LengthKind::LLL;
    const auto Gbk = TextEncoding::Gbk;

    table.insert(variable(2, N, LL, 19));
    table.insert(fixedN(3, 6));
    table.insert(fixedN(4, 12));
    table.insert(fixedN(11, 6));
    table.insert(fixedN(12, 6));
    table.insert(fixedN(13, 4));
    table.insert(fixedN(14, 4));
    table.insert(fixedN(15, 4));
    table.insert(fixedN(22, 3, PadSide::Right)); // the CUP quirk: "021" -> 02 10
    table.insert(fixedN(23, 3, PadSide::Left));  // "001" -> 00 01
    table.insert(fixedN(25, 2));
    table.insert(fixedN(26, 2));
    table.insert(variable(32, N, LL, 11));
    table.insert(variable(35, Z, LL, 37));
    table.insert(variable(36, Z, LLL, 104));
    table.insert(fixed(37, An, 12));
    table.insert(fixed(38, An, 6));
    table.insert(fixed(39, An, 2));
    table.insert(fixed(41, Ans, 8));
    table.insert(fixed(42, Ans, 15));
    table.insert(fixed(43, Ans, 40, Gbk));
    table.insert(variable(44, Ans, LL, 25));
    table.insert(variable(48, N, LLL, 322));
    table.insert(fixed(49, An, 3));
    table.insert(fixed(52, B, static_cast<int>(pinBlock)));
    table.insert(fixedN(53, 16));
    table.insert(variable(54, An, LLL, 20));
    table.insert(variable(55, B, LLL, 255));
    table.insert(variable(56, Ans, LLL, 512, Gbk));
    table.insert(variable(58, Ans, LLL, 512));
    table.insert(variable(59, B, LLL, 512));
    table.insert(variable(60, N, LLL, 17));
    table.insert(variable(61, N, LLL, 29));
    table.insert(variable(62, B, LLL, 512));
    table.insert(variable(63, Ans, LLL, 163, Gbk));
    table.insert(fixed(64, B, 8));
    return table;
}

const FieldSpec* FieldTable::spec(int number) const
{
    if (number < 2 || number > 64)
        return nullptr;
    const auto& slot = m_specs[static_cast<size_t>(number)];
    return slot ? &*slot : nullptr;
}

void FieldTable::insert(const FieldSpec& spec)
{
    Q_ASSERT_X(spec.number >= 2 && spec.number <= 64, "FieldTable::insert", "field number outside 2..64");
    Q_ASSERT_X(spec.maxLength >= 1 && spec.maxLength <= maxPrefixValue(spec.lengthKind), "FieldTable::insert",
               "maxLength outside what the length prefix can express");
    if (spec.number < 2 || spec.number > 64)
        return;
    m_specs[static_cast<size_t>(spec.number)] = spec;
}

void FieldTable::remove(int number)
{
    if (number >= 2 && number <= 64)
        m_specs[static_cast<size_t>(number)].reset();
}

QList<int> FieldTable::numbers() const
{
    QList<int> result;
    for (int number = 2; number <= 64; ++number) {
        if (m_specs[static_cast<size_t>(number)])
            result.append(number);
    }
    return result;
}

} // namespace acquirer
} // namespace pos
