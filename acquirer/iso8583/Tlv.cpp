// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/iso8583/Tlv.h"

#include "acquirer/iso8583/CodecErrors.h"

namespace pos {
namespace acquirer {
namespace {

constexpr int maxTagBytes = 4;

unsigned char byteAt(QByteArrayView data, qsizetype index)
{
    return static_cast<unsigned char>(data[index]);
}

// The tag's bytes, or empty when tag is not a well-formed BER tag.
QByteArray tagBytes(quint32 tag)
{
    QByteArray bytes;
    for (quint32 rest = tag; rest != 0; rest >>= 8)
        bytes.prepend(static_cast<char>(rest & 0xFF));
    if (bytes.isEmpty() || byteAt(bytes, 0) == 0xFF)
        return {};
    const bool multiByte = (byteAt(bytes, 0) & 0x1F) == 0x1F;
    if (!multiByte)
        return bytes.size() == 1 ? bytes : QByteArray();
    if (bytes.size() < 2)
        return {};
    for (qsizetype index = 1; index < bytes.size(); ++index) {
        const bool more = (byteAt(bytes, index) & 0x80) != 0;
        if (more != (index + 1 < bytes.size()))
            return {};
    }
    return bytes;
}

Result<QList<TlvElement>>
decodeLevel(QByteArrayView data, const TlvDecodeOptions& options, qsizetype baseOffset, int depth)
{
    QList<TlvElement> elements;
    qsizetype pos = 0;
    while (pos < data.size()) {
        const qsizetype start = pos;
        const unsigned char first = byteAt(data, pos);
        if (first == 0x00 || first == 0xFF) {
            return malformedMessage(
                QStringLiteral("TLV at offset %1: byte %2 is not a tag (padding is not accepted)")
                    .arg(start + baseOffset)
                    .arg(hexForDetail(data.sliced(pos, 1))));
        }
        TlvElement element;
        element.tag = first;
        ++pos;
        if ((first & 0x1F) == 0x1F) {
            int tagSize = 1;
            while (true) {
                if (pos >= data.size()) {
                    return malformedMessage(QStringLiteral("TLV at offset %1: tag truncated after %2 bytes")
                                                .arg(start + baseOffset)
                                                .arg(tagSize));
                }
                const unsigned char next = byteAt(data, pos++);
                if (++tagSize > maxTagBytes) {
                    return malformedMessage(QStringLiteral("TLV at offset %1: tag longer than %2 bytes")
                                                .arg(start + baseOffset)
                                                .arg(maxTagBytes));
                }
                element.tag = (element.tag << 8) | next;
                if ((next & 0x80) == 0)
                    break;
            }
        }
        const QString tag = tlvTagHex(element.tag);

        if (pos >= data.size()) {
            return malformedMessage(
                QStringLiteral("TLV %1 at offset %2: length truncated").arg(tag).arg(pos + baseOffset));
        }
        const unsigned char lengthByte = byteAt(data, pos);
        qsizetype length = 0;
        qsizetype lengthSize = 1;
        if (lengthByte < 0x80) {
            length = lengthByte;
            element.lengthForm = TlvLengthForm::Short;
        } else if (lengthByte == 0x81 || lengthByte == 0x82) {
            lengthSize = lengthByte == 0x81 ? 2 : 3;
            if (data.size() - pos < lengthSize) {
                return malformedMessage(QStringLiteral("TLV %1 at offset %2: long-form length truncated")
                                            .arg(tag)
                                            .arg(pos + baseOffset));
            }
            for (qsizetype index = 1; index < lengthSize; ++index)
                length = (length << 8) | byteAt(data, pos + index);
            element.lengthForm = lengthByte == 0x81 ? TlvLengthForm::LongOne : TlvLengthForm::LongTwo;
        } else {
            return malformedMessage(QStringLiteral("TLV %1 at offset %2: length byte %3 is %4")
                                        .arg(tag)
                                        .arg(pos + baseOffset)
                                        .arg(hexForDetail(data.sliced(pos, 1)),
                                             lengthByte == 0x80
                                                 ? QStringLiteral("indefinite (not allowed)")
                                                 : QStringLiteral("an unsupported long form")));
        }
        pos += lengthSize;

        if (data.size() - pos < length) {
            return malformedMessage(
                QStringLiteral("TLV %1 at offset %2: value of %3 bytes runs past the end (%4 left)")
                    .arg(tag)
                    .arg(pos + baseOffset)
                    .arg(length)
                    .arg(data.size() - pos));
        }
        element.value = data.sliced(pos, length).toByteArray();
        if (options.recurseIntoConstructed && element.isConstructed() && length > 0) {
            if (depth >= options.maxDepth) {
                return malformedMessage(QStringLiteral("TLV %1 at offset %2: nested deeper than %3 levels")
                                            .arg(tag)
                                            .arg(start + baseOffset)
                                            .arg(options.maxDepth));
            }
            Result<QList<TlvElement>> children =
                decodeLevel(element.value, options, baseOffset + pos, depth + 1);
            if (!children)
                return children;
            element.children = std::move(children).value();
        }
        pos += length;
        elements.append(std::move(element));
    }
    return elements;
}

Result<void> appendElement(const TlvElement& element, QByteArray& out)
{
    const QByteArray tag = tagBytes(element.tag);
    if (tag.isEmpty()) {
        return unencodableMessage(
            QStringLiteral("TLV tag %1 is not a well-formed BER tag").arg(tlvTagHex(element.tag)));
    }
    QByteArray value = element.value;
    if (!element.children.isEmpty()) {
        Result<QByteArray> children = encodeTlv(element.children);
        if (!children)
            return Failure{children.error()};
        value = std::move(children).value();
    }
    const qsizetype length = value.size();
    if (length > 0xFFFF) {
        return unencodableMessage(
            QStringLiteral("TLV %1: value of %2 bytes is too long").arg(tlvTagHex(element.tag)).arg(length));
    }
    out.append(tag);
    if (length < 0x80 && element.lengthForm == TlvLengthForm::Short) {
        out.append(static_cast<char>(length));
    } else if (length <= 0xFF && element.lengthForm != TlvLengthForm::LongTwo) {
        out.append(static_cast<char>(0x81));
        out.append(static_cast<char>(length));
    } else {
        out.append(static_cast<char>(0x82));
        out.append(static_cast<char>((length >> 8) & 0xFF));
        out.append(static_cast<char>(length & 0xFF));
    }
    out.append(value);
    return {};
}

} // namespace

bool TlvElement::isConstructed() const
{
    const QByteArray bytes = tagBytes(tag);
    return !bytes.isEmpty() && (byteAt(bytes, 0) & 0x20) != 0;
}

Result<QList<TlvElement>> decodeTlv(QByteArrayView data, TlvDecodeOptions options, qsizetype baseOffset)
{
    return decodeLevel(data, options, baseOffset, 0);
}

Result<QByteArray> encodeTlv(const QList<TlvElement>& elements)
{
    QByteArray out;
    for (const TlvElement& element : elements) {
        if (const Result<void> appended = appendElement(element, out); !appended)
            return Failure{appended.error()};
    }
    return out;
}

QString tlvTagHex(quint32 tag)
{
    QByteArray bytes;
    for (quint32 rest = tag; rest != 0; rest >>= 8)
        bytes.prepend(static_cast<char>(rest & 0xFF));
    if (bytes.isEmpty())
        bytes.append('\0');
    return QString::fromLatin1(bytes.toHex().toUpper());
}

Result<quint32> tlvTagFromHex(QStringView hex)
{
    const QByteArray bytes = QByteArray::fromHex(hex.toLatin1());
    const bool isHex = hex.size() % 2 == 0 && bytes.size() * 2 == hex.size() &&
                       QString::fromLatin1(bytes.toHex()).compare(hex, Qt::CaseInsensitive) == 0;
    if (!isHex || bytes.isEmpty() || bytes.size() > maxTagBytes)
        return unencodableMessage(QStringLiteral("'%1' is not a TLV tag").arg(hex));
    quint32 tag = 0;
    for (const char byte : bytes)
        tag = (tag << 8) | static_cast<unsigned char>(byte);
    if (tagBytes(tag) != bytes)
        return unencodableMessage(QStringLiteral("'%1' is not a well-formed BER tag").arg(hex));
    return tag;
}

const TlvElement* findTlv(const QList<TlvElement>& elements, quint32 tag)
{
    for (const TlvElement& element : elements) {
        if (element.tag == tag)
            return &element;
    }
    return nullptr;
}

} // namespace acquirer
} // namespace pos
