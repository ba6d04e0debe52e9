// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/escpos/PrinterStatus.h"

#include <QCoreApplication>

namespace pos {
namespace devices {
namespace {

struct StatusText
{
    Q_DECLARE_TR_FUNCTIONS(pos::devices::PrinterStatus)
};

constexpr quint8 xon = 0x11;
constexpr quint8 xoff = 0x13;

bool bit(quint8 value, int index)
{
    return (value >> index) & 1;
}
bool isDleEotReply(quint8 value)
{
    return (value & 0x93) == 0x12; // 0xx1xx10
}
bool isAsbFirst(quint8 value)
{
    return (value & 0x93) == 0x10; // 0xx1xx00
}
bool isAsbFollowing(quint8 value)
{
    return (value & 0x90) == 0x00; // 0xx0xxxx
}

Error badStatus(const QString& detail)
{
    return {ErrorCode::ProtocolViolation, StatusText::tr("The printer sent a status that cannot be read."),
            detail};
}

} // namespace

QByteArray dleEotQuery(int n)
{
    return QByteArray{"\x10\x04"} + static_cast<char>(n);
}

QByteArray asbEnable(bool enable)
{
    return QByteArray{"\x1D\x61"} + static_cast<char>(enable ? 0x0F : 0x00);
}

Result<void> applyDleEotReply(int n, quint8 reply, PrinterStatus& status)
{
    if (!isDleEotReply(reply))
        return Failure{badStatus(QStringLiteral("DLE EOT %1 reply 0x%2 lacks the fixed bits")
                                     .arg(n)
                                     .arg(reply, 2, 16, QLatin1Char('0')))};
    switch (n) {
    case 1:
        status.drawerPin3High = bit(reply, 2);
        status.offline = bit(reply, 3);
        return {};
    case 2:
        status.coverOpen = bit(reply, 2);
        status.feedButton = bit(reply, 3);
        status.paperEnd = status.paperEnd || bit(reply, 5); // stopped by paper end
        status.autoRecoverableError = status.autoRecoverableError || bit(reply, 6);
        return {};
    case 3:
        status.cutterError = bit(reply, 3);
        status.unrecoverableError = bit(reply, 5);
        status.autoRecoverableError = bit(reply, 6);
        return {};
    case 4:
        status.paperNearEnd = (reply & 0x0C) != 0;
        status.paperEnd = (reply & 0x60) != 0;
        return {};
    default: return Failure{badStatus(QStringLiteral("DLE EOT n=%1 is not 1-4").arg(n))};
    }
}

Result<PrinterStatus> parseAsb(QByteArrayView fourBytes)
{
    if (fourBytes.size() != 4)
        return Failure{badStatus(QStringLiteral("ASB of %1 bytes, not 4").arg(fourBytes.size()))};
    const auto at = [&fourBytes](int i) { return static_cast<quint8>(fourBytes.at(i)); };
    if (!isAsbFirst(at(0)) || !isAsbFollowing(at(1)) || !isAsbFollowing(at(2)) || !isAsbFollowing(at(3)))
        return Failure{badStatus(QStringLiteral("ASB bytes %1 lack the fixed bits")
                                     .arg(QString::fromLatin1(fourBytes.toByteArray().toHex(' '))))};
    PrinterStatus status;
    status.drawerPin3High = bit(at(0), 2);
    status.offline = bit(at(0), 3);
    status.coverOpen = bit(at(0), 5);
    status.feedButton = bit(at(0), 6);
    status.mechanicalError = bit(at(1), 2);
    status.cutterError = bit(at(1), 3);
    status.unrecoverableError = bit(at(1), 5);
    status.autoRecoverableError = bit(at(1), 6);
    status.paperNearEnd = (at(2) & 0x03) != 0;
    status.paperEnd = (at(2) & 0x0C) != 0;
    return status;
}

std::optional<StatusReader::Item> StatusReader::next()
{
    while (!m_pending.isEmpty()) {
        const auto first = static_cast<quint8>(m_pending.at(0));
        if (first == xon || first == xoff) {
            m_pending.remove(0, 1);
            continue; // flow control, may sit even inside an ASB block
        }
        if (!m_expected.empty() && isDleEotReply(first)) {
            const int n = m_expected.front();
            m_expected.pop_front();
            m_pending.remove(0, 1);
            return DleEotReply{n, first};
        }
        if (isAsbFirst(first)) {
            QByteArray block(1, static_cast<char>(first));
            qsizetype used = 1;
            bool broken = false;
            while (block.size() < 4 && used < m_pending.size()) {
                const auto byte = static_cast<quint8>(m_pending.at(used));
                if (byte != xon && byte != xoff) {
                    if (!isAsbFollowing(byte)) {
                        broken = true;
                        break;
                    }
                    block.append(static_cast<char>(byte));
                }
                ++used;
            }
            if (block.size() == 4) {
                m_pending.remove(0, used);
                return AsbBlock{parseAsb(block).value()};
            }
            if (!broken)
                return std::nullopt; // wait for the rest of the block
            // Not an ASB block after all: drop its first byte and read on.
        }
        m_pending.remove(0, 1);
        return Dropped{first};
    }
    return std::nullopt;
}

} // namespace devices
} // namespace pos
