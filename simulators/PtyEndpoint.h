// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

class QSocketNotifier;

namespace pos {
namespace sim {

// The master side of a pseudo-terminal pair for a device emulator: the driver opens the slave path as a
// serial port. The endpoint keeps its own raw-mode descriptor on the slave so the master never reads EIO
// while no driver has it open (so a driver closing the port is not seen here). Used by the PIN pad and the
// printer emulators.
class PtyEndpoint final : public QObject
{
public:
    using QObject::QObject;
    ~PtyEndpoint() override;

    // Opens the pair; slavePath receives "/dev/pts/N". false with error (untranslated) on failure.
    bool open(QString& slavePath, QString& error);
    // Writes all of bytes (blocking briefly if the pty buffer is full); nothing after hangUp().
    void write(const QByteArray& bytes);
    // The "unplug": the pair goes away; the driver's port reports an error. Final.
    void hangUp();
    bool isOpen() const { return m_master >= 0; }

    // Called with every chunk read from the driver.
    std::function<void(QByteArray)> onBytes;

private:
    void readAvailable();

    int m_master = -1;
    int m_slaveKeeper = -1;
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace sim
} // namespace pos
