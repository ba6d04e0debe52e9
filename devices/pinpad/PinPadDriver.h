// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "devices/pinpad/PinPad.h"
#include "devices/pinpad/PinPadFrame.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <deque>
#include <functional>
#include <optional>

namespace pos {
namespace devices {

class ByteTransport;

// The PIN pad of docs/pinpad-protocol.md over a ByteTransport. Holds the keys' side of the acquirer link
// (KeyOperations): the TMK and the work keys stay inside the pad; this class only ever sees ciphertext,
// KCVs, MACs and encrypted PIN blocks. Card data in CardRead is handed to the caller and not kept.
//
// Requests wait until the transport is ready (a TCP connect); one at a time (later ones wait in order);
// cancel() is sent at once while READ_CARD or GET_PIN is outstanding. NAK → the last frame is sent again (at
// most maxRetransmissions); an invalid frame from the pad → NAK. A request not answered in time fails with
// DeviceTimeout; replies arriving in the quiet period after a timeout are dropped so they cannot answer the
// next request. Losing the transport fails every waiting request with DeviceOffline and emits disconnected().
// Unsolicited events are signals. Thread affinity: the transport's thread (the device I/O thread).
// Completions follow the KeyOperations contract: exactly once, queued to context's thread, never
// synchronously.
class PinPadDriver final : public QObject, public PinPad
{
    Q_OBJECT

public:
    struct Config
    {
        int quickTimeoutMs = 2000;     // [A] every command but READ_CARD and GET_PIN
        int interactionGraceMs = 2000; // added to the cardholder timeout of READ_CARD and GET_PIN
        int maxRetransmissions = 3;    // [A] on NAK
        int quietAfterTimeoutMs = 500; // replies in this window after a timeout are dropped
        KeyScheme initialScheme = KeyScheme::TripleDes;
    };

    PinPadDriver(ByteTransport& transport, Config config, QObject* parent = nullptr);
    ~PinPadDriver() override;

    void deviceInfo(QObject* context, Completion<PinPadInfo> done) override;
    // wrappedTmk as delivered by activation; done gets the KCV the pad computed (3 bytes). A KCV mismatch is
    // ProtocolViolation and the pad keeps its previous TMK.
    void loadTmk(QByteArray wrappedTmk,
                 KeyScheme scheme,
                 QByteArray expectedKcv,
                 QObject* context,
                 Completion<QByteArray> done) override;
    // Waits up to timeoutSeconds for a card; the amount is shown on the pad.
    void readCard(qint64 amountFen,
                  int timeoutSeconds,
                  quint8 entries,
                  const QString& prompt,
                  QObject* context,
                  Completion<CardRead> done) override;
    // The encrypted PIN block for pan (empty: the cardholder entered no PIN).
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

    // KeyOperations
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

Q_SIGNALS:
    void keyPressed(int keyClass, int digitsEntered); // 1 digit, 2 Enter, 3 Cancel, 4 Clear; never the digit
    void cardInserted(int entry);
    void cardRemoved();
    void tamperDetected();
    void disconnected(QString reason);

private:
    using Items = QMap<quint8, QByteArray>;
    struct Request
    {
        quint8 command = 0;
        QByteArray data;
        int timeoutMs = 0;
        std::function<void(Result<Items>)> done; // runs on this object's thread
    };

    void
    enqueue(quint8 command, QList<PinPadItem> items, int timeoutMs, std::function<void(Result<Items>)> done);
    void startNext();
    void writeFrame(const QByteArray& frame);
    void onBytes(const QByteArray& bytes);
    void onFrame(const PinPadFrame& frame);
    void onEvent(const PinPadFrame& frame);
    void onTimeout();
    void onLost(const QString& reason);
    void finishCurrent(Result<Items> result);

    template <typename T>
    static void deliver(QObject* context, Completion<T> done, Result<T> result);

    ByteTransport& m_transport;
    Config m_config;
    KeyScheme m_scheme;
    PinPadFrameReader m_reader;
    std::deque<Request> m_queue;
    std::optional<Request> m_current;
    std::optional<Request> m_cancel; // a CANCEL sent while m_current is interactive
    QByteArray m_lastFrame;
    int m_retransmissions = 0;
    QTimer m_timeout;
    qint64 m_quietUntilMs = 0;
    bool m_lost = false;
};

} // namespace devices
} // namespace pos
