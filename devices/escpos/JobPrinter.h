// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"
#include "devices/escpos/PrinterStatus.h"

#include <QByteArray>

#include <functional>

class QObject;

namespace pos {
namespace devices {

// What a finished print job reports.
struct PrintReport
{
    qint64 jobId = 0;
    int bytesSent = 0;
    PrinterStatus statusAfter; // as read after the job's bytes (all fine when not verified)
    bool verified = true;      // false: the printer does not answer DLE EOT (status verification off)
};

// Something that prints whole ESC/POS jobs: the print-job driver itself (ReceiptPrinter, called on its own
// thread) or the device hub (DeviceHub, called on the GUI thread, forwarding to the printer in use).
// Error semantics are ReceiptPrinter::print's: DeviceOffline/DeviceTimeout = nothing reached the printer,
// OutcomeUnknown = sent but possibly incomplete. done runs exactly once, queued to context's thread, never
// synchronously, not at all when context is destroyed first.
class JobPrinter
{
public:
    template <typename T>
    using Completion = std::function<void(Result<T>)>;

    virtual ~JobPrinter() = default;
    virtual void print(qint64 jobId, QByteArray escpos, QObject* context, Completion<PrintReport> done) = 0;
};

} // namespace devices
} // namespace pos
