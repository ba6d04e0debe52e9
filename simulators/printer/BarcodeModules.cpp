// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/printer/BarcodeModules.h"

#include <qrencode.h>

#include <memory>

namespace pos {
namespace sim {
namespace {

// Bar/space widths of CODE128 symbols 0-106 (ISO/IEC 15417 table; 106 is the stop with its final bar).
constexpr const char* code128Widths[] = {
    "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
    "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
    "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
    "212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
    "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
    "231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
    "314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
    "112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
    "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
    "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
    "114131", "311141", "411131", "211412", "211214", "211232", "2331112"};
static_assert(sizeof code128Widths / sizeof code128Widths[0] == 107);

constexpr int startA = 103;
constexpr int stop = 106;

void appendWidths(QList<bool>& modules, const char* widths)
{
    bool black = true;
    for (const char* w = widths; *w; ++w) {
        for (int i = 0; i < *w - '0'; ++i)
            modules.append(black);
        black = !black;
    }
}

enum class CodeSet { A, B, C };

// The symbol value of byte c in set A or B; -1 when the set cannot carry it.
int valueIn(CodeSet set, int c)
{
    if (set == CodeSet::B)
        return c >= 32 && c <= 127 ? c - 32 : -1;
    if (c < 32)
        return c + 64;
    return c <= 95 ? c - 32 : -1;
}

// L-code (odd parity) digit patterns; G codes are the reversed R codes, R codes the complement of L codes.
constexpr const char* eanL[] = {"0001101", "0011001", "0010011", "0111101", "0100011",
                                "0110001", "0101111", "0111011", "0110111", "0001011"};
constexpr const char* eanParity[] = {"LLLLLL", "LLGLGG", "LLGGLG", "LLGGGL", "LGLLGG",
                                     "LGGLLG", "LGGGLL", "LGLGLG", "LGLGGL", "LGGLGL"};

void appendBits(QList<bool>& modules, const char* bits)
{
    for (const char* b = bits; *b; ++b)
        modules.append(*b == '1');
}

void appendEanDigit(QList<bool>& modules, int digit, char encoding)
{
    const char* l = eanL[digit];
    for (int i = 0; i < 7; ++i) {
        if (encoding == 'L')
            modules.append(l[i] == '1');
        else if (encoding == 'R')
            modules.append(l[i] == '0');
        else // G: R read backwards
            modules.append(l[6 - i] == '0');
    }
}

} // namespace

std::optional<BarcodeSymbol> code128Symbol(QByteArrayView data)
{
    if (data.size() < 2 || data.at(0) != '{' || data.at(1) < 'A' || data.at(1) > 'C')
        return std::nullopt;
    CodeSet set = static_cast<CodeSet>(data.at(1) - 'A');
    QList<int> values{startA + (data.at(1) - 'A')};
    BarcodeSymbol symbol;
    for (qsizetype i = 2; i < data.size(); ++i) {
        const int c = static_cast<quint8>(data.at(i));
        if (c == '{' && set != CodeSet::C) {
            if (++i >= data.size())
                return std::nullopt;
            const char next = data.at(i);
            if (next == '{') {
                values.append(valueIn(set, '{'));
                symbol.humanReadable += QLatin1Char('{');
            } else if (next >= 'A' && next <= 'C') {
                const CodeSet target = static_cast<CodeSet>(next - 'A');
                if (target != set)
                    values.append(target == CodeSet::A ? 101 : target == CodeSet::B ? 100 : 99);
                set = target;
            } else if (next == 'S') {
                values.append(98);
            } else if (next >= '1' && next <= '4') {
                static constexpr int fnc[] = {102, 97, 96, 0};
                values.append(next == '4' ? (set == CodeSet::A ? 101 : 100) : fnc[next - '1']);
            } else {
                return std::nullopt;
            }
            continue;
        }
        if (set == CodeSet::C) {
            if (c == '{' && i + 1 < data.size() && (data.at(i + 1) == 'A' || data.at(i + 1) == 'B')) {
                values.append(data.at(i + 1) == 'A' ? 101 : 100);
                set = data.at(i + 1) == 'A' ? CodeSet::A : CodeSet::B;
                ++i;
                continue;
            }
            if (c > 99)
                return std::nullopt;
            values.append(c);
            symbol.humanReadable += QStringLiteral("%1").arg(c, 2, 10, QLatin1Char('0'));
            continue;
        }
        const int value = valueIn(set, c);
        if (value < 0)
            return std::nullopt;
        values.append(value);
        symbol.humanReadable += c >= 32 && c < 127 ? QChar(c) : QChar(u' ');
    }
    if (values.size() < 2)
        return std::nullopt;
    int checksum = values.front();
    for (qsizetype i = 1; i < values.size(); ++i)
        checksum += values.at(i) * static_cast<int>(i);
    values.append(checksum % 103);
    values.append(stop);
    for (const int value : std::as_const(values))
        appendWidths(symbol.modules, code128Widths[value]);
    return symbol;
}

std::optional<BarcodeSymbol> ean13Symbol(QByteArrayView digits)
{
    if (digits.size() != 12 && digits.size() != 13)
        return std::nullopt;
    int d[13] = {};
    for (qsizetype i = 0; i < digits.size(); ++i) {
        if (digits.at(i) < '0' || digits.at(i) > '9')
            return std::nullopt;
        d[i] = digits.at(i) - '0';
    }
    if (digits.size() == 12) {
        int sum = 0;
        for (int i = 0; i < 12; ++i)
            sum += d[i] * (i % 2 == 0 ? 1 : 3);
        d[12] = (10 - sum % 10) % 10;
    }
    BarcodeSymbol symbol;
    for (const int digit : d)
        symbol.humanReadable += QChar(u'0' + digit);
    appendBits(symbol.modules, "101");
    for (int i = 1; i <= 6; ++i)
        appendEanDigit(symbol.modules, d[i], eanParity[d[0]][i - 1]);
    appendBits(symbol.modules, "01010");
    for (int i = 7; i <= 12; ++i)
        appendEanDigit(symbol.modules, d[i], 'R');
    appendBits(symbol.modules, "101");
    return symbol;
}

std::optional<QrMatrix> qrMatrix(QByteArrayView data, int eccByte)
{
    if (data.isEmpty() || data.size() > 7089)
        return std::nullopt;
    QRecLevel level = QR_ECLEVEL_M;
    switch (eccByte) {
    case 48: level = QR_ECLEVEL_L; break;
    case 50: level = QR_ECLEVEL_Q; break;
    case 51: level = QR_ECLEVEL_H; break;
    default: break;
    }
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeData(static_cast<int>(data.size()), reinterpret_cast<const unsigned char*>(data.data()),
                          0, level),
        &QRcode_free);
    if (!code)
        return std::nullopt;
    QrMatrix matrix;
    matrix.size = code->width;
    matrix.modules.reserve(qsizetype(code->width) * code->width);
    for (int i = 0; i < code->width * code->width; ++i)
        matrix.modules.append(code->data[i] & 1);
    return matrix;
}

} // namespace sim
} // namespace pos
