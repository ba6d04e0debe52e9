// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"
#include "simulators/pinpad/Cardholder.h"
#include "simulators/pinpad/PadDeviceKey.h"
#include "simulators/pinpad/PinPadWire.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace pos {
namespace acquirer {
class SoftwareKeyStore;
}
namespace sim {

// Deterministic faults, counted from 1 over the requests the pad receives ("bad-bcc@2,silence@3,
// disconnect@5,split"): bad-bcc@N sends the N-th reply with a wrong BCC (the correct frame again on NAK),
// silence@N never answers the N-th request, disconnect@N closes the connection when the N-th request
// arrives, split writes every frame in pieces of 1-3 bytes.
struct PadFaults
{
    int badBccAt = 0;
    int silenceAt = 0;
    int disconnectAt = 0;
    bool split = false;
};
Result<PadFaults> parsePadFaults(const QString& spec);

// The emulated PIN pad of docs/pinpad-protocol.md: its own device key pair (RSA-2048 with OAEP-SHA256, or
// SM2, unwrapping the TMK), a key store (acquirer::SoftwareKeyStore: the TMK and work keys exist here, in the
// emulator, never in the POS), the simulator's test cards and a scripted cardholder. Transport-agnostic:
// bytes in through receive(), out through the writer. Persists its device key and TMK in dataDir when given
// (test keys only). Thread affinity: one thread with an event loop.
class PinPadEmulator final : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString dataDir; // empty: keys live in memory only
        // The device key pair's algorithm (DEVICE_INFO tag 05); each has its own key file in dataDir.
        PadDeviceKey::Algorithm keyAlgorithm = PadDeviceKey::Algorithm::Rsa;
        QList<CardholderStep> script;
        PadFaults faults;
        QString serialNumber = QStringLiteral("SIMPAD00000001");
    };

    static Result<std::unique_ptr<PinPadEmulator>> create(Options options, QObject* parent = nullptr);
    ~PinPadEmulator() override;

    // Where replies and events go, and how a disconnect fault closes the connection. The latest connection
    // wins; detach(id) of an older one changes nothing.
    quint64 attach(std::function<void(QByteArray)> write, std::function<void()> close);
    void detach(quint64 attachment);
    void receive(const QByteArray& bytes);

    QByteArray publicKeyDer() const;

    // Who answers READ_CARD and GET_PIN from now on. Not owned; it must outlive the emulator or be replaced
    // first. nullptr: back to the scripted cardholder of Options::script.
    void setCardholder(Cardholder* cardholder);

private:
    PinPadEmulator(Options options, std::unique_ptr<PadDeviceKey> key, QObject* parent);

    void handle(const PadMessage& request);
    void reply(quint8 command, quint8 state, QMap<quint8, QByteArray> items = {});
    void send(const QByteArray& frame);
    void event(quint8 command, QMap<quint8, QByteArray> items);
    // Marks command (READ_CARD or GET_PIN) outstanding and arms the pad's own timeout (state 04). The
    // returned check is true while that very interaction is still waiting (not answered, cancelled or
    // replaced).
    std::function<bool()> startInteraction(quint8 command, int timeoutMs);
    // The outstanding READ_CARD/GET_PIN is over (answered, cancelled, timed out); tells the cardholder.
    void finishInteraction();
    void readCard(const PadMessage& request);
    void answerCard(const QString& label);
    void getPin(const PadMessage& request);
    void loadTmk(const PadMessage& request);
    void loadWorkKeys(const PadMessage& request);
    void restoreKeys();
    void saveTmk(const QString& scheme, const QByteArray& tmk) const;
    // The chip's ATC for this card's next GENERATE AC: one more than the last (1 for the first read), kept in
    // dataDir/pinpad-atc.json when there is a data directory, in memory otherwise.
    quint16 nextAtc(const QString& cardLabel);
    void restoreAtcs();

    Options m_options;
    std::unique_ptr<PadDeviceKey> m_deviceKey;
    std::unique_ptr<acquirer::SoftwareKeyStore> m_keys;
    bool m_workKeysLoaded = false;
    bool m_tdkLoaded = false;
    std::function<void(QByteArray)> m_write;
    std::function<void()> m_close;
    quint64 m_attachment = 0;
    PadWireReader m_reader;
    QByteArray m_lastFrame;
    int m_requestCount = 0;
    int m_replyCount = 0;
    quint64 m_interaction = 0; // identifies the outstanding READ_CARD/GET_PIN, for CANCEL and timers
    quint8 m_interactiveCommand = 0;
    qint64 m_lastAmountFen = 0;          // of the last READ_CARD, shown again at GET_PIN
    quint8 m_lastTransactionType = 0x00; // 9C of the last READ_CARD (tag 34), 00 = sale
    QHash<QString, quint16> m_atcByCard; // test-card label -> last ATC used
    std::unique_ptr<ScriptedCardholder> m_scripted;
    Cardholder* m_cardholder = nullptr; // m_scripted unless setCardholder() gave another
};

} // namespace sim
} // namespace pos
