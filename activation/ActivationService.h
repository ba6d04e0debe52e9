// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/CardRead.h"
#include "core/KeyTypes.h"
#include "core/ledger/TerminalActivationStore.h"
#include "core/receipt/ReceiptDocument.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

class QTimer;

namespace pos {
namespace acquirer {
class ActivationClient;
}
namespace devices {
class PinPad;
}

namespace activation {

// What the card link answered to the activation transaction (the first swipe).
struct FirstSwipeOutcome
{
    enum class Kind {
        Approved,
        Declined,
        NotSent,         // never left this terminal: nothing happened at the host
        Reversed,        // the outcome was unknown and the reversal is confirmed
        ReversalPending, // the outcome was unknown and the reversal is queued
    };
    Kind kind = Kind::Declined;
    QString responseCode; // F39 when the host answered
    QString rrn;
    qint64 singleLimitFen = 0;
    qint64 dailyLimitFen = 0;
    QString feeScheduleJson; // [{"tender", "rateBasisPoints", "capFen"?}, …]
};

// The card link as activation needs it (the card engine in the app; fakes in tests). Completions run in
// the service's thread.
struct CardLinkOperations
{
    std::function<void(std::function<void(Result<WorkKeyCheck>)>)> signOn;
    std::function<void(const CardRead& card, std::function<void(Result<FirstSwipeOutcome>)>)> firstSwipe;
    // Whether work keys of this process's sign-on are in the pad. The first swipe signs on before the PIN is
    // entered when not (a PIN block made under an older PIK would be declined as a wrong PIN).
    std::function<bool()> isSignedOn;
};

// Activation after approval (product.md §3): activation code → PIN pad bound by its serial number → TMK
// wrapped for the pad by the acquirer and unwrapped inside it → sign-on with KCV checks → the first swipe
// (card and PIN on the pad, the activation transaction) → the host's limits and fees stored → the
// activation slip queued for printing → activated.
//
// Every step is committed (TerminalActivationStore) before the next starts, so a restart resumes with
// resume(). Safety: the code and the pad's serial are stored before the activation request is sent, and a
// repeated request with both is idempotent at the acquirer (same terminal, TMK wrapped again): no second
// terminal. The first swipe goes through the card engine, which persists before sending and reverses an
// unknown outcome; the host records at most one activation per terminal.
//
// Thread affinity: the GUI thread; nothing blocks. One operation at a time (busy()); a call while busy is
// ignored. Messages are translated and say what to do next.
class ActivationService final : public QObject
{
    Q_OBJECT

public:
    struct Config
    {
        int cardTimeoutSeconds = 60;
        int pinTimeoutSeconds = 60;
        // The tenders the merchant asked for in the application ("swipe", "ic", "contactless", "qr"),
        // enabled once the first swipe is approved; cash is always enabled.
        QStringList requestedTenders;
        std::function<qint64()> clock; // UTC ms; default QDateTime::currentMSecsSinceEpoch
        // Waits (ms) before the automatic retries of a registration or sign-on that got no answer (network
        // down, timeout, HTTP 5xx, connection lost): safe because both are idempotent at the acquirer. One
        // series per operation the merchant starts; after the last retry fails, failed() as usual and Try
        // again (resume()) starts a new series. Empty: no automatic retry.
        QList<int> retryDelaysMs{2000, 5000, 10000, 20000, 30000};
    };
    using SealSecret = std::function<Result<QByteArray>(const QByteArray& secret)>;
    // Queues the slip with the print service; done with the job id once committed.
    using SubmitSlip =
        std::function<void(const receipt::ReceiptDocument& slip, std::function<void(Result<qint64>)>)>;

    ActivationService(Config config,
                      TerminalActivationStore& store,
                      acquirer::ActivationClient& client,
                      devices::PinPad& pad,
                      CardLinkOperations cardLink,
                      SealSecret sealApiSecret,
                      SubmitSlip submitSlip,
                      QObject* parent = nullptr);
    ~ActivationService() override;

    // Loads the stored record; done(ok) once known. Call before anything else.
    void start(std::function<void(Result<void>)> done);

    // The tenders enabled after an approved first swipe (besides cash): those of the approved application.
    void setRequestedTenders(const QStringList& tenders) { m_config.requestedTenders = tenders; }

    const TerminalActivation& record() const { return m_record; }
    ActivationStep step() const { return m_record.step; }
    bool isBusy() const { return m_busy; }
    bool isActivated() const { return m_record.step == ActivationStep::Activated; }
    // The current wait is for the cardholder (card or PIN on the pad): cancel() ends it. Already true when
    // busyChanged announces that wait.
    bool isWaitingForCardholder() const { return m_waitingForCardholder; }
    // cancel() can end the current wait: the cardholder's, a pause before an automatic retry, or the wait
    // for the acquirer's answer to the registration. Not the sign-on's or the first swipe's exchange on the
    // card link: those end by the link's timeout, and an unknown first swipe is reversed by the engine.
    // Already up to date when busyChanged announces the wait.
    bool canCancel() const { return m_waitingForCardholder || m_retryPending || m_registrationInFlight; }

    // From NotStarted (or an interrupted registration): registers this terminal and its PIN pad with the
    // code, loads the TMK into the pad and signs on. Ends SignedOn (readyForFirstSwipe) or with failed().
    void registerTerminal(const QString& activationCode);
    // Continues an interrupted activation from the stored step (after a restart or a failure).
    void resume();
    // From SignedOn: card and PIN on the pad, then the activation transaction. Approved → the slip is queued
    // and the terminal is Activated; a decline leaves it SignedOn for another card (firstSwipeDeclined).
    void firstSwipe();
    // Ends the current wait when canCancel(): the pad's prompt ends, a pending retry is dropped, or the
    // registration's answer is ignored when it comes (asking again later with the same code and pad is
    // idempotent, so no second terminal). Ends with failed() and the step unchanged; resume() continues.
    void cancel();

Q_SIGNALS:
    void stepChanged(pos::ActivationStep step);
    void busyChanged(bool busy, const QString& what); // what: translated description of the current wait
    void failed(const QString& message);
    void readyForFirstSwipe();
    void firstSwipeDeclined(const QString& message);
    void activated();
    // An automatic retry is due in delayMs (attempt of attempts); busyChanged carries the same news.
    void retryScheduled(int attempt, int attempts, int delayMs);

private:
    void setBusy(bool busy, const QString& what = {});
    void fail(const QString& message, const QString& detail);
    void save(const TerminalActivation& record, std::function<void()> next);
    void bindPadAndRegister(const QString& code);
    void requestActivation(const QString& code, const QString& serial, const QByteArray& publicKey, bool sm2);
    void loadTmk(QByteArray wrapped, const QString& scheme, const QString& kcvHex);
    void signOn();
    void readCard();
    void readPin(CardRead card);
    void sendFirstSwipe(CardRead card);
    void finishActivation(const FirstSwipeOutcome& outcome, const QString& panMasked);
    void queueSlip(const QString& panMasked);
    qint64 now() const;
    // Schedules `again` after the next delay of the series when the error means "no answer" and retries
    // are left; false otherwise (the caller fails).
    bool retryLater(const Error& error, const QString& message, std::function<void()> again);
    void resetRetries();

    Config m_config;
    TerminalActivationStore& m_store;
    acquirer::ActivationClient& m_client;
    devices::PinPad& m_pad;
    CardLinkOperations m_cardLink;
    SealSecret m_seal;
    SubmitSlip m_submitSlip;
    TerminalActivation m_record;
    bool m_busy = false;
    bool m_waitingForCardholder = false;
    bool m_registrationInFlight = false;
    bool m_retryPending = false;
    int m_retriesUsed = 0;
    quint64 m_generation = 0; // bumped by cancel(): answers of older requests are ignored
    QTimer* m_retryTimer = nullptr;
    std::function<void()> m_retryAction;
};

// A translated message for a declined activation transaction, by F39 (what the merchant should do).
QString firstSwipeDeclineMessage(const QString& responseCode);

// The activation slip (masked card 6+4 only).
receipt::ReceiptDocument
activationSlip(const TerminalActivation& record, const QString& panMasked, qint64 atMs);

} // namespace activation
} // namespace pos
