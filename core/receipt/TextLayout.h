// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

// Receipt text layout measured in display columns of a receipt printer's Font A: ASCII = 1 column, East Asian
// Wide/Fullwidth characters (CJK ideographs, kana, Hangul, fullwidth forms, CJK punctuation) = 2, combining
// marks and zero-width characters = 0, East Asian Ambiguous = 1 (these printers print them narrow).
// All functions are pure and thread-safe; "columns" is always the width available to the text, so a caller
// printing in double width passes half the paper's columns.
namespace pos {
namespace receipt {

// Column counts of the supported paper profiles (Font A): 58 mm = 384 dots / 12 = 32, 80 mm = 576 dots / 12
// = 48, 80 mm printers with 512 dots = 42.
enum class PaperProfile { Paper58mm32, Paper80mm48, Paper80mm42 };
int columnsFor(PaperProfile paper);

int displayWidth(char32_t codePoint);
int displayWidth(QStringView text);

// The longest prefix of text whose width is <= columns; never ends inside a surrogate pair or before a
// combining mark that belongs to its last character.
QString truncateToWidth(QStringView text, int columns);

// Wraps text into lines of at most columns display columns (columns >= 2). Breaks after the last space that
// fits when there is one in the line, otherwise between characters; a double-width character is never split
// across the margin. Explicit '\n' starts a new line; trailing spaces of a wrapped line are dropped. An
// empty text yields one empty line.
QStringList wrapToWidth(QStringView text, int columns);

// text padded on the left so that it appears centred (extra column on the right) / right-aligned within
// columns; text wider than columns is returned unchanged.
QString centred(QStringView text, int columns);
QString rightAligned(QStringView text, int columns);

// Label left, amount right, every line exactly columns wide except that continuation lines carry no
// trailing spaces. The amount sits on the first line and always ends at the right margin; at least one space
// separates label and amount. truncate = true cuts the label to one line; otherwise the label wraps and
// continuation lines use the full width. An amount wider than columns - 2 is printed alone on the first
// line, right-aligned, and the label follows on the next lines.
QStringList twoColumns(QStringView label, QStringView amount, int columns, bool truncate = false);

} // namespace receipt
} // namespace pos
