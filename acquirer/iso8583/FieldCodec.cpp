// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/iso8583/FieldCodec.h"

#include "acquirer/iso8583/CodecErrors.h"

namespace pos {
namespace acquirer {
namespace {

QString lengthPrefixName(const FieldSpec& spec)
{
    return spec.lengthKind == LengthKind::LL ? QStringLiteral("LL") : QStringLiteral("LLL");
}

// n: 0-9. z: any nibble (0-9, D for the track '=', and A-F inside a track encrypted with the TDK, §6.5).
bool isDigitNibble(const FieldSpec& spec, int nibble)
{
    return nibble <= 9 || spec.format == FieldFormat::Z;
}

// The stored form of a nibble: '0'-'9', and upper-case 'A'-'F' (z only). Lower case is refused so that
// every value has exactly one wire form and decode(encode(m)) == m.
bool isDigitCharacter(const FieldSpec& spec, char c)
{
    return (c >= '0' && c <= '9') || (spec.format == FieldFormat::Z && c >= 'A' && c <= 'F');
}

char digitCharacter(int nibble)
{
    return static_cast<char>(nibble <= 9 ? '0' + nibble : 'A' + (nibble - 10));
}

int nibbleOfDigit(char c)
{
    return c <= '9' ? c - '0' : c - 'A' + 10;
}

int nibbleAt(QByteArrayView bytes, qsizetype index)
{
    const auto byte = static_cast<unsigned char>(bytes[index / 2]);
    return index % 2 == 0 ? byte >> 4 : byte & 0x0F;
}

// " 0xA" for details, or nothing for sensitive fields (even a single nibble of a PAN is not shown).
QString nibbleForDetail(const FieldSpec& spec, int nibble)
{
    if (isSensitiveField(spec.number))
        return QString();
    return QString(QStringLiteral(" 0x") + QString::number(nibble, 16).toUpper());
}

// Unpacks `length` digits from content (contentBytes(length) bytes); fieldOffset is the absolute offset of
// content[0] for error details.
Result<QByteArray>
unpackDigits(const FieldSpec& spec, QByteArrayView content, qsizetype length, qsizetype fieldOffset)
{
    const qsizetype nibbles = content.size() * 2;
    const qsizetype padIndex = length % 2 == 0 ? -1 : (spec.padSide == PadSide::Left ? 0 : nibbles - 1);
    QByteArray digits;
    digits.reserve(length);
    for (qsizetype index = 0; index < nibbles; ++index) {
        const int nibble = nibbleAt(content, index);
        const qsizetype offset = fieldOffset + index / 2;
        if (index == padIndex) {
            if (nibble != 0) {
                return malformedMessage(QStringLiteral("field %1 at offset %2: pad nibble%3 is not 0")
                                            .arg(spec.number)
                                            .arg(offset)
                                            .arg(nibbleForDetail(spec, nibble)));
            }
            continue;
        }
        if (!isDigitNibble(spec, nibble)) {
            return malformedMessage(
                QStringLiteral("field %1 at offset %2: nibble%3 of digit %4 is not a valid %5 digit")
                    .arg(spec.number)
                    .arg(offset)
                    .arg(nibbleForDetail(spec, nibble))
                    .arg(digits.size() + 1)
                    .arg(formatName(spec.format)));
        }
        digits.append(digitCharacter(nibble));
    }
    return digits;
}

// Appends digits (already validated) as packed BCD, with the pad nibble on spec.padSide for odd counts.
void packDigits(const FieldSpec& spec, QByteArrayView digits, QByteArray& out)
{
    const bool padFirst = digits.size() % 2 != 0 && spec.padSide == PadSide::Left;
    const qsizetype nibbles = digits.size() + (digits.size() % 2);
    for (qsizetype index = 0; index < nibbles; index += 2) {
        // Nibble n of the padded sequence is digit n - padFirst; out of range = the pad nibble 0.
        const qsizetype high = index - (padFirst ? 1 : 0);
        const qsizetype low = high + 1;
        const int highNibble = high >= 0 && high < digits.size() ? nibbleOfDigit(digits[high]) : 0;
        const int lowNibble = low >= 0 && low < digits.size() ? nibbleOfDigit(digits[low]) : 0;
        out.append(static_cast<char>((highNibble << 4) | lowNibble));
    }
}

bool isGbkLead(unsigned char byte)
{
    return byte >= 0x81 && byte <= 0xFE;
}

bool isGbkTrail(unsigned char byte)
{
    return (byte >= 0x40 && byte <= 0x7E) || (byte >= 0x80 && byte <= 0xFE);
}

bool isValidText(const FieldSpec& spec, QByteArrayView bytes, qsizetype* badIndex)
{
    if (spec.format == FieldFormat::Ans && spec.encoding == TextEncoding::Gbk)
        return isGbkText(bytes, badIndex);
    return isPrintableAscii(bytes, badIndex);
}

QString textRuleName(const FieldSpec& spec)
{
    return spec.format == FieldFormat::Ans && spec.encoding == TextEncoding::Gbk
               ? QStringLiteral("printable ASCII or GBK")
               : QStringLiteral("printable ASCII");
}

} // namespace

int bcdValue(QByteArrayView bytes)
{
    Q_ASSERT(bytes.size() <= 4);
    int value = 0;
    for (qsizetype index = 0; index < bytes.size() * 2; ++index) {
        const int nibble = nibbleAt(bytes, index);
        if (nibble > 9)
            return -1;
        value = value * 10 + nibble;
    }
    return value;
}

QByteArray bcdFromValue(int value, qsizetype byteCount)
{
    Q_ASSERT(value >= 0);
    QByteArray bytes(byteCount, '\0');
    for (qsizetype index = byteCount - 1; index >= 0; --index) {
        const int low = value % 10;
        value /= 10;
        const int high = value % 10;
        value /= 10;
        bytes[index] = static_cast<char>((high << 4) | low);
    }
    Q_ASSERT_X(value == 0, "bcdFromValue", "value does not fit");
    return bytes;
}

bool isPrintableAscii(QByteArrayView bytes, qsizetype* badIndex)
{
    for (qsizetype index = 0; index < bytes.size(); ++index) {
        const auto byte = static_cast<unsigned char>(bytes[index]);
        if (byte < 0x20 || byte > 0x7E) {
            if (badIndex)
                *badIndex = index;
            return false;
        }
    }
    return true;
}

bool isGbkText(QByteArrayView bytes, qsizetype* badIndex)
{
    for (qsizetype index = 0; index < bytes.size(); ++index) {
        const auto byte = static_cast<unsigned char>(bytes[index]);
        if (byte >= 0x20 && byte <= 0x7E)
            continue;
        if (isGbkLead(byte) && index + 1 < bytes.size() &&
            isGbkTrail(static_cast<unsigned char>(bytes[index + 1]))) {
            ++index;
            continue;
        }
        if (badIndex)
            *badIndex = index;
        return false;
    }
    return true;
}

Result<QByteArray>
decodeField(const FieldSpec& spec, QByteArrayView data, qsizetype& pos, qsizetype baseOffset)
{
    Q_ASSERT(pos >= 0 && pos <= data.size());
    qsizetype length = spec.maxLength;
    if (spec.isVariable()) {
        const qsizetype prefixSize = spec.prefixBytes();
        if (data.size() - pos < prefixSize) {
            return malformedMessage(
                QStringLiteral("field %1 at offset %2: %3 length prefix truncated (%4 of %5 bytes)")
                    .arg(spec.number)
                    .arg(pos + baseOffset)
                    .arg(lengthPrefixName(spec))
                    .arg(data.size() - pos)
                    .arg(prefixSize));
        }
        const QByteArrayView prefix = data.sliced(pos, prefixSize);
        const int value = bcdValue(prefix);
        if (value < 0) {
            return malformedMessage(QStringLiteral("field %1 at offset %2: %3 %4 is not BCD")
                                        .arg(spec.number)
                                        .arg(pos + baseOffset)
                                        .arg(lengthPrefixName(spec), hexForDetail(prefix)));
        }
        if (value > spec.maxLength) {
            return malformedMessage(QStringLiteral("field %1 at offset %2: %3 %4 exceeds max %5")
                                        .arg(spec.number)
                                        .arg(pos + baseOffset)
                                        .arg(lengthPrefixName(spec), hexForDetail(prefix))
                                        .arg(spec.maxLength));
        }
        length = value;
        pos += prefixSize;
    }

    const qsizetype wireSize = spec.contentBytes(length);
    if (data.size() - pos < wireSize) {
        return malformedMessage(QStringLiteral("field %1 at offset %2: %3 needs %4 bytes, %5 left")
                                    .arg(spec.number)
                                    .arg(pos + baseOffset)
                                    .arg(describeSpec(spec))
                                    .arg(wireSize)
                                    .arg(data.size() - pos));
    }
    const QByteArrayView content = data.sliced(pos, wireSize);
    const qsizetype contentOffset = pos + baseOffset;

    if (spec.countsDigits()) {
        Result<QByteArray> digits = unpackDigits(spec, content, length, contentOffset);
        if (digits)
            pos += wireSize;
        return digits;
    }
    if (spec.isText()) {
        qsizetype badIndex = 0;
        if (!isValidText(spec, content, &badIndex)) {
            const QString byte = isSensitiveField(spec.number)
                                     ? QString()
                                     : QString(QLatin1Char(' ') + hexForDetail(content.sliced(badIndex, 1)));
            return malformedMessage(QStringLiteral("field %1 at offset %2: byte%3 is not %4")
                                        .arg(spec.number)
                                        .arg(contentOffset + badIndex)
                                        .arg(byte, textRuleName(spec)));
        }
    }
    pos += wireSize;
    return content.toByteArray();
}

Result<void> encodeField(const FieldSpec& spec, QByteArrayView value, QByteArray& out)
{
    // Built only on failure: encoding is on the hot path of every message.
    const auto what = [&spec] {
        return QStringLiteral("field %1 (%2)").arg(spec.number).arg(describeSpec(spec));
    };
    const auto unit = [&spec] {
        return spec.countsDigits() ? QStringLiteral("digits") : QStringLiteral("bytes");
    };

    if (spec.countsDigits()) {
        for (qsizetype index = 0; index < value.size(); ++index) {
            if (!isDigitCharacter(spec, value[index])) {
                return unencodableMessage(QStringLiteral("%1: character %2 is not a %3 digit")
                                              .arg(what())
                                              .arg(index + 1)
                                              .arg(formatName(spec.format)));
            }
        }
    } else if (spec.isText()) {
        qsizetype badIndex = 0;
        if (!isValidText(spec, value, &badIndex)) {
            return unencodableMessage(QStringLiteral("%1: byte %2 is not %3")
                                          .arg(what())
                                          .arg(badIndex + 1)
                                          .arg(textRuleName(spec)));
        }
    }

    const qsizetype spacePadding = !spec.isVariable() && spec.isText() && value.size() < spec.maxLength
                                       ? spec.maxLength - value.size()
                                       : 0;
    if (!spec.isVariable() && value.size() + spacePadding != spec.maxLength) {
        return unencodableMessage(QStringLiteral("%1: %2 %3, the field takes exactly %4")
                                      .arg(what())
                                      .arg(value.size())
                                      .arg(unit())
                                      .arg(spec.maxLength));
    }
    if (spec.isVariable() && value.size() > spec.maxLength) {
        return unencodableMessage(QStringLiteral("%1: %2 %3 exceed the maximum %4")
                                      .arg(what())
                                      .arg(value.size())
                                      .arg(unit())
                                      .arg(spec.maxLength));
    }

    if (spec.isVariable())
        out.append(bcdFromValue(static_cast<int>(value.size()), spec.prefixBytes()));
    if (spec.countsDigits()) {
        packDigits(spec, value, out);
    } else {
        out.append(value);
        if (spacePadding > 0)
            out.append(QByteArray(spacePadding, ' '));
    }
    return {};
}

} // namespace acquirer
} // namespace pos
