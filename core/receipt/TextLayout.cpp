// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "core/receipt/TextLayout.h"

#include <QChar>
#include <QList>

#include <algorithm>
#include <iterator>

namespace pos {
namespace receipt {

namespace {

struct CodePointRange
{
    char32_t first;
    char32_t last;
};

// East_Asian_Width W and F ranges, condensed from Unicode's EastAsianWidth.txt (UAX #11, Unicode 15.0,
// https://www.unicode.org/Public/15.0.0/ucd/EastAsianWidth.txt). Only the major blocks a Chinese receipt
// can meet are listed; unassigned gaps inside a block are counted wide, which is harmless for printing.
// Sorted by first code point (binary search).
constexpr CodePointRange wideRanges[] = {
    {0x1100, 0x115F},   // Hangul Jamo leading consonants
    {0x231A, 0x231B},   // watch, hourglass
    {0x2329, 0x232A},   // angle brackets
    {0x23E9, 0x23EC},   // media symbols
    {0x23F0, 0x23F0},   // alarm clock
    {0x23F3, 0x23F3},   // hourglass
    {0x25FD, 0x25FE},   // medium small squares
    {0x2614, 0x2615},   // umbrella, hot beverage
    {0x2648, 0x2653},   // zodiac
    {0x26A1, 0x26A1},   // high voltage
    {0x26AA, 0x26AB},   // circles
    {0x2705, 0x2705},   // check mark button
    {0x274C, 0x274C},   // cross mark
    {0x2B50, 0x2B50},   // star
    {0x2E80, 0x303E},   // CJK radicals, Kangxi radicals, ideographic description, CJK symbols and punctuation
    {0x3041, 0x33FF},   // Hiragana, Katakana, Bopomofo, Hangul compatibility jamo, Kanbun, enclosed CJK
    {0x3400, 0x4DBF},   // CJK unified ideographs extension A
    {0x4E00, 0x9FFF},   // CJK unified ideographs
    {0xA000, 0xA4CF},   // Yi syllables and radicals
    {0xA960, 0xA97F},   // Hangul Jamo extended-A
    {0xAC00, 0xD7A3},   // Hangul syllables
    {0xF900, 0xFAFF},   // CJK compatibility ideographs
    {0xFE10, 0xFE19},   // vertical forms
    {0xFE30, 0xFE6F},   // CJK compatibility forms, small form variants
    {0xFF00, 0xFF60},   // fullwidth ASCII variants and brackets (F)
    {0xFFE0, 0xFFE6},   // fullwidth signs (F)
    {0x16FE0, 0x16FE4}, // ideographic symbols
    {0x17000, 0x18AFF}, // Tangut
    {0x1B000, 0x1B2FF}, // kana supplement and extensions
    {0x1F300, 0x1F64F}, // pictographs and emoticons (most are W)
    {0x1F900, 0x1F9FF}, // supplemental symbols and pictographs
    {0x20000, 0x2FFFD}, // CJK extensions B-F, compatibility supplement
    {0x30000, 0x3FFFD}, // CJK extensions G-H
};

bool isWide(char32_t codePoint)
{
    const auto* end = std::end(wideRanges);
    const auto* it =
        std::upper_bound(std::begin(wideRanges), end, codePoint,
                         [](char32_t value, const CodePointRange& range) { return value < range.first; });
    if (it == std::begin(wideRanges))
        return false;
    --it;
    return codePoint <= it->last;
}

// One printed character: a base code point with the zero-width code points that follow it.
struct Cluster
{
    QString text;
    int width = 0;
    bool isSpace() const { return text == QLatin1String(" "); }
    bool isNewline() const { return text == QLatin1String("\n"); }
};

QList<Cluster> clusters(QStringView text)
{
    QList<Cluster> result;
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype start = i;
        char32_t codePoint = text.at(i).unicode();
        if (QChar::isHighSurrogate(codePoint) && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            codePoint = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            ++i;
        }
        ++i;
        const int width = codePoint == U'\n' ? 0 : displayWidth(codePoint);
        if (width == 0 && codePoint != U'\n' && !result.isEmpty() && !result.last().isNewline()) {
            result.last().text += text.mid(start, i - start);
            continue;
        }
        result.append(Cluster{text.mid(start, i - start).toString(), width});
    }
    return result;
}

QString joined(const QList<Cluster>& line)
{
    QString result;
    for (const Cluster& cluster : line)
        result += cluster.text;
    return result;
}

int widthOf(const QList<Cluster>& line)
{
    int width = 0;
    for (const Cluster& cluster : line)
        width += cluster.width;
    return width;
}

void dropTrailingSpaces(QList<Cluster>& line)
{
    while (!line.isEmpty() && line.last().isSpace())
        line.removeLast();
}

} // namespace

int columnsFor(PaperProfile paper)
{
    switch (paper) {
    case PaperProfile::Paper58mm32: return 32;
    case PaperProfile::Paper80mm48: return 48;
    case PaperProfile::Paper80mm42: return 42;
    }
    return 32;
}

int displayWidth(char32_t codePoint)
{
    if (codePoint < 0x20 || (codePoint >= 0x7F && codePoint < 0xA0))
        return 0;
    if (codePoint < 0x300)
        return 1;
    if (codePoint >= 0x1160 && codePoint <= 0x11FF) // Hangul medial vowels and final consonants join
        return 0;
    switch (QChar::category(codePoint)) {
    case QChar::Mark_NonSpacing:
    case QChar::Mark_Enclosing:
    case QChar::Other_Format: return 0;
    default: break;
    }
    return isWide(codePoint) ? 2 : 1;
}

int displayWidth(QStringView text)
{
    int width = 0;
    for (const char32_t codePoint : text.toUcs4())
        width += displayWidth(codePoint);
    return width;
}

QString truncateToWidth(QStringView text, int columns)
{
    QString result;
    int width = 0;
    for (const Cluster& cluster : clusters(text)) {
        if (cluster.isNewline() || width + cluster.width > columns)
            break;
        width += cluster.width;
        result += cluster.text;
    }
    return result;
}

QStringList wrapToWidth(QStringView text, int columns)
{
    columns = std::max(columns, 2);
    QStringList lines;
    QList<Cluster> line;
    int width = 0;
    bool continuation = false;
    for (const Cluster& cluster : clusters(text)) {
        if (cluster.isNewline()) {
            dropTrailingSpaces(line);
            lines.append(joined(line));
            line.clear();
            width = 0;
            continuation = false;
            continue;
        }
        if (continuation && line.isEmpty() && cluster.isSpace())
            continue; // a wrapped line does not start with the space it was broken at
        if (width + cluster.width > columns) {
            QList<Cluster> carry;
            qsizetype lastSpace = -1;
            for (qsizetype i = line.size() - 1; i > 0; --i) {
                if (line.at(i).isSpace()) {
                    lastSpace = i;
                    break;
                }
            }
            if (!cluster.isSpace() && lastSpace > 0) {
                carry = line.mid(lastSpace + 1);
                line.resize(lastSpace);
            }
            dropTrailingSpaces(line);
            lines.append(joined(line));
            line = carry;
            width = widthOf(line);
            continuation = true;
            if (cluster.isSpace())
                continue;
        }
        line.append(cluster);
        width += cluster.width;
    }
    if (!line.isEmpty() || lines.isEmpty() || !continuation) {
        dropTrailingSpaces(line);
        lines.append(joined(line));
    }
    return lines;
}

QString centred(QStringView text, int columns)
{
    const int free = columns - displayWidth(text);
    if (free <= 0)
        return text.toString();
    return QString(free / 2, QLatin1Char(' ')) + text;
}

QString rightAligned(QStringView text, int columns)
{
    const int free = columns - displayWidth(text);
    if (free <= 0)
        return text.toString();
    return QString(free, QLatin1Char(' ')) + text;
}

QStringList twoColumns(QStringView label, QStringView amount, int columns, bool truncate)
{
    const int amountWidth = displayWidth(amount);
    const int labelColumns = columns - amountWidth - 1;
    QStringList lines;
    if (labelColumns < 2) {
        lines.append(rightAligned(amount, columns));
        if (!label.isEmpty())
            lines += truncate ? QStringList{truncateToWidth(label, columns)} : wrapToWidth(label, columns);
        return lines;
    }
    const QStringList labelLines =
        truncate ? QStringList{truncateToWidth(label, labelColumns)} : wrapToWidth(label, labelColumns);
    QString first = labelLines.value(0);
    first += QString(columns - amountWidth - displayWidth(first), QLatin1Char(' '));
    lines.append(first + amount);
    // The first wrapped line is a prefix of the label; the remainder uses the full width.
    const QStringView remainder = label.mid(labelLines.value(0).size()).trimmed();
    if (!truncate && !remainder.isEmpty())
        lines += wrapToWidth(remainder, columns);
    return lines;
}

} // namespace receipt
} // namespace pos
