// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/printer/EscPosDecoder.h"

#include <QStringDecoder>

namespace pos {
namespace sim {
namespace {

using Status = EscPosSpan::Status;

// Data blocks larger than this are not a command any printer takes; the bytes count as unknown rather than
// making the emulator wait for gigabytes.
constexpr qsizetype maxDataBytes = 8 * 1024 * 1024;
// Function A barcodes end with NUL; no symbology takes more data than this.
constexpr qsizetype maxBarcodeAData = 255;
// ESC D: up to 32 tab positions and the NUL.
constexpr qsizetype maxTabBytes = 33;

constexpr char16_t cp437High[] = u"ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐"
                                 u"└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00A0";
static_assert(sizeof cp437High / sizeof cp437High[0] == 129, "128 characters and the terminator");

class Scanner
{
public:
    Scanner(QByteArrayView bytes, qsizetype offset) : m_bytes(bytes), m_offset(offset) {}

    EscPosSpan measure() const
    {
        const int first = at(0);
        if (first < 0)
            return incomplete();
        if (first >= 0x20) {
            qsizetype length = 1;
            while (at(length) >= 0x20)
                ++length;
            return {Status::Complete, length, nullptr};
        }
        switch (first) {
        case 0x0A: return fixed(1, "LF");
        case 0x0D: return fixed(1, "CR");
        case 0x09: return fixed(1, "HT");
        case 0x0C: return fixed(1, "FF");
        case 0x18: return fixed(1, "CAN");
        case 0x10: return dle();
        case 0x1B: return escape();
        case 0x1C: return fileSeparator();
        case 0x1D: return groupSeparator();
        default: return unknown();
        }
    }

private:
    int at(qsizetype index) const
    {
        const qsizetype position = m_offset + index;
        return position < m_bytes.size() ? static_cast<quint8>(m_bytes.at(position)) : -1;
    }
    qsizetype available() const { return m_bytes.size() - m_offset; }

    static EscPosSpan incomplete() { return {Status::Incomplete, 0, nullptr}; }
    static EscPosSpan unknown() { return {Status::Unknown, 0, nullptr}; }
    EscPosSpan fixed(qsizetype length, const char* mnemonic) const
    {
        if (length > maxDataBytes)
            return unknown();
        if (available() < length)
            return incomplete();
        return {Status::Complete, length, mnemonic};
    }

    EscPosSpan dle() const
    {
        switch (at(1)) {
        case -1: return incomplete();
        case 0x04: return fixed(3, "DLE EOT");
        case 0x05: return fixed(3, "DLE ENQ");
        case 0x14: {
            const int function = at(2);
            if (function < 0)
                return incomplete();
            return function == 1 || function == 2 ? fixed(5, "DLE DC4") : unknown();
        }
        default: return unknown();
        }
    }

    EscPosSpan escape() const
    {
        switch (at(1)) {
        case -1: return incomplete();
        case '@': return fixed(2, "ESC @");
        case '2': return fixed(2, "ESC 2");
        case 'i': return fixed(2, "ESC i");
        case 'm': return fixed(2, "ESC m");
        case '!': return fixed(3, "ESC !");
        case ' ': return fixed(3, "ESC SP");
        case '%': return fixed(3, "ESC %");
        case '-': return fixed(3, "ESC -");
        case '3': return fixed(3, "ESC 3");
        case '=': return fixed(3, "ESC =");
        case '?': return fixed(3, "ESC ?");
        case 'E': return fixed(3, "ESC E");
        case 'G': return fixed(3, "ESC G");
        case 'J': return fixed(3, "ESC J");
        case 'M': return fixed(3, "ESC M");
        case 'R': return fixed(3, "ESC R");
        case 'V': return fixed(3, "ESC V");
        case 'a': return fixed(3, "ESC a");
        case 'd': return fixed(3, "ESC d");
        case 'e': return fixed(3, "ESC e");
        case 't': return fixed(3, "ESC t");
        case '{': return fixed(3, "ESC {");
        case 'r': return fixed(3, "ESC r");
        case '$': return fixed(4, "ESC $");
        case 'B': return fixed(4, "ESC B");
        case 'p': return fixed(5, "ESC p");
        case 'c': {
            const int which = at(2);
            if (which < 0)
                return incomplete();
            return which >= '3' && which <= '5' ? fixed(4, "ESC c") : unknown();
        }
        case 'D': {
            for (qsizetype i = 2; i < 2 + maxTabBytes; ++i) {
                const int byte = at(i);
                if (byte < 0)
                    return incomplete();
                if (byte == 0)
                    return fixed(i + 1, "ESC D");
            }
            return unknown();
        }
        case '*': {
            const int mode = at(2);
            const int low = at(3);
            const int high = at(4);
            if (high < 0)
                return mode < 0 || mode == 0 || mode == 1 || mode == 32 || mode == 33 ? incomplete()
                                                                                      : unknown();
            if (mode != 0 && mode != 1 && mode != 32 && mode != 33)
                return unknown();
            const qsizetype columns = low + 256 * high;
            return fixed(5 + columns * (mode <= 1 ? 1 : 3), "ESC *");
        }
        default: return unknown();
        }
    }

    EscPosSpan fileSeparator() const
    {
        switch (at(1)) {
        case -1: return incomplete();
        case '&': return fixed(2, "FS &");
        case '.': return fixed(2, "FS .");
        case '!': return fixed(3, "FS !");
        case 'C': return fixed(3, "FS C");
        case 'W': return fixed(3, "FS W");
        case '-': return fixed(3, "FS -");
        case 'S': return fixed(4, "FS S");
        case 'p': return fixed(4, "FS p");
        default: return unknown();
        }
    }

    EscPosSpan groupSeparator() const
    {
        switch (at(1)) {
        case -1: return incomplete();
        case '!': return fixed(3, "GS !");
        case 'B': return fixed(3, "GS B");
        case 'H': return fixed(3, "GS H");
        case 'I': return fixed(3, "GS I");
        case 'a': return fixed(3, "GS a");
        case 'b': return fixed(3, "GS b");
        case 'f': return fixed(3, "GS f");
        case 'h': return fixed(3, "GS h");
        case 'r': return fixed(3, "GS r");
        case 'w': return fixed(3, "GS w");
        case '/': return fixed(3, "GS /");
        case '$': return fixed(4, "GS $");
        case 'L': return fixed(4, "GS L");
        case 'P': return fixed(4, "GS P");
        case 'W': return fixed(4, "GS W");
        case '\\': return fixed(4, "GS \\");
        case 'V': return cut();
        case 'k': return barcode();
        case '(': return functionBlock();
        case 'v': return rasterImage();
        case '8': return graphicsBlock();
        case '*': {
            const int x = at(2);
            const int y = at(3);
            if (y < 0)
                return incomplete();
            return fixed(4 + qsizetype(x) * y * 8, "GS *");
        }
        default: return unknown();
        }
    }

    EscPosSpan cut() const
    {
        const int mode = at(2);
        switch (mode) {
        case -1: return incomplete();
        case 0:
        case 1:
        case 48:
        case 49: return fixed(3, "GS V");
        case 65:
        case 66:
        case 97:
        case 98:
        case 103:
        case 104: return fixed(4, "GS V");
        default: return unknown();
        }
    }

    EscPosSpan barcode() const
    {
        const int type = at(2);
        if (type < 0)
            return incomplete();
        if (type <= 6) {
            for (qsizetype i = 3; i < 3 + maxBarcodeAData + 1; ++i) {
                const int byte = at(i);
                if (byte < 0)
                    return incomplete();
                if (byte == 0)
                    return fixed(i + 1, "GS k");
            }
            return unknown();
        }
        if (type < 65 || type > 79)
            return unknown();
        const int length = at(3);
        if (length < 0)
            return incomplete();
        return fixed(4 + length, "GS k");
    }

    EscPosSpan functionBlock() const
    {
        static constexpr struct
        {
            char letter;
            const char* mnemonic;
        } blocks[] = {{'k', "GS ( k"}, {'L', "GS ( L"}, {'A', "GS ( A"}, {'C', "GS ( C"}, {'E', "GS ( E"},
                      {'H', "GS ( H"}, {'K', "GS ( K"}, {'M', "GS ( M"}, {'N', "GS ( N"}};
        const int letter = at(2);
        if (letter < 0)
            return incomplete();
        for (const auto& block : blocks) {
            if (letter != block.letter)
                continue;
            const int low = at(3);
            const int high = at(4);
            if (high < 0)
                return incomplete();
            return fixed(5 + low + 256 * qsizetype(high), block.mnemonic);
        }
        return unknown();
    }

    EscPosSpan rasterImage() const
    {
        const int zero = at(2);
        if (zero < 0)
            return incomplete();
        if (zero != '0')
            return unknown();
        const int mode = at(3);
        if (mode >= 0 && !(mode <= 3 || (mode >= 48 && mode <= 51)))
            return unknown();
        if (available() < 8)
            return incomplete();
        const qsizetype widthBytes = at(4) + 256 * at(5);
        const qsizetype rows = at(6) + 256 * at(7);
        return fixed(8 + widthBytes * rows, "GS v 0");
    }

    EscPosSpan graphicsBlock() const
    {
        const int letter = at(2);
        if (letter < 0)
            return incomplete();
        if (letter != 'L')
            return unknown();
        if (available() < 7)
            return incomplete();
        const qsizetype length =
            at(3) + (qsizetype(at(4)) << 8) + (qsizetype(at(5)) << 16) + (qsizetype(at(6)) << 24);
        return fixed(7 + length, "GS 8 L");
    }

    QByteArrayView m_bytes;
    qsizetype m_offset;
};

// Where the fixed parameters start and how many there are; the rest of the command is data.
void splitCommand(EscPosItem& item)
{
    const QByteArray& b = item.bytes;
    const auto byteAt = [&b](qsizetype i) { return static_cast<quint8>(b.at(i)); };
    qsizetype prefix = b.size() == 1 ? 1 : 2;
    qsizetype parameterCount = b.size() - prefix;
    if (item.mnemonic == QLatin1String("ESC D")) {
        for (qsizetype i = prefix; i < b.size() - 1; ++i) // the tab positions, not the closing NUL
            item.parameters.append(byteAt(i));
        return;
    } else if (item.mnemonic == QLatin1String("ESC *")) {
        parameterCount = 3;
    } else if (item.mnemonic == QLatin1String("GS *")) {
        parameterCount = 2;
    } else if (item.mnemonic == QLatin1String("GS k")) {
        if (byteAt(2) <= 6) {
            parameterCount = 1;
            item.parameters = {byteAt(2)};
            item.data = b.mid(3, b.size() - 4);
            return;
        }
        parameterCount = 2;
    } else if (item.mnemonic.startsWith(QLatin1String("GS ("))) {
        prefix = 3;
        // pL pH cn fn, and m for the QR "store" function (cn 0x31, fn 0x50), whose data is the payload.
        const bool qrStore = b.at(2) == 'k' && b.size() >= 8 && byteAt(5) == 0x31 && byteAt(6) == 0x50;
        parameterCount = std::min<qsizetype>(b.size() - prefix, qrStore ? 5 : 4);
    } else if (item.mnemonic == QLatin1String("GS v 0")) {
        prefix = 3;
        parameterCount = 5;
    } else if (item.mnemonic == QLatin1String("GS 8 L")) {
        prefix = 3;
        parameterCount = 4;
    }
    for (qsizetype i = prefix; i < prefix + parameterCount; ++i)
        item.parameters.append(byteAt(i));
    item.data = b.mid(prefix + parameterCount);
}

QString hexOf(QByteArrayView bytes, qsizetype offset, qsizetype count)
{
    return QString::fromLatin1(
        bytes.sliced(offset, std::min(count, bytes.size() - offset)).toByteArray().toHex());
}

} // namespace

QChar cp437ToUnicode(quint8 byte)
{
    if (byte < 0x80)
        return QChar(char16_t(byte));
    return QChar(cp437High[byte - 0x80]);
}

EscPosSpan measureEscPos(QByteArrayView bytes, qsizetype offset)
{
    if (offset < 0 || offset >= bytes.size())
        return {Status::Incomplete, 0, nullptr};
    return Scanner(bytes, offset).measure();
}

EscPosDecoded decodeEscPos(QByteArrayView bytes)
{
    EscPosDecoded decoded;
    bool chinese = false;
    qsizetype offset = 0;
    while (offset < bytes.size()) {
        const EscPosSpan span = measureEscPos(bytes, offset);
        if (span.status == Status::Incomplete) {
            decoded.error = QStringLiteral("truncated command %1 at offset %2 (input ends at %3)")
                                .arg(hexOf(bytes, offset, 3))
                                .arg(offset)
                                .arg(bytes.size());
            decoded.errorOffset = offset;
            break;
        }
        if (span.status == Status::Unknown) {
            decoded.error =
                QStringLiteral("unknown command 0x%1 at offset %2").arg(hexOf(bytes, offset, 2)).arg(offset);
            decoded.errorOffset = offset;
            break;
        }
        EscPosItem item;
        item.bytes = bytes.sliced(offset, span.length).toByteArray();
        item.offset = offset;
        if (!span.mnemonic) {
            item.kind = EscPosItem::Kind::Text;
            item.chinese = chinese;
            if (chinese) {
                QStringDecoder decoder("GB18030", QStringConverter::Flag::Stateless);
                item.text = decoder.decode(item.bytes);
                if (decoder.hasError() || item.text.contains(QChar::ReplacementCharacter)) {
                    decoded.error =
                        QStringLiteral("invalid GB18030 text in the run at offset %1").arg(offset);
                    decoded.errorOffset = offset;
                    break;
                }
            } else {
                for (const char c : std::as_const(item.bytes)) {
                    if (static_cast<quint8>(c) != 0x7F) // DEL prints nothing
                        item.text += cp437ToUnicode(static_cast<quint8>(c));
                }
            }
        } else {
            item.kind = EscPosItem::Kind::Command;
            item.mnemonic = QString::fromLatin1(span.mnemonic);
            splitCommand(item);
            if (item.mnemonic == QLatin1String("FS &"))
                chinese = true;
            else if (item.mnemonic == QLatin1String("FS .") || item.mnemonic == QLatin1String("ESC @"))
                chinese = false;
        }
        decoded.items.append(std::move(item));
        offset += span.length;
    }
    return decoded;
}

QStringList EscPosDecoded::commandNames() const
{
    QStringList names;
    for (const EscPosItem& item : items) {
        if (item.kind == EscPosItem::Kind::Command)
            names.append(item.mnemonic);
    }
    return names;
}

int EscPosDecoded::count(QStringView mnemonic) const
{
    int n = 0;
    for (const EscPosItem& item : items)
        n += item.isCommand(mnemonic) ? 1 : 0;
    return n;
}

QStringList EscPosDecoded::lines() const
{
    QStringList result;
    QString line;
    bool pending = false;
    for (const EscPosItem& item : items) {
        if (item.kind == EscPosItem::Kind::Text) {
            line += item.text;
            pending = true;
        } else if (item.mnemonic == QLatin1String("LF")) {
            result.append(line);
            line.clear();
            pending = false;
        }
    }
    if (pending)
        result.append(line);
    return result;
}

} // namespace sim
} // namespace pos
