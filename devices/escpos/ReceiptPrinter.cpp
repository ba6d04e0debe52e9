// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/escpos/ReceiptPrinter.h"

#include "devices/DevicesLog.h"
#include "devices/transport/ByteTransport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QPointer>

namespace pos {
namespace devices {
namespace {

class PrinterText
{
    Q_DECLARE_TR_FUNCTIONS(pos::devices::ReceiptPrinter)
};

constexpr int statusQueries[] = {1, 2, 3, 4};

QByteArray fullStatusQuery()
{
    QByteArray query;
    for (const int n : statusQueries)
        query += dleEotQuery(n);
    return query;
}

// Why a printer that answered cannot print, for the cashier.
QString refusalReason(const PrinterStatus& status)
{
    if (status.coverOpen)
        return PrinterText::tr("The printer cover is open. Close it and print again.");
    if (status.paperEnd)
        return PrinterText::tr("The printer is out of paper. Load a new roll and print again.");
    if (status.cutterError)
        return PrinterText::tr("The printer's cutter is jammed. Clear it and print again.");
    if (status.unrecoverableError || status.mechanicalError)
        return PrinterText::tr("The printer reports an error. Switch it off and on, then print again.");
    return PrinterText::tr("The printer is offline. Check it and print again.");
}

QString statusDetail(const PrinterStatus& status)
{
    QStringList flags;
    const std::pair<bool, const char*> named[] = {{status.offline, "offline"},
                                                  {status.coverOpen, "cover-open"},
                                                  {status.paperEnd, "paper-end"},
                                                  {status.paperNearEnd, "paper-near-end"},
                                                  {status.cutterError, "cutter-error"},
                                                  {status.unrecoverableError, "unrecoverable-error"},
                                                  {status.mechanicalError, "mechanical-error"}};
    for (const auto& [set, name] : named) {
        if (set)
            flags << QLatin1String(name);
    }
    return flags.isEmpty() ? QStringLiteral("ready") : flags.join(QLatin1Char(','));
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

QString ReceiptPrinter::problem(const PrinterStatus& status)
{
    return status.canPrint() ? QString() : refusalReason(status);
}

QString ReceiptPrinter::paperWarning(const PrinterStatus& status)
{
    return status.paperNearEnd && !status.paperEnd ? PrinterText::tr("The paper roll is nearly used up.")
                                                   : QString();
}

ReceiptPrinter::ReceiptPrinter(ByteTransport& transport, Config config, QObject* parent)
    : QObject(parent)
    , m_transport(transport)
    , m_config(config)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ReceiptPrinter::onTimeout);
    connect(&m_transport, &ByteTransport::bytesArrived, this, &ReceiptPrinter::onBytes);
    connect(&m_transport, &ByteTransport::lost, this, &ReceiptPrinter::onLost);
    connect(&m_transport, &ByteTransport::ready, this, [this] {
        if (m_config.automaticStatusBack)
            m_transport.write(asbEnable(true));
        startNext();
    });
}

ReceiptPrinter::~ReceiptPrinter()
{
    m_lost = true;
    if (m_phase == Phase::Printing) {
        finishCurrent(fail(ErrorCode::OutcomeUnknown,
                           PrinterText::tr("The printer was disconnected while printing, so the receipt may "
                                           "be missing or incomplete."),
                           QStringLiteral("printer driver closed while printing")));
    }
    while (!m_queue.empty()) {
        m_phase = Phase::Idle;
        finishCurrent(fail(ErrorCode::DeviceOffline, PrinterText::tr("The receipt printer is not connected."),
                           QStringLiteral("printer driver closed")));
    }
}

void ReceiptPrinter::queryStatus(QObject* context, Completion<PrinterStatus> done)
{
    Q_ASSERT(context);
    QPointer<QObject> guard(context);
    Operation operation;
    operation.finish = [guard, done = std::move(done)](Result<PrintReport> report) {
        if (!guard)
            return;
        Result<PrinterStatus> status = report ? Result<PrinterStatus>(report.value().statusAfter)
                                              : Result<PrinterStatus>(Failure{report.error()});
        QMetaObject::invokeMethod(
            guard.data(), [done, status = std::move(status)]() mutable { done(std::move(status)); },
            Qt::QueuedConnection);
    };
    m_queue.push_back(std::move(operation));
    if (m_phase == Phase::Idle)
        QMetaObject::invokeMethod(this, &ReceiptPrinter::startNext, Qt::QueuedConnection);
}

void ReceiptPrinter::print(qint64 jobId, QByteArray escpos, QObject* context, Completion<PrintReport> done)
{
    Q_ASSERT(context);
    QPointer<QObject> guard(context);
    Operation operation;
    operation.jobId = qMax<qint64>(0, jobId);
    operation.bytes = std::move(escpos);
    operation.finish = [guard, done = std::move(done)](Result<PrintReport> report) {
        if (!guard)
            return;
        QMetaObject::invokeMethod(
            guard.data(), [done, report = std::move(report)]() mutable { done(std::move(report)); },
            Qt::QueuedConnection);
    };
    m_queue.push_back(std::move(operation));
    if (m_phase == Phase::Idle)
        QMetaObject::invokeMethod(this, &ReceiptPrinter::startNext, Qt::QueuedConnection);
}

void ReceiptPrinter::startNext()
{
    if (m_phase != Phase::Idle || m_queue.empty())
        return;
    if (m_lost) {
        finishCurrent(fail(ErrorCode::DeviceOffline, PrinterText::tr("The receipt printer is not connected."),
                           QStringLiteral("printer transport lost")));
        return;
    }
    if (!m_transport.isUsable())
        return; // ready() starts it
    const Operation& operation = m_queue.front();
    if (!m_config.verifyStatus) {
        if (operation.jobId < 0) {
            finishCurrent(fail(ErrorCode::DeviceOffline,
                               PrinterText::tr("This printer does not report its status."),
                               QStringLiteral("status verification is off")));
            return;
        }
        m_transport.write(operation.bytes);
        PrintReport report;
        report.jobId = operation.jobId;
        report.bytesSent = int(operation.bytes.size());
        report.verified = false;
        finishCurrent(report);
        return;
    }
    m_phase = Phase::PreCheck;
    sendStatusQuery({}, m_config.statusTimeoutMs);
}

void ReceiptPrinter::sendStatusQuery(const QByteArray& before, int timeoutMs)
{
    m_reading = PrinterStatus{};
    for (const int n : statusQueries)
        m_reader.expectDleEotReply(n);
    m_transport.write(before + fullStatusQuery());
    m_timer.start(timeoutMs);
}

void ReceiptPrinter::onBytes(const QByteArray& bytes)
{
    if (nowMs() < m_quietUntilMs) {
        qCDebug(lcDevices) << "printer: dropped" << bytes.size() << "bytes after a timeout";
        return;
    }
    m_reader.feed(bytes);
    while (const std::optional<StatusReader::Item> item = m_reader.next()) {
        if (const auto* reply = std::get_if<StatusReader::DleEotReply>(&*item)) {
            if (const Result<> applied = applyDleEotReply(reply->n, reply->byte, m_reading); !applied) {
                qCWarning(lcDevices).noquote() << "printer: bad status reply:" << applied.error().detail;
                continue;
            }
            if (m_reader.awaitedReplies() == 0 && m_phase != Phase::Idle)
                onStatusComplete();
        } else if (const auto* block = std::get_if<StatusReader::AsbBlock>(&*item)) {
            updateStatus(block->status);
        }
    }
}

void ReceiptPrinter::onStatusComplete()
{
    m_timer.stop();
    updateStatus(m_reading);
    Operation& operation = m_queue.front();
    PrintReport report;
    report.jobId = operation.jobId;
    report.statusAfter = m_status;
    if (m_phase == Phase::PreCheck) {
        if (operation.jobId < 0) {
            finishCurrent(report);
            return;
        }
        if (!m_status.canPrint()) {
            qCInfo(lcDevices).noquote()
                << "printer: job" << operation.jobId << "not sent:" << statusDetail(m_status);
            finishCurrent(fail(ErrorCode::DeviceOffline, refusalReason(m_status),
                               QStringLiteral("job %1 not sent, printer %2")
                                   .arg(operation.jobId)
                                   .arg(statusDetail(m_status))));
            return;
        }
        m_phase = Phase::Printing;
        const qint64 lineMs = qint64(operation.bytes.size()) * 1000 / qMax(1, m_config.minimumBytesPerSecond);
        sendStatusQuery(operation.bytes, int(qMin<qint64>(m_config.statusTimeoutMs + lineMs, 600000)));
        return;
    }
    report.bytesSent = int(operation.bytes.size());
    if (!m_status.canPrint()) {
        qCWarning(lcDevices).noquote()
            << "printer: job" << operation.jobId << "may be incomplete:" << statusDetail(m_status);
        finishCurrent(fail(ErrorCode::OutcomeUnknown,
                           PrinterText::tr("The printer stopped while printing, so the receipt may be "
                                           "incomplete. %1")
                               .arg(refusalReason(m_status)),
                           QStringLiteral("job %1 sent, printer %2 afterwards")
                               .arg(operation.jobId)
                               .arg(statusDetail(m_status))));
        return;
    }
    finishCurrent(report);
}

void ReceiptPrinter::onTimeout()
{
    if (m_phase == Phase::Idle || m_queue.empty())
        return;
    const bool sent = m_phase == Phase::Printing;
    const qint64 jobId = m_queue.front().jobId;
    m_reader = StatusReader{};
    m_quietUntilMs = nowMs() + m_config.quietAfterTimeoutMs;
    qCWarning(lcDevices).noquote() << "printer: no status answer" << (sent ? "after job" : "before job")
                                   << jobId;
    if (sent) {
        finishCurrent(fail(ErrorCode::OutcomeUnknown,
                           PrinterText::tr("The printer stopped answering while printing, so the receipt "
                                           "may be missing or incomplete."),
                           QStringLiteral("job %1 sent, no status answer afterwards").arg(jobId)));
    } else {
        finishCurrent(
            fail(ErrorCode::DeviceTimeout,
                 PrinterText::tr("The receipt printer does not answer. Check that it is switched on "
                                 "and connected."),
                 QStringLiteral("no answer to DLE EOT")));
    }
}

void ReceiptPrinter::onLost(const QString& reason)
{
    if (m_lost)
        return;
    m_lost = true;
    m_timer.stop();
    qCWarning(lcDevices).noquote() << "printer: connection lost:" << reason;
    if (m_phase == Phase::Printing) {
        finishCurrent(fail(ErrorCode::OutcomeUnknown,
                           PrinterText::tr("The printer was disconnected while printing, so the receipt may "
                                           "be missing or incomplete."),
                           QStringLiteral("transport lost while printing: %1").arg(reason)));
    }
    while (!m_queue.empty()) {
        m_phase = Phase::Idle;
        finishCurrent(fail(ErrorCode::DeviceOffline, PrinterText::tr("The receipt printer is not connected."),
                           QStringLiteral("transport lost: %1").arg(reason)));
    }
    Q_EMIT disconnected(reason);
}

void ReceiptPrinter::finishCurrent(Result<PrintReport> result)
{
    m_phase = Phase::Idle;
    if (m_queue.empty())
        return;
    Operation operation = std::move(m_queue.front());
    m_queue.pop_front();
    operation.finish(std::move(result));
    if (!m_lost && !m_queue.empty())
        QMetaObject::invokeMethod(this, &ReceiptPrinter::startNext, Qt::QueuedConnection);
}

void ReceiptPrinter::updateStatus(const PrinterStatus& status)
{
    const bool changed = !(status == m_status);
    m_status = status;
    if (changed)
        Q_EMIT statusChanged(m_status);
}

} // namespace devices
} // namespace pos
