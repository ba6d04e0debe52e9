// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "activation/ActivationService.h"

#include "acquirer/api/ActivationClient.h"
#include "activation/ActivationLog.h"
#include "core/crypto/CryptoPrimitives.h"
#include "devices/pinpad/PinPad.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>
#include <QTimer>

namespace pos {
namespace activation {

namespace {

struct ServiceText
{
    Q_DECLARE_TR_FUNCTIONS(pos::activation::ActivationService)
};

QString refusalMessage(const QString& code)
{
    if (code == QLatin1String("ACTIVATION_CODE_UNKNOWN"))
        return ServiceText::tr(
            "The acquirer does not know this activation code. Check it against the approval "
            "message (8 letters and digits).");
    if (code == QLatin1String("ACTIVATION_CODE_USED"))
        return ServiceText::tr("This activation code was already used with another PIN pad. Connect that PIN "
                               "pad, or ask the acquirer for a new code.");
    if (code == QLatin1String("PUBLIC_KEY_INVALID"))
        return ServiceText::tr(
            "The acquirer refused this PIN pad's key. The PIN pad cannot be used with this "
            "acquirer; contact its support.");
    return ServiceText::tr("The acquirer refused the activation (%1).").arg(code);
}

// No answer, or none that can be trusted: asking again is how registration and sign-on recover.
bool isNoAnswer(const Error& error)
{
    return error.code == ErrorCode::NetworkFailure || error.code == ErrorCode::OutcomeUnknown ||
           error.code == ErrorCode::Timeout;
}

} // namespace

QString firstSwipeDeclineMessage(const QString& rc)
{
    if (rc == QLatin1String("55"))
        return ServiceText::tr(
            "The PIN was wrong. Try again with the right PIN (several wrong PINs lock the card).");
    if (rc == QLatin1String("54"))
        return ServiceText::tr("The card has expired. Use another card.");
    if (rc == QLatin1String("41") || rc == QLatin1String("43"))
        return ServiceText::tr("This card is reported lost or stolen and cannot be used. Use another card.");
    if (rc == QLatin1String("14"))
        return ServiceText::tr("The card number is not valid for the bank. Use another card.");
    if (rc == QLatin1String("59") || rc == QLatin1String("30"))
        return ServiceText::tr(
            "The card could not be verified. Insert or tap it again, or use another card.");
    if (rc == QLatin1String("61") || rc == QLatin1String("65"))
        return ServiceText::tr("The card is over its limit. Use another card.");
    if (rc == QLatin1String("91") || rc == QLatin1String("96") || rc == QLatin1String("98"))
        return ServiceText::tr("The bank's system did not answer. Wait a minute and swipe again.");
    if (rc == QLatin1String("40") || rc == QLatin1String("58"))
        return ServiceText::tr(
            "The acquirer does not allow this transaction on this terminal yet. Contact its "
            "support.");
    if (rc == QLatin1String("A0") || rc == QLatin1String("99"))
        return ServiceText::tr(
            "The security check with the bank failed; the terminal signs on again. Swipe again.");
    return ServiceText::tr("The bank declined the card (code %1). Use another card.").arg(rc);
}

ActivationService::ActivationService(Config config,
                                     TerminalActivationStore& store,
                                     acquirer::ActivationClient& client,
                                     devices::PinPad& pad,
                                     CardLinkOperations cardLink,
                                     SealSecret sealApiSecret,
                                     SubmitSlip submitSlip,
                                     QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_store(store)
    , m_client(client)
    , m_pad(pad)
    , m_cardLink(std::move(cardLink))
    , m_seal(std::move(sealApiSecret))
    , m_submitSlip(std::move(submitSlip))
    , m_retryTimer(new QTimer(this))
{
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, [this] {
        m_retryPending = false;
        const std::function<void()> again = std::exchange(m_retryAction, nullptr);
        if (again)
            again();
    });
}

ActivationService::~ActivationService() = default;

qint64 ActivationService::now() const
{
    return m_config.clock ? m_config.clock() : QDateTime::currentMSecsSinceEpoch();
}

void ActivationService::start(std::function<void(Result<void>)> done)
{
    m_store.load(this, [this, done = std::move(done)](Result<TerminalActivation> loaded) {
        if (!loaded) {
            done(Failure{loaded.error()});
            return;
        }
        m_record = std::move(loaded).value();
        qCInfo(lcActivation) << "activation record at step" << activationStepKey(m_record.step);
        Q_EMIT stepChanged(m_record.step);
        done({});
    });
}

void ActivationService::setBusy(bool busy, const QString& what)
{
    m_busy = busy;
    Q_EMIT busyChanged(busy, what);
}

void ActivationService::fail(const QString& message, const QString& detail)
{
    qCWarning(lcActivation) << "activation step" << activationStepKey(m_record.step) << "failed:" << detail;
    m_waitingForCardholder = false;
    m_registrationInFlight = false;
    m_retryPending = false;
    m_retryTimer->stop();
    m_retryAction = nullptr;
    setBusy(false);
    Q_EMIT failed(message);
}

void ActivationService::resetRetries()
{
    m_retriesUsed = 0;
}

bool ActivationService::retryLater(const Error& error, const QString& message, std::function<void()> again)
{
    if (!isNoAnswer(error) || m_retriesUsed >= m_config.retryDelaysMs.size())
        return false;
    const int delayMs = std::max(0, m_config.retryDelaysMs.at(m_retriesUsed));
    ++m_retriesUsed;
    const auto attempts = static_cast<int>(m_config.retryDelaysMs.size());
    qCWarning(lcActivation) << "activation step" << activationStepKey(m_record.step) << "got no answer ("
                            << error.detail << "); retry" << m_retriesUsed << "of" << attempts << "in"
                            << delayMs << "ms";
    m_retryAction = std::move(again);
    m_retryPending = true; // before busyChanged, so its receivers offer Cancel
    setBusy(true, ServiceText::tr("%1 Trying again in %2 s (retry %3 of %4)…")
                      .arg(message)
                      .arg((delayMs + 999) / 1000)
                      .arg(m_retriesUsed)
                      .arg(attempts));
    Q_EMIT retryScheduled(m_retriesUsed, attempts, delayMs);
    m_retryTimer->start(delayMs);
    return true;
}

void ActivationService::save(const TerminalActivation& record, std::function<void()> next)
{
    m_store.save(record, now(), this, [this, record, next = std::move(next)](Result<void> saved) {
        if (!saved) {
            fail(saved.error().userMessage, saved.error().detail);
            return;
        }
        const bool moved = m_record.step != record.step;
        m_record = record;
        if (moved)
            Q_EMIT stepChanged(m_record.step);
        next();
    });
}

void ActivationService::registerTerminal(const QString& activationCode)
{
    if (m_busy)
        return;
    const QString code = activationCode.trimmed().toUpper().remove(QLatin1Char(' ')).remove(QLatin1Char('-'));
    static const QRegularExpression shape(QStringLiteral("^[A-HJ-NP-Z2-9]{8}$"));
    if (!shape.match(code).hasMatch()) {
        Q_EMIT failed(ServiceText::tr("An activation code has 8 letters and digits (no I, O, 0 or 1)."));
        return;
    }
    if (m_record.step > ActivationStep::Registering) {
        resume();
        return;
    }
    resetRetries();
    setBusy(true, ServiceText::tr("Reading the PIN pad…"));
    bindPadAndRegister(code);
}

void ActivationService::resume()
{
    if (m_busy)
        return;
    resetRetries();
    switch (m_record.step) {
    case ActivationStep::NotStarted: return;
    case ActivationStep::Registering:
    case ActivationStep::TerminalRegistered:
        // The wrapped TMK is not stored: asking again with the same code and pad is idempotent.
        setBusy(true, ServiceText::tr("Reading the PIN pad…"));
        bindPadAndRegister(m_record.activationCode);
        return;
    case ActivationStep::TmkLoaded:
        setBusy(true, ServiceText::tr("Signing on with the acquirer…"));
        signOn();
        return;
    case ActivationStep::SignedOn: Q_EMIT readyForFirstSwipe(); return;
    case ActivationStep::FirstSwipeApproved:
        setBusy(true, ServiceText::tr("Printing the activation slip…"));
        queueSlip(QString());
        return;
    case ActivationStep::Activated: Q_EMIT activated(); return;
    }
}

void ActivationService::bindPadAndRegister(const QString& code)
{
    m_pad.deviceInfo(this, [this, code](Result<devices::PinPadInfo> info) {
        if (!info) {
            fail(ServiceText::tr("The PIN pad did not answer: %1 Connect it (Devices page) and try again.")
                     .arg(info.error().userMessage),
                 info.error().detail);
            return;
        }
        const devices::PinPadInfo& pad = info.value();
        if (pad.tampered) {
            fail(ServiceText::tr("The PIN pad reports tampering and must not be used. Contact the acquirer."),
                 QStringLiteral("pad tampered"));
            return;
        }
        if (!m_record.pinPadSerial.isEmpty() && m_record.step >= ActivationStep::Registering &&
            m_record.pinPadSerial != pad.serialNumber) {
            fail(ServiceText::tr(
                     "This terminal is being activated with PIN pad %1, but PIN pad %2 is connected. "
                     "Connect PIN pad %1.")
                     .arg(m_record.pinPadSerial, pad.serialNumber),
                 QStringLiteral("pad serial differs from the stored binding"));
            return;
        }
        TerminalActivation record = m_record;
        if (record.step < ActivationStep::Registering)
            record.step = ActivationStep::Registering;
        record.activationCode = code;
        record.pinPadSerial = pad.serialNumber;
        const QByteArray publicKey = pad.publicKeyDer;
        const bool sm2 = pad.keyAlgorithm == QLatin1String("SM2");
        save(record, [this, code, serial = pad.serialNumber, publicKey, sm2] {
            requestActivation(code, serial, publicKey, sm2);
        });
    });
}

void ActivationService::requestActivation(const QString& code,
                                          const QString& serial,
                                          const QByteArray& publicKey,
                                          bool sm2)
{
    m_registrationInFlight = true; // before busyChanged, so its receivers offer Cancel
    setBusy(true, ServiceText::tr("Registering the terminal with the acquirer…"));
    m_client.activate(
        code, serial, publicKey,
        sm2 ? acquirer::PadKeyAlgorithm::Sm2 : acquirer::PadKeyAlgorithm::RsaOaepSha256, this,
        [this, generation = m_generation, code, serial, publicKey,
         sm2](Result<acquirer::ApiAnswer<acquirer::ActivationResult>> answer) {
            if (generation != m_generation)
                return; // cancelled: this answer is not awaited any more
            m_registrationInFlight = false;
            if (!answer) {
                const bool retrying = retryLater(answer.error(), answer.error().userMessage,
                                                 [this, code, serial, publicKey, sm2] {
                                                     requestActivation(code, serial, publicKey, sm2);
                                                 });
                if (!retrying)
                    fail(ServiceText::tr("%1 Nothing is lost: try again, the same code is used.")
                             .arg(answer.error().userMessage),
                         answer.error().detail);
                return;
            }
            if (!answer.value().succeeded()) {
                fail(refusalMessage(answer.value().refusalCode()),
                     QStringLiteral("activation refused: %1").arg(answer.value().refusalCode()));
                return;
            }
            resetRetries();
            acquirer::ActivationResult result = std::move(*answer.value().value);
            const Result<QByteArray> sealed = m_seal(result.apiSecret);
            crypto::secureWipe(result.apiSecret);
            if (!sealed) {
                fail(sealed.error().userMessage, sealed.error().detail);
                return;
            }
            TerminalActivation record = m_record;
            record.step = std::max(record.step, ActivationStep::TerminalRegistered);
            record.terminalId = result.terminalId;
            record.merchantId = result.merchantId;
            record.merchantName = result.merchantName;
            record.apiKeyId = result.apiKeyId;
            record.sealedApiSecret = sealed.value();
            record.cardHost = result.cardHost;
            record.tmkScheme =
                result.tmkScheme == acquirer::TmkScheme::Sm4 ? QStringLiteral("sm4") : QStringLiteral("3des");
            record.singleLimitFen = result.singleLimitFen;
            record.dailyLimitFen = result.dailyLimitFen;
            save(record, [this, wrapped = result.tmkWrapped, scheme = record.tmkScheme, kcv = result.tmkKcv] {
                loadTmk(wrapped, scheme, kcv);
            });
        });
}

void ActivationService::loadTmk(QByteArray wrapped, const QString& scheme, const QString& kcvHex)
{
    setBusy(true, ServiceText::tr("Loading the terminal master key into the PIN pad…"));
    const KeyScheme keyScheme = scheme == QLatin1String("sm4") ? KeyScheme::Sm4 : KeyScheme::TripleDes;
    m_pad.loadTmk(std::move(wrapped), keyScheme, QByteArray::fromHex(kcvHex.toLatin1()), this,
                  [this](Result<QByteArray> kcv) {
                      if (!kcv) {
                          fail(
                              kcv.error().code == ErrorCode::ProtocolViolation
                                  ? ServiceText::tr("The master key check value (KCV) did not match: the key "
                                                    "was not loaded. Try again; if it happens again, contact "
                                                    "the acquirer.")
                                  : ServiceText::tr("The PIN pad could not load the master key: %1")
                                        .arg(kcv.error().userMessage),
                              kcv.error().detail);
                          return;
                      }
                      TerminalActivation record = m_record;
                      record.step = ActivationStep::TmkLoaded;
                      save(record, [this] {
                          setBusy(true, ServiceText::tr("Signing on with the acquirer…"));
                          signOn();
                      });
                  });
}

void ActivationService::signOn()
{
    QPointer<ActivationService> self(this);
    m_cardLink.signOn([self](Result<WorkKeyCheck> check) {
        if (!self)
            return;
        if (!check) {
            const bool retrying = self->retryLater(check.error(), check.error().userMessage, [self] {
                if (!self)
                    return;
                self->setBusy(true, ServiceText::tr("Signing on with the acquirer…"));
                self->signOn();
            });
            if (!retrying)
                self->fail(ServiceText::tr("Sign-on failed: %1 Try again.").arg(check.error().userMessage),
                           check.error().detail);
            return;
        }
        if (!check.value().allMatch()) {
            self->fail(
                ServiceText::tr("The working keys from the acquirer failed their check (KCV) and were not "
                                "used. Try again; if it happens again, contact the acquirer."),
                QStringLiteral("work key KCV mismatch"));
            return;
        }
        self->resetRetries();
        TerminalActivation record = self->m_record;
        record.step = ActivationStep::SignedOn;
        self->save(record, [self] {
            self->setBusy(false);
            Q_EMIT self->readyForFirstSwipe();
        });
    });
}

void ActivationService::firstSwipe()
{
    if (m_busy || m_record.step != ActivationStep::SignedOn)
        return;
    if (!m_cardLink.isSignedOn || m_cardLink.isSignedOn()) {
        readCard();
        return;
    }
    // After a restart the pad still holds the work keys of the last process's sign-on, which the engine
    // replaces at its first message: sign on now, before the PIN is encrypted.
    setBusy(true, ServiceText::tr("Signing on with the acquirer…"));
    QPointer<ActivationService> self(this);
    m_cardLink.signOn([self](Result<WorkKeyCheck> check) {
        if (!self)
            return;
        if (!check || !check.value().allMatch()) {
            self->fail(ServiceText::tr("Sign-on failed: %1 Try again.")
                           .arg(check ? ServiceText::tr("the working keys failed their check.")
                                      : check.error().userMessage),
                       check ? QStringLiteral("work key KCV mismatch") : check.error().detail);
            return;
        }
        self->readCard();
    });
}

void ActivationService::readCard()
{
    m_waitingForCardholder = true; // before busyChanged, so its receivers see the cardholder wait
    setBusy(true, ServiceText::tr("Swipe, insert or tap a card on the PIN pad…"));
    m_pad.readCard(0, m_config.cardTimeoutSeconds,
                   devices::EntrySwipe | devices::EntryInsert | devices::EntryTap,
                   ServiceText::tr("Activation: present a card"), this, [this](Result<CardRead> card) {
                       if (!card) {
                           fail(card.error().code == ErrorCode::Cancelled
                                    ? ServiceText::tr("The card reading was cancelled.")
                                    : ServiceText::tr("No card was read: %1").arg(card.error().userMessage),
                                card.error().detail);
                           return;
                       }
                       readPin(std::move(card).value());
                   });
}

void ActivationService::readPin(CardRead card)
{
    setBusy(true, ServiceText::tr("Enter the card's PIN on the PIN pad…"));
    const QString pan = card.pan;
    m_pad.getPin(
        pan, 4, 12, m_config.pinTimeoutSeconds, ServiceText::tr("Enter PIN"), this,
        [this, card = std::move(card)](Result<QByteArray> pinBlock) mutable {
            m_waitingForCardholder = false;
            if (!pinBlock) {
                fail(pinBlock.error().code == ErrorCode::Cancelled
                         ? ServiceText::tr("The PIN entry was cancelled.")
                         : ServiceText::tr("No PIN was entered: %1").arg(pinBlock.error().userMessage),
                     pinBlock.error().detail);
                return;
            }
            card.pinBlock = pinBlock.value();
            sendFirstSwipe(std::move(card));
        });
}

void ActivationService::sendFirstSwipe(CardRead card)
{
    setBusy(true, ServiceText::tr("Waiting for the bank to approve the activation…"));
    const QString panMasked = card.panMasked;
    QPointer<ActivationService> self(this);
    m_cardLink.firstSwipe(card, [self, panMasked](Result<FirstSwipeOutcome> outcome) {
        if (!self)
            return;
        if (!outcome) {
            self->fail(ServiceText::tr("The activation was not sent: %1 Swipe again.")
                           .arg(outcome.error().userMessage),
                       outcome.error().detail);
            return;
        }
        using Kind = FirstSwipeOutcome::Kind;
        switch (outcome.value().kind) {
        case Kind::Approved: self->finishActivation(outcome.value(), panMasked); return;
        case Kind::Declined:
            self->setBusy(false);
            Q_EMIT self->firstSwipeDeclined(firstSwipeDeclineMessage(outcome.value().responseCode));
            return;
        case Kind::NotSent:
            self->fail(
                ServiceText::tr("The acquirer could not be reached; nothing was sent. Check the network and "
                                "swipe again."),
                QStringLiteral("first swipe not sent"));
            return;
        case Kind::Reversed:
            self->fail(ServiceText::tr("The bank did not answer in time, so the activation was cancelled "
                                       "(reversed). Swipe again."),
                       QStringLiteral("first swipe reversed"));
            return;
        case Kind::ReversalPending:
            self->fail(ServiceText::tr(
                           "The bank did not answer in time. The cancellation will be sent as soon as the "
                           "connection is back; then swipe again."),
                       QStringLiteral("first swipe reversal pending"));
            return;
        }
    });
}

void ActivationService::finishActivation(const FirstSwipeOutcome& outcome, const QString& panMasked)
{
    TerminalActivation record = m_record;
    record.step = ActivationStep::FirstSwipeApproved;
    if (outcome.singleLimitFen > 0)
        record.singleLimitFen = outcome.singleLimitFen;
    if (outcome.dailyLimitFen > 0)
        record.dailyLimitFen = outcome.dailyLimitFen;
    record.feeScheduleJson = outcome.feeScheduleJson;
    record.firstSwipeRrn = outcome.rrn;
    record.activatedMs = now();
    record.enabledTenders = QStringList{QStringLiteral("cash")} + m_config.requestedTenders;
    record.enabledTenders.removeDuplicates();
    save(record, [this, panMasked] {
        setBusy(true, ServiceText::tr("Printing the activation slip…"));
        queueSlip(panMasked);
    });
}

void ActivationService::queueSlip(const QString& panMasked)
{
    const receipt::ReceiptDocument slip = activationSlip(m_record, panMasked, now());
    QPointer<ActivationService> self(this);
    m_submitSlip(slip, [self](Result<qint64> job) {
        if (!self)
            return;
        if (!job) {
            self->fail(job.error().userMessage, job.error().detail);
            return;
        }
        TerminalActivation record = self->m_record;
        record.step = ActivationStep::Activated;
        record.activationCode.clear(); // single-use, and bound to the pad now
        self->save(record, [self] {
            self->setBusy(false);
            qCInfo(lcActivation) << "terminal" << self->m_record.terminalId << "activated";
            Q_EMIT self->activated();
        });
    });
}

void ActivationService::cancel()
{
    if (m_waitingForCardholder) {
        m_pad.cancel(this, [](Result<void>) {});
        return;
    }
    if (m_retryPending) {
        fail(ServiceText::tr("Stopped before trying again. Nothing is lost: press Try again when the network "
                             "is back."),
             QStringLiteral("automatic retry cancelled"));
        return;
    }
    if (m_registrationInFlight) {
        ++m_generation;
        fail(ServiceText::tr(
                 "Stopped waiting for the acquirer. Nothing is lost: Try again asks again with the "
                 "same code, and no second terminal is registered."),
             QStringLiteral("registration answer abandoned"));
    }
}

} // namespace activation
} // namespace pos
