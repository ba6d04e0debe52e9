// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/pinpad/PinPadDriver.h"

#include "devices/DevicesLog.h"
#include "devices/transport/ByteTransport.h"

#include <QCoreApplication>
#include <QDateTime>

namespace pos {
namespace devices {
namespace {

struct PadText
{
    Q_DECLARE_TR_FUNCTIONS(pos::devices::PinPadDriver)
};

enum Command : quint8 {
    DeviceInfo = 0x30,
    LoadTmk = 0x31,
    LoadWorkKeys = 0x32,
    ReadCard = 0x33,
    GetPin = 0x34,
    Mac = 0x35,
    EncryptTrack = 0x36,
    Display = 0x37,
    Beep = 0x38,
    Cancel = 0x39,
};

bool isInteractive(quint8 command)
{
    return command == ReadCard || command == GetPin;
}

QString hexByte(quint8 value)
{
    return QStringLiteral("%1").arg(value, 2, 16, QLatin1Char('0'));
}

Error stateError(quint8 command, quint8 state)
{
    const QString detail =
        QStringLiteral("PIN pad command %1 answered state %2").arg(hexByte(command), hexByte(state));
    switch (state) {
    case 0x01: return {ErrorCode::InvalidInput, PadText::tr("The PIN pad refused the request."), detail};
    case 0x02:
        return {ErrorCode::ProtocolViolation, PadText::tr("The PIN pad does not know this command."), detail};
    case 0x03: return {ErrorCode::DeviceOffline, PadText::tr("The PIN pad is busy."), detail};
    case 0x04: return {ErrorCode::Timeout, PadText::tr("The customer did not act in time."), detail};
    case 0x05: return {ErrorCode::Cancelled, PadText::tr("Cancelled on the PIN pad."), detail};
    case 0x06:
        return {ErrorCode::ProtocolViolation,
                PadText::tr("The PIN pad's keys do not match: sign on again or reload the keys."), detail};
    case 0x07:
        return {ErrorCode::DeviceOffline, PadText::tr("The card could not be read. Try again."), detail};
    case 0x08:
        return {ErrorCode::DeviceOffline,
                PadText::tr("The PIN pad reports tampering and has erased its keys."), detail};
    default:
        return {ErrorCode::ProtocolViolation, PadText::tr("The PIN pad gave an unknown answer."), detail};
    }
}

Error missingItem(quint8 command, quint8 tag)
{
    return {ErrorCode::ProtocolViolation, PadText::tr("The PIN pad gave an incomplete answer."),
            QStringLiteral("PIN pad reply to %1 without tag %2").arg(hexByte(command), hexByte(tag))};
}

quint8 layoutCode(WorkKeyLayout layout)
{
    switch (layout) {
    case WorkKeyLayout::Des001: return 1;
    case WorkKeyLayout::TripleDes003: return 3;
    case WorkKeyLayout::TripleDesTrack004: return 4;
    case WorkKeyLayout::Sm4006: return 6;
    }
    return 3;
}

QByteArray bigEndian16(int value)
{
    return QByteArray{1, static_cast<char>(value & 0xFF)}.prepend(static_cast<char>((value >> 8) & 0xFF));
}

} // namespace

PinPadDriver::PinPadDriver(ByteTransport& transport, Config config, QObject* parent)
    : QObject(parent)
    , m_transport(transport)
    , m_config(config)
    , m_scheme(config.initialScheme)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &PinPadDriver::onTimeout);
    connect(&m_transport, &ByteTransport::bytesArrived, this, &PinPadDriver::onBytes);
    connect(&m_transport, &ByteTransport::lost, this, &PinPadDriver::onLost);
    connect(&m_transport, &ByteTransport::ready, this, &PinPadDriver::startNext);
}

PinPadDriver::~PinPadDriver() = default;

template <typename T>
void PinPadDriver::deliver(QObject* context, Completion<T> done, Result<T> result)
{
    Q_ASSERT(context);
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result = std::move(result)]() mutable { done(std::move(result)); },
        Qt::QueuedConnection);
}

void PinPadDriver::enqueue(quint8 command,
                           QList<PinPadItem> items,
                           int timeoutMs,
                           std::function<void(Result<Items>)> done)
{
    if (m_lost) {
        done(fail(ErrorCode::DeviceOffline, PadText::tr("The PIN pad is not connected."),
                  QStringLiteral("PIN pad transport %1 lost").arg(m_transport.deviceId())));
        return;
    }
    m_queue.push_back({command, encodePinPadItems(items), timeoutMs, std::move(done)});
    if (!m_current)
        startNext();
}

void PinPadDriver::startNext()
{
    if (m_current || m_queue.empty() || !m_transport.isUsable())
        return; // not connected yet: ready() starts it
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now < m_quietUntilMs) {
        QTimer::singleShot(static_cast<int>(m_quietUntilMs - now), this, &PinPadDriver::startNext);
        return;
    }
    m_current = std::move(m_queue.front());
    m_queue.pop_front();
    m_retransmissions = 0;
    writeFrame(encodePinPadFrame({m_current->command, 0x00, m_current->data}));
    m_timeout.start(m_current->timeoutMs);
}

void PinPadDriver::writeFrame(const QByteArray& frame)
{
    m_lastFrame = frame;
    if (!m_transport.write(frame))
        qCWarning(lcDevices).noquote() << "PIN pad" << m_transport.deviceId() << "write failed";
}

void PinPadDriver::onBytes(const QByteArray& bytes)
{
    m_reader.feed(bytes);
    while (std::optional<PinPadReadItem> item = m_reader.next()) {
        if (const auto* frame = std::get_if<PinPadFrame>(&*item)) {
            if (frame->isEvent())
                onEvent(*frame);
            else
                onFrame(*frame);
        } else if (std::holds_alternative<PinPadNakReceived>(*item)) {
            if (!m_current && !m_cancel)
                continue;
            if (++m_retransmissions > m_config.maxRetransmissions) {
                finishCurrent(fail(ErrorCode::ProtocolViolation,
                                   PadText::tr("The PIN pad connection is unreliable."),
                                   QStringLiteral("PIN pad NAKed %1 times").arg(m_retransmissions - 1)));
                continue;
            }
            (void)m_transport.write(m_lastFrame);
        } else {
            const auto& invalid = std::get<PinPadInvalidFrame>(*item);
            qCWarning(lcDevices).noquote()
                << "PIN pad" << m_transport.deviceId() << "invalid frame:" << invalid.detail;
            (void)m_transport.write(QByteArray(1, pinPadNak));
        }
    }
}

void PinPadDriver::onFrame(const PinPadFrame& frame)
{
    if (QDateTime::currentMSecsSinceEpoch() < m_quietUntilMs) {
        qCInfo(lcDevices).noquote() << "PIN pad late reply to" << hexByte(frame.command) << "dropped";
        return;
    }
    if (m_cancel && frame.command == Cancel) {
        Request cancel = std::move(*m_cancel);
        m_cancel.reset();
        cancel.done(frame.state == 0 ? Result<Items>(Items{})
                                     : Result<Items>(Failure{stateError(Cancel, frame.state)}));
        return;
    }
    if (!m_current || frame.command != m_current->command) {
        qCInfo(lcDevices).noquote() << "PIN pad unmatched reply to" << hexByte(frame.command) << "dropped";
        return;
    }
    if (frame.state != 0) {
        finishCurrent(Failure{stateError(frame.command, frame.state)});
        return;
    }
    Result<Items> items = decodePinPadItems(frame.data);
    finishCurrent(std::move(items));
}

void PinPadDriver::onEvent(const PinPadFrame& frame)
{
    const Result<Items> items = decodePinPadItems(frame.data);
    const Items values = items ? items.value() : Items{};
    const auto byteOf = [&values](quint8 tag) {
        return values.value(tag).isEmpty() ? 0 : static_cast<quint8>(values.value(tag).at(0));
    };
    switch (frame.command) {
    case 0x80: Q_EMIT keyPressed(byteOf(0x90), byteOf(0x91)); break;
    case 0x81: Q_EMIT cardInserted(byteOf(0x40)); break;
    case 0x82: Q_EMIT cardRemoved(); break;
    case 0x83: Q_EMIT tamperDetected(); break;
    default: qCInfo(lcDevices).noquote() << "PIN pad unknown event" << hexByte(frame.command);
    }
}

void PinPadDriver::onTimeout()
{
    if (!m_current)
        return;
    const quint8 command = m_current->command;
    finishCurrent(fail(ErrorCode::DeviceTimeout, PadText::tr("The PIN pad did not answer."),
                       QStringLiteral("PIN pad command %1 unanswered after %2 ms")
                           .arg(hexByte(command))
                           .arg(m_timeout.interval())));
    m_quietUntilMs = QDateTime::currentMSecsSinceEpoch() + m_config.quietAfterTimeoutMs;
    if (isInteractive(command))
        writeFrame(encodePinPadFrame({Cancel, 0x00, {}})); // stop the pad waiting for a card or a PIN
}

void PinPadDriver::onLost(const QString& reason)
{
    m_lost = true;
    m_timeout.stop();
    const Error error{ErrorCode::DeviceOffline, PadText::tr("The PIN pad was disconnected."),
                      QStringLiteral("PIN pad %1 lost: %2").arg(m_transport.deviceId(), reason)};
    std::deque<Request> waiting;
    if (m_current)
        waiting.push_back(std::move(*m_current));
    if (m_cancel)
        waiting.push_back(std::move(*m_cancel));
    m_current.reset();
    m_cancel.reset();
    for (Request& request : m_queue)
        waiting.push_back(std::move(request));
    m_queue.clear();
    for (Request& request : waiting)
        request.done(Failure{error});
    Q_EMIT disconnected(reason);
}

void PinPadDriver::finishCurrent(Result<Items> result)
{
    m_timeout.stop();
    if (!m_current)
        return;
    Request finished = std::move(*m_current);
    m_current.reset();
    finished.done(std::move(result));
    startNext();
}

// --- commands ---------------------------------------------------------------------------------------------

void PinPadDriver::deviceInfo(QObject* context, Completion<PinPadInfo> done)
{
    QPointer<QObject> guard(context);
    enqueue(DeviceInfo, {}, m_config.quickTimeoutMs, [guard, done](Result<Items> items) {
        if (!guard)
            return;
        if (!items) {
            deliver<PinPadInfo>(guard, done, Failure{items.error()});
            return;
        }
        const Items& v = items.value();
        if (!v.contains(0x02) || !v.contains(0x04)) {
            deliver<PinPadInfo>(guard, done,
                                Failure{missingItem(DeviceInfo, v.contains(0x02) ? 0x04 : 0x02)});
            return;
        }
        const quint8 status = v.value(0x06).isEmpty() ? 0 : static_cast<quint8>(v.value(0x06).at(0));
        PinPadInfo info{QString::fromUtf8(v.value(0x01)),
                        QString::fromUtf8(v.value(0x02)),
                        QString::fromUtf8(v.value(0x03)),
                        v.value(0x04),
                        QString::fromUtf8(v.value(0x05)),
                        (status & 0x01) != 0,
                        (status & 0x02) != 0,
                        (status & 0x04) != 0};
        deliver<PinPadInfo>(guard, done, std::move(info));
    });
}

void PinPadDriver::loadTmk(QByteArray wrappedTmk,
                           KeyScheme scheme,
                           QByteArray expectedKcv,
                           QObject* context,
                           Completion<QByteArray> done)
{
    QPointer<QObject> guard(context);
    const QByteArray schemeName =
        scheme == KeyScheme::Sm4 ? QByteArrayLiteral("sm4") : QByteArrayLiteral("3des");
    enqueue(LoadTmk, {{0x10, wrappedTmk}, {0x11, schemeName}, {0x12, expectedKcv}}, m_config.quickTimeoutMs,
            [this, guard, done, scheme](Result<Items> items) {
                if (!guard)
                    return;
                if (!items) {
                    deliver<QByteArray>(guard, done, Failure{items.error()});
                    return;
                }
                if (!items.value().contains(0x12)) {
                    deliver<QByteArray>(guard, done, Failure{missingItem(LoadTmk, 0x12)});
                    return;
                }
                m_scheme = scheme;
                deliver<QByteArray>(guard, done, items.value().value(0x12));
            });
}

void PinPadDriver::readCard(qint64 amountFen,
                            int timeoutSeconds,
                            quint8 entries,
                            const QString& prompt,
                            QObject* context,
                            Completion<CardRead> done)
{
    QPointer<QObject> guard(context);
    const int seconds = std::clamp(timeoutSeconds, 1, 255);
    enqueue(ReadCard,
            {{0x30, QByteArray::number(amountFen)},
             {0x31, QByteArray(1, static_cast<char>(seconds))},
             {0x32, QByteArray(1, static_cast<char>(entries))},
             {0x33, prompt.toUtf8()}},
            seconds * 1000 + m_config.interactionGraceMs, [guard, done](Result<Items> items) {
                if (!guard)
                    return;
                if (!items) {
                    deliver<CardRead>(guard, done, Failure{items.error()});
                    return;
                }
                const Items& v = items.value();
                for (quint8 tag : {quint8(0x40), quint8(0x41), quint8(0x42), quint8(0x44)}) {
                    if (!v.contains(tag) || v.value(tag).isEmpty()) {
                        deliver<CardRead>(guard, done, Failure{missingItem(ReadCard, tag)});
                        return;
                    }
                }
                CardRead read;
                const quint8 entry = static_cast<quint8>(v.value(0x40).at(0));
                read.entry = entry == 2   ? CardEntry::Chip
                             : entry == 3 ? CardEntry::Contactless
                                          : CardEntry::Magstripe;
                read.pan = QString::fromLatin1(v.value(0x41));
                read.panMasked = QString::fromLatin1(v.value(0x42));
                read.expiry = QString::fromLatin1(v.value(0x44));
                read.cardSequence = QString::fromLatin1(v.value(0x46));
                read.trackEncrypted = v.contains(0x43);
                read.track2 = read.trackEncrypted ? v.value(0x43) : v.value(0x48);
                read.icData = v.value(0x47);
                deliver<CardRead>(guard, done, std::move(read));
            });
}

void PinPadDriver::getPin(const QString& pan,
                          int minLength,
                          int maxLength,
                          int timeoutSeconds,
                          const QString& prompt,
                          QObject* context,
                          Completion<QByteArray> done)
{
    QPointer<QObject> guard(context);
    const int seconds = std::clamp(timeoutSeconds, 1, 255);
    enqueue(GetPin,
            {{0x50, pan.toLatin1()},
             {0x51, QByteArray(1, static_cast<char>(std::clamp(minLength, 0, 12)))},
             {0x52, QByteArray(1, static_cast<char>(std::clamp(maxLength, 4, 12)))},
             {0x53, QByteArray(1, static_cast<char>(seconds))},
             {0x54, prompt.toUtf8()}},
            seconds * 1000 + m_config.interactionGraceMs, [guard, done](Result<Items> items) {
                if (!guard)
                    return;
                if (!items) {
                    deliver<QByteArray>(guard, done, Failure{items.error()});
                    return;
                }
                if (items.value().value(0x56) == QByteArray(1, '\x01')) {
                    deliver<QByteArray>(guard, done, QByteArray());
                    return;
                }
                const QByteArray block = items.value().value(0x55);
                if (block.size() != 8 && block.size() != 16) {
                    deliver<QByteArray>(guard, done, Failure{missingItem(GetPin, 0x55)});
                    return;
                }
                deliver<QByteArray>(guard, done, block);
            });
}

void PinPadDriver::display(const QString& line1,
                           const QString& line2,
                           QObject* context,
                           Completion<void> done)
{
    QPointer<QObject> guard(context);
    enqueue(Display, {{0x80, line1.toUtf8()}, {0x81, line2.toUtf8()}}, m_config.quickTimeoutMs,
            [guard, done](Result<Items> items) {
                if (guard)
                    deliver<void>(guard, done, items ? Result<void>() : Result<void>(Failure{items.error()}));
            });
}

void PinPadDriver::beep(int count, int durationMs, QObject* context, Completion<void> done)
{
    QPointer<QObject> guard(context);
    enqueue(Beep,
            {{0x82, QByteArray(1, static_cast<char>(std::clamp(count, 1, 9)))},
             {0x83, bigEndian16(std::clamp(durationMs, 10, 5000))}},
            m_config.quickTimeoutMs, [guard, done](Result<Items> items) {
                if (guard)
                    deliver<void>(guard, done, items ? Result<void>() : Result<void>(Failure{items.error()}));
            });
}

void PinPadDriver::cancel(QObject* context, Completion<void> done)
{
    QPointer<QObject> guard(context);
    auto finished = [guard, done](Result<Items> items) {
        if (guard)
            deliver<void>(guard, done, items ? Result<void>() : Result<void>(Failure{items.error()}));
    };
    if (m_current && isInteractive(m_current->command) && !m_cancel && !m_lost) {
        // The one request allowed while another is outstanding (§1.2).
        m_cancel = Request{Cancel, {}, m_config.quickTimeoutMs, std::move(finished)};
        writeFrame(encodePinPadFrame({Cancel, 0x00, {}}));
        return;
    }
    enqueue(Cancel, {}, m_config.quickTimeoutMs, std::move(finished));
}

void PinPadDriver::installWorkKeys(WorkKeyLayout layout,
                                   QByteArray f62Block,
                                   QObject* context,
                                   Completion<WorkKeyCheck> done)
{
    QPointer<QObject> guard(context);
    enqueue(LoadWorkKeys, {{0x20, QByteArray(1, static_cast<char>(layoutCode(layout)))}, {0x21, f62Block}},
            m_config.quickTimeoutMs, [this, guard, done, layout](Result<Items> items) {
                if (!guard)
                    return;
                if (!items) {
                    deliver<WorkKeyCheck>(guard, done, Failure{items.error()});
                    return;
                }
                WorkKeyCheck check;
                check.layout = layout;
                const std::pair<quint8, WorkKeyRole> keys[] = {
                    {0x2A, WorkKeyRole::Pin}, {0x2B, WorkKeyRole::Mac}, {0x2C, WorkKeyRole::Track}};
                for (const auto& [tag, role] : keys) {
                    const QByteArray pair = items.value().value(tag);
                    if (pair.isEmpty())
                        continue;
                    if (pair.size() != 8) {
                        deliver<WorkKeyCheck>(guard, done, Failure{missingItem(LoadWorkKeys, tag)});
                        return;
                    }
                    check.keys.append({role, pair.left(4), pair.mid(4)});
                }
                if (check.keys.size() < 2 || !check.allMatch()) {
                    deliver<WorkKeyCheck>(
                        guard, done,
                        fail(ErrorCode::ProtocolViolation, PadText::tr("The PIN pad's keys do not match."),
                             QStringLiteral("work key check: %1 keys reported").arg(check.keys.size())));
                    return;
                }
                m_scheme = layout == WorkKeyLayout::Sm4006   ? KeyScheme::Sm4
                           : layout == WorkKeyLayout::Des001 ? KeyScheme::SingleDes
                                                             : KeyScheme::TripleDes;
                deliver<WorkKeyCheck>(guard, done, std::move(check));
            });
}

void PinPadDriver::computeMac(MacAlgorithm algorithm,
                              QByteArray macBlock,
                              QObject* context,
                              Completion<QByteArray> done)
{
    QPointer<QObject> guard(context);
    const quint8 code = algorithm == MacAlgorithm::AnsiX99    ? 2
                        : algorithm == MacAlgorithm::AnsiX919 ? 3
                        : m_scheme == KeyScheme::Sm4          ? 4
                                                              : 1;
    enqueue(Mac, {{0x60, QByteArray(1, static_cast<char>(code))}, {0x61, macBlock}}, m_config.quickTimeoutMs,
            [guard, done](Result<Items> items) {
                if (!guard)
                    return;
                if (!items) {
                    deliver<QByteArray>(guard, done, Failure{items.error()});
                    return;
                }
                const QByteArray mac = items.value().value(0x62);
                if (mac.size() != 8) {
                    deliver<QByteArray>(guard, done, Failure{missingItem(Mac, 0x62)});
                    return;
                }
                deliver<QByteArray>(guard, done, mac);
            });
}

void PinPadDriver::encryptTrack(QByteArray trackDigits, QObject* context, Completion<QByteArray> done)
{
    QPointer<QObject> guard(context);
    enqueue(EncryptTrack, {{0x70, trackDigits}}, m_config.quickTimeoutMs, [guard, done](Result<Items> items) {
        if (!guard)
            return;
        if (!items) {
            deliver<QByteArray>(guard, done, Failure{items.error()});
            return;
        }
        if (!items.value().contains(0x71)) {
            deliver<QByteArray>(guard, done, Failure{missingItem(EncryptTrack, 0x71)});
            return;
        }
        deliver<QByteArray>(guard, done, items.value().value(0x71));
    });
}

} // namespace devices
} // namespace pos
