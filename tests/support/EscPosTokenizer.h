// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// An ESC/POS decoder written independently of devices/escpos (shares no code with the builder), used to
// re-parse driver output in tests. The printer emulator grew its own from it (simulators/printer/
// EscPosDecoder.h); tst_escpos_decoder checks the two agree on the golden receipts. Knows the commands of
// docs/printing.md; text between FS & and FS . is decoded as GB18030, outside as ASCII.
namespace pos {
namespace test {

struct EscPosCommand
{
    QString name;      // mnemonic: "ESC @", "ESC a", "GS !", "GS ( k", "GS v 0", "GS k", "FS &", "LF", ...
    QByteArray bytes;  // the whole command as received, including its data
    int argument = -1; // first parameter byte for one-parameter commands; QR function byte for GS ( k
};

struct EscPosStream
{
    QList<EscPosCommand> commands; // in order; text runs are not commands
    QStringList lines;             // decoded text of every LF-terminated line (a final unterminated one too)
    QString error;                 // empty when the whole input parsed

    QStringList commandNames() const;
    int count(const QString& name) const;
};

EscPosStream tokenizeEscPos(const QByteArray& bytes);

} // namespace test
} // namespace pos
