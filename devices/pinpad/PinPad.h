// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/CardRead.h"
#include "core/KeyOperations.h"

#include <QByteArray>
#include <QString>

// The PIN pad as the flows see it (activation, card sales): the driver (PinPadDriver, on the device thread)
// and the device hub's forwarding pad (DeviceHub::pinPad(), callable from the GUI thread) both implement it.
// The pad holds the keys: the TMK and the work keys never leave it; callers see ciphertext, KCVs, MACs and
// encrypted PIN blocks only. Completions follow the KeyOperations contract: exactly once, queued to
// context's thread, never synchronously inside the call, not at all once context is gone.
namespace pos {
namespace devices {

// What DEVICE_INFO reports (docs/pinpad-protocol.md §3).
struct PinPadInfo
{
    QString model;
    QString serialNumber;
    QString firmware;
    QByteArray publicKeyDer; // SubjectPublicKeyInfo: activation wraps the TMK for this key
    QString keyAlgorithm;    // "RSA-OAEP-SHA256" or "SM2"
    bool tmkLoaded = false;
    bool workKeysLoaded = false;
    bool tampered = false;
};

// Card entries READ_CARD may accept (tag 32).
enum PinPadEntry : quint8 { EntrySwipe = 0x01, EntryInsert = 0x02, EntryTap = 0x04 };

class PinPad : public KeyOperations
{
public:
    ~PinPad() override = default;

    virtual void deviceInfo(QObject* context, Completion<PinPadInfo> done) = 0;
    // wrappedTmk as delivered by activation; done gets the KCV the pad computed (3 bytes). A KCV mismatch is
    // ProtocolViolation and the pad keeps its previous TMK.
    virtual void loadTmk(QByteArray wrappedTmk,
                         KeyScheme scheme,
                         QByteArray expectedKcv,
                         QObject* context,
                         Completion<QByteArray> done) = 0;
    // Waits up to timeoutSeconds for a card; the amount is shown on the pad.
    virtual void readCard(qint64 amountFen,
                          int timeoutSeconds,
                          quint8 entries,
                          const QString& prompt,
                          QObject* context,
                          Completion<CardRead> done) = 0;
    // The encrypted PIN block for pan (empty: the cardholder entered no PIN).
    virtual void getPin(const QString& pan,
                        int minLength,
                        int maxLength,
                        int timeoutSeconds,
                        const QString& prompt,
                        QObject* context,
                        Completion<QByteArray> done) = 0;
    virtual void
    display(const QString& line1, const QString& line2, QObject* context, Completion<void> done) = 0;
    virtual void beep(int count, int durationMs, QObject* context, Completion<void> done) = 0;
    // Ends an outstanding READ_CARD or GET_PIN at once (it fails Cancelled).
    virtual void cancel(QObject* context, Completion<void> done) = 0;
};

} // namespace devices
} // namespace pos
