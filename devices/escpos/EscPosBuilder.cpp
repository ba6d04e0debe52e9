// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/escpos/EscPosBuilder.h"

#include <QStringEncoder>

#include <algorithm>

namespace pos {
namespace devices {

namespace {

constexpr char esc = 0x1B;
constexpr char gs = 0x1D;
constexpr char fs = 0x1C;
constexpr char lf = 0x0A;

char byteOf(int value)
{
    return static_cast<char>(static_cast<unsigned char>(value & 0xFF));
}

Failure invalid(const char* detail)
{
    return fail(
        ErrorCode::InvalidInput,
        QCoreApplication::translate("EscPosBuilder", "The receipt contains data the printer cannot print."),
        QString::fromLatin1(detail));
}

} // namespace

EscPosBuilder& EscPosBuilder::initialize()
{
    m_bytes.append(esc).append('@');
    return *this;
}

EscPosBuilder& EscPosBuilder::align(Alignment alignment)
{
    m_bytes.append(esc).append('a').append(static_cast<char>(alignment));
    return *this;
}

EscPosBuilder& EscPosBuilder::bold(bool on)
{
    m_bytes.append(esc).append('E').append(on ? '\x01' : '\x00');
    return *this;
}

EscPosBuilder& EscPosBuilder::underline(int dots)
{
    m_bytes.append(esc).append('-').append(byteOf(std::clamp(dots, 0, 2)));
    return *this;
}

EscPosBuilder& EscPosBuilder::characterSize(int width, int height)
{
    const int n = 16 * (std::clamp(width, 1, 8) - 1) + (std::clamp(height, 1, 8) - 1);
    m_bytes.append(gs).append('!').append(byteOf(n));
    return *this;
}

EscPosBuilder& EscPosBuilder::chineseMode(bool on)
{
    m_bytes.append(fs).append(on ? '&' : '.');
    return *this;
}

EscPosBuilder& EscPosBuilder::lineFeed()
{
    m_bytes.append(lf);
    return *this;
}

EscPosBuilder& EscPosBuilder::feedLines(int lines)
{
    m_bytes.append(esc).append('d').append(byteOf(std::clamp(lines, 0, 255)));
    return *this;
}

EscPosBuilder& EscPosBuilder::cut(Cut kind, int feed)
{
    m_bytes.append(gs)
        .append('V')
        .append(kind == Cut::Full ? 'A' : 'B')
        .append(byteOf(std::clamp(feed, 0, 255)));
    return *this;
}

EscPosBuilder& EscPosBuilder::drawerKick(int pin, int onMs, int offMs)
{
    m_bytes.append(esc)
        .append('p')
        .append(pin == 5 ? '\x01' : '\x00')
        .append(byteOf(std::clamp(onMs / 2, 1, 255)))
        .append(byteOf(std::clamp(offMs / 2, 1, 255)));
    return *this;
}

EscPosBuilder& EscPosBuilder::barcodeHeight(int dots)
{
    m_bytes.append(gs).append('h').append(byteOf(std::clamp(dots, 1, 255)));
    return *this;
}

EscPosBuilder& EscPosBuilder::barcodeModuleWidth(int dots)
{
    m_bytes.append(gs).append('w').append(byteOf(std::clamp(dots, 2, 6)));
    return *this;
}

EscPosBuilder& EscPosBuilder::barcodeHri(HriPosition position)
{
    m_bytes.append(gs).append('H').append(static_cast<char>(position));
    return *this;
}

EscPosBuilder& EscPosBuilder::raw(QByteArrayView bytes)
{
    m_bytes.append(bytes);
    return *this;
}

Result<void> EscPosBuilder::asciiText(QStringView text)
{
    QByteArray encoded;
    encoded.reserve(text.size());
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7E)
            return invalid("asciiText: character outside printable ASCII");
        encoded.append(static_cast<char>(c.unicode()));
    }
    m_bytes.append(encoded);
    return {};
}

Result<QByteArray> EscPosBuilder::encodeGb18030(QStringView text)
{
    QStringEncoder encoder("GB18030");
    if (!encoder.isValid())
        return fail(
            ErrorCode::Internal,
            QCoreApplication::translate("EscPosBuilder", "Chinese text cannot be encoded for the printer."),
            QStringLiteral("no GB18030 codec in this Qt build (ICU missing)"));
    // Qt's ICU converter silently substitutes unpaired surrogates, so they are rejected here.
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        else if (text.at(i).isSurrogate())
            return invalid("GB18030: text is not valid UTF-16");
    }
    QByteArray encoded = encoder.encode(text);
    if (encoder.hasError())
        return invalid("GB18030: text is not valid UTF-16");
    return encoded;
}

bool EscPosBuilder::isGb18030FourByte(char32_t codePoint)
{
    if (codePoint < 0x80)
        return false;
    char16_t units[2];
    qsizetype length = 1;
    if (QChar::requiresSurrogates(codePoint)) {
        units[0] = QChar::highSurrogate(codePoint);
        units[1] = QChar::lowSurrogate(codePoint);
        length = 2;
    } else {
        units[0] = static_cast<char16_t>(codePoint);
    }
    const Result<QByteArray> encoded = encodeGb18030(QStringView(units, length));
    return encoded && encoded.value().size() == 4;
}

Result<void> EscPosBuilder::chineseText(QStringView text)
{
    Result<QByteArray> encoded = encodeGb18030(text);
    if (!encoded)
        return Failure{encoded.error()};
    for (const char byte : encoded.value()) {
        if (static_cast<unsigned char>(byte) < 0x20)
            return invalid("chineseText: control character in text");
    }
    m_bytes.append(encoded.value());
    return {};
}

Result<void> EscPosBuilder::qrCode(QByteArrayView payload, int moduleSize, QrErrorCorrection errorCorrection)
{
    if (payload.isEmpty() || payload.size() > 7089)
        return invalid("qrCode: payload must be 1..7089 bytes");
    if (moduleSize < 1 || moduleSize > 16)
        return invalid("qrCode: module size must be 1..16");
    const qsizetype storeLength = payload.size() + 3;
    m_bytes.append("\x1D\x28\x6B\x04\x00\x31\x41\x32\x00", 9);                    // model 2
    m_bytes.append("\x1D\x28\x6B\x03\x00\x31\x43", 7).append(byteOf(moduleSize)); // module size
    m_bytes.append("\x1D\x28\x6B\x03\x00\x31\x45", 7).append(static_cast<char>(errorCorrection));
    m_bytes.append("\x1D\x28\x6B", 3)
        .append(byteOf(static_cast<int>(storeLength % 256)))
        .append(byteOf(static_cast<int>(storeLength / 256)))
        .append("\x31\x50\x30", 3)
        .append(payload);                                  // store
    m_bytes.append("\x1D\x28\x6B\x03\x00\x31\x51\x30", 8); // print
    return {};
}

Result<void> EscPosBuilder::barcode(BarcodeType type, QByteArrayView data)
{
    QByteArray encoded;
    char function = 0;
    if (type == BarcodeType::Code128) {
        function = 73;
        encoded = "{B";
        for (const char c : data) {
            if (c < 0x20 || c > 0x7E)
                return invalid("barcode: CODE128 data outside printable ASCII");
            encoded.append(c);
            if (c == '{')
                encoded.append('{');
        }
        if (data.isEmpty() || encoded.size() > 255)
            return invalid("barcode: CODE128 data must be 1..253 characters");
    } else {
        function = 67;
        if (data.size() != 12 && data.size() != 13)
            return invalid("barcode: EAN13 needs 12 or 13 digits");
        int sum = 0;
        for (qsizetype i = 0; i < data.size(); ++i) {
            if (data[i] < '0' || data[i] > '9')
                return invalid("barcode: EAN13 data must be digits");
            if (i < 12)
                sum += (data[i] - '0') * (i % 2 == 0 ? 1 : 3);
        }
        if (data.size() == 13 && data[12] - '0' != (10 - sum % 10) % 10)
            return invalid("barcode: EAN13 check digit is wrong");
        encoded = data.toByteArray();
    }
    m_bytes.append(gs)
        .append('k')
        .append(function)
        .append(byteOf(static_cast<int>(encoded.size())))
        .append(encoded);
    return {};
}

Result<void> EscPosBuilder::rasterImage(int width, int height, QByteArrayView rows, int bandRows)
{
    if (width < 1 || width > 65535 || height < 1 || bandRows < 1)
        return invalid("rasterImage: width, height and band rows must be positive");
    const int bytesPerRow = (width + 7) / 8;
    if (rows.size() != qsizetype(bytesPerRow) * height)
        return invalid("rasterImage: data size is not height * (width + 7) / 8");
    for (int first = 0; first < height; first += bandRows) {
        const int count = std::min(bandRows, height - first);
        m_bytes.append(gs).append('v').append('0').append('\x00');
        m_bytes.append(byteOf(bytesPerRow)).append(byteOf(bytesPerRow >> 8));
        m_bytes.append(byteOf(count)).append(byteOf(count >> 8));
        m_bytes.append(rows.sliced(qsizetype(first) * bytesPerRow, qsizetype(count) * bytesPerRow));
    }
    return {};
}

} // namespace devices
} // namespace pos
