// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

// The printer emulator's own ESC/POS decoder (grown from the golden tests' tokenizer; shares no code with
// devices/escpos). Knows every command docs/printing.md lists plus the common Epson set around it (ESC !,
// ESC M, ESC t, ESC 2/3, ESC D, ESC *, GS L, GS W, GS a, GS r, GS I, GS ( X, GS 8 L, DLE EOT/ENQ, FS ! ...).
// Text between FS & and FS . is decoded as GB18030; outside Chinese mode bytes 0x20-0x7E are ASCII and
// 0x80-0xFF code page 437 (ESC t is parsed but does not switch tables). ESC @ leaves Chinese mode.
// Pure functions, any input: never crashes, never reads past the input, bounded work per byte.
namespace pos {
namespace sim {

struct EscPosItem
{
    enum class Kind { Command, Text };

    Kind kind = Kind::Command;
    QString mnemonic;      // commands: "ESC @", "GS ( k", "GS v 0", "LF", ...; empty for text
    QByteArray bytes;      // the item exactly as received, including its data
    QList<int> parameters; // commands: the fixed parameter bytes after the mnemonic's own bytes (see .cpp)
    QByteArray data;       // commands: variable-length data (QR/barcode payload, raster rows); else empty
    QString text;          // text runs: the decoded characters
    bool chinese = false;  // text runs: decoded as GB18030 (Chinese mode); a character > U+007F is 2 cells
    qsizetype offset = 0;  // where the item starts in the input

    bool isCommand(QStringView name) const { return kind == Kind::Command && mnemonic == name; }
    // parameters[index], or fallback when the command has fewer.
    int parameter(qsizetype index, int fallback = -1) const { return parameters.value(index, fallback); }
};

struct EscPosDecoded
{
    QList<EscPosItem> items; // in input order; decoding stops at the first error
    QString error;           // empty when the whole input decoded; untranslated English, never the bytes
    qsizetype errorOffset = -1;

    bool ok() const { return error.isEmpty(); }
    QStringList commandNames() const;
    int count(QStringView mnemonic) const;
    // The text of every LF-terminated line (an unterminated last line too), as the golden tests read it.
    QStringList lines() const;
};

// Framing of one item at offset, without decoding it: what the emulator needs to find job boundaries in a
// stream that arrives in pieces. Text is a maximal run of bytes >= 0x20 (GB18030 never uses bytes below).
struct EscPosSpan
{
    enum class Status {
        Complete,   // length bytes form one item
        Incomplete, // the input ends inside the command (more bytes may complete it)
        Unknown,    // no command starts with these bytes; a printer skips the first byte
    };
    Status status = Status::Unknown;
    qsizetype length = 0;           // Complete: the item's length
    const char* mnemonic = nullptr; // Complete commands: the mnemonic; nullptr for text
};

EscPosSpan measureEscPos(QByteArrayView bytes, qsizetype offset);

EscPosDecoded decodeEscPos(QByteArrayView bytes);

// Code page 437 (0x80-0xFF) as used outside Chinese mode.
QChar cp437ToUnicode(quint8 byte);

} // namespace sim
} // namespace pos
