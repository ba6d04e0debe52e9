// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "simulators/pinpad/PinPadEmulator.h"
#include "simulators/pinpad/PinPadWire.h"

#include <QTest>

#include <optional>

namespace pos {
namespace test {

// Talks to an in-process PinPadEmulator the way the driver does over a wire: requests are framed with the
// emulator's own codec and fed to receive(); what the emulator writes is split back into messages.
class PadEmulatorLink
{
public:
    explicit PadEmulatorLink(sim::PinPadEmulator& pad) : m_pad(pad)
    {
        (void)m_pad.attach([this](const QByteArray& bytes) { m_reader.append(bytes); }, [] {});
    }

    void send(quint8 command, const QMap<quint8, QByteArray>& items = {})
    {
        m_pad.receive(sim::padWireFrame({command, 0, items}));
    }

    // The next reply to command (events on the way are kept in events()), waiting up to timeoutMs.
    std::optional<sim::PadMessage> reply(quint8 command, int timeoutMs = 5000)
    {
        std::optional<sim::PadMessage> found;
        (void)QTest::qWaitFor(
            [&] {
                while (std::optional<sim::PadWireReader::Item> item = m_reader.take()) {
                    if (item->kind != sim::PadWireReader::Kind::Message)
                        continue;
                    if (item->message.command >= 0x80 && item->message.command <= 0x8F) {
                        m_events.append(item->message);
                    } else if (item->message.command == command) {
                        found = item->message;
                        return true;
                    }
                }
                return false;
            },
            timeoutMs);
        return found;
    }

    const QList<sim::PadMessage>& events() const { return m_events; }

private:
    sim::PinPadEmulator& m_pad;
    sim::PadWireReader m_reader;
    QList<sim::PadMessage> m_events;
};

} // namespace test
} // namespace pos
