// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>

#include <deque>
#include <optional>
#include <variant>

// ESC/POS printer status (design/devices.md §1.1): the real-time DLE EOT queries and Automatic Status Back
// (GS a). Pure parsing, no I/O: the printer driver asks, feeds what the printer sends into StatusReader and
// acts on the result between jobs. Bit meanings follow Epson's published tables (TM-U220/TM-L90 manuals),
// which the Chinese 58/80 mm printers copy; bits a printer does not report read as "fine".
namespace pos {
namespace devices {

struct PrinterStatus
{
    bool offline = false;
    bool coverOpen = false;
    bool paperEnd = false;
    bool paperNearEnd = false;
    bool feedButton = false;     // paper being fed by the FEED button
    bool drawerPin3High = false; // drawer open or closed depending on the drawer's switch wiring
    bool cutterError = false;
    bool unrecoverableError = false;
    bool autoRecoverableError = false; // e.g. print head too hot; clears by itself
    bool mechanicalError = false;

    // Nothing stops printing a receipt now.
    bool canPrint() const
    {
        return !offline && !coverOpen && !paperEnd && !cutterError && !unrecoverableError && !mechanicalError;
    }
    bool operator==(const PrinterStatus&) const = default;
};

// DLE EOT n (n = 1 printer, 2 offline cause, 3 error cause, 4 roll paper sensor): the 3 bytes to send.
QByteArray dleEotQuery(int n);
// GS a n enabling ASB for drawer, online/offline, errors and paper (n = 0x0F), or disabling it (n = 0).
QByteArray asbEnable(bool enable);

// Applies one DLE EOT reply byte for query n to status. ProtocolViolation when the byte lacks the fixed bits
// of a DLE EOT reply (0xx1xx10) or n is not 1-4.
Result<void> applyDleEotReply(int n, quint8 reply, PrinterStatus& status);
// The 4 ASB bytes (first 0xx1xx00, the others 0xx0xxxx) as a whole status; ProtocolViolation otherwise.
Result<PrinterStatus> parseAsb(QByteArrayView fourBytes);

// Splits what a printer sends back into DLE EOT replies (matched, in order, to the queries the driver said it
// sent), ASB blocks and anything else (XON/XOFF, GS r/GS I replies, noise), which is dropped. Bounded:
// never holds more than 3 bytes of an incomplete ASB block.
class StatusReader
{
public:
    struct DleEotReply
    {
        int n = 0;
        quint8 byte = 0;
    };
    struct AsbBlock
    {
        PrinterStatus status;
    };
    struct Dropped
    {
        quint8 byte = 0;
    };
    using Item = std::variant<DleEotReply, AsbBlock, Dropped>;

    void expectDleEotReply(int n) { m_expected.push_back(n); }
    void feed(QByteArrayView bytes) { m_pending.append(bytes.data(), bytes.size()); }
    std::optional<Item> next();
    int awaitedReplies() const { return static_cast<int>(m_expected.size()); }

private:
    QByteArray m_pending;
    std::deque<int> m_expected;
};

} // namespace devices
} // namespace pos
