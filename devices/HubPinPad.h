// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "devices/pinpad/PinPad.h"

#include <QObject>

#include <atomic>

namespace pos {
namespace devices {

class DeviceHub;

// The PIN pad in use, seen from the GUI thread (DeviceHub::pinPad()). Every call is forwarded to the driver
// of the hub's PIN pad role on the device I/O thread; without a connected pad it fails DeviceOffline. The
// same object serves as the card engine's KeyOperations. Contract of PinPad, plus: context must live in the
// GUI thread (completions come back through the hub). keyScheme() is the scheme of the last TMK loaded
// through this object, or the one set with setKeyScheme() from the stored terminal record at start.
class HubPinPad final : public QObject, public PinPad
{
    Q_OBJECT

public:
    explicit HubPinPad(DeviceHub& hub);

    void setKeyScheme(KeyScheme scheme) { m_scheme = scheme; }

    void deviceInfo(QObject* context, Completion<PinPadInfo> done) override;
    void loadTmk(QByteArray wrappedTmk,
                 KeyScheme scheme,
                 QByteArray expectedKcv,
                 QObject* context,
                 Completion<QByteArray> done) override;
    void readCard(qint64 amountFen,
                  int timeoutSeconds,
                  quint8 entries,
                  const QString& prompt,
                  QObject* context,
                  Completion<CardRead> done) override;
    void getPin(const QString& pan,
                int minLength,
                int maxLength,
                int timeoutSeconds,
                const QString& prompt,
                QObject* context,
                Completion<QByteArray> done) override;
    void
    display(const QString& line1, const QString& line2, QObject* context, Completion<void> done) override;
    void beep(int count, int durationMs, QObject* context, Completion<void> done) override;
    void cancel(QObject* context, Completion<void> done) override;

    KeyScheme keyScheme() const override { return m_scheme; }
    void installWorkKeys(WorkKeyLayout layout,
                         QByteArray f62Block,
                         QObject* context,
                         Completion<WorkKeyCheck> done) override;
    void computeMac(MacAlgorithm algorithm,
                    QByteArray macBlock,
                    QObject* context,
                    Completion<QByteArray> done) override;
    void encryptTrack(QByteArray trackDigits, QObject* context, Completion<QByteArray> done) override;

private:
    // Runs call with the device thread's driver; its completion is delivered to done in context's thread.
    template <typename T>
    void forward(QObject* context,
                 Completion<T> done,
                 std::function<void(PinPad& pad, QObject* deviceContext, Completion<T> finish)> call);

    DeviceHub& m_hub;
    std::atomic<KeyScheme> m_scheme{KeyScheme::TripleDes};
};

} // namespace devices
} // namespace pos
