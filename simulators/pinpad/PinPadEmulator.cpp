// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/pinpad/PinPadEmulator.h"

#include "acquirer/crypto/SoftwareKeyStore.h"
#include "core/crypto/CryptoPrimitives.h"
#include "simulators/SimulatorLog.h"
#include "simulators/acquirer/TestCards.h"
#include "simulators/pinpad/EmvTestCard.h"
#include "simulators/pinpad/PadDeviceKey.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QTimer>

#include <openssl/rand.h>

namespace pos {
namespace sim {
namespace {

enum : quint8 {
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
enum : quint8 {
    Done = 0,
    BadParameter = 1,
    UnknownCommand = 2,
    Busy = 3,
    TimedOut = 4,
    Cancelled = 5,
    KeyError = 6
};

QByteArray byte(int value)
{
    return QByteArray(1, static_cast<char>(value));
}

int byteOf(const PadMessage& message, quint8 tag, int fallback)
{
    const QByteArray value = message.items.value(tag);
    return value.isEmpty() ? fallback : static_cast<quint8>(value.at(0));
}

Result<QByteArray> kcv3(const QString& scheme, const QByteArray& key)
{
    const Result<QByteArray> encrypted = scheme == QLatin1String("sm4")
                                             ? crypto::sm4EcbEncrypt(key, QByteArray(16, '\0'))
                                             : crypto::tdesEcbEncrypt(key, QByteArray(8, '\0'));
    if (!encrypted)
        return Failure{encrypted.error()};
    return encrypted.value().left(3);
}

} // namespace

Result<PadFaults> parsePadFaults(const QString& spec)
{
    PadFaults faults;
    for (const QString& part : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (part == QLatin1String("split")) {
            faults.split = true;
            continue;
        }
        const QStringList kindAt = part.split(QLatin1Char('@'));
        bool ok = false;
        const int at = kindAt.size() == 2 ? kindAt.at(1).toInt(&ok) : 0;
        if (!ok || at < 1)
            return fail(ErrorCode::InvalidInput, QStringLiteral("The fault list is not valid."),
                        QStringLiteral("fault '%1': expected KIND@N with N >= 1, or split").arg(part));
        if (kindAt.first() == QLatin1String("bad-bcc"))
            faults.badBccAt = at;
        else if (kindAt.first() == QLatin1String("silence"))
            faults.silenceAt = at;
        else if (kindAt.first() == QLatin1String("disconnect"))
            faults.disconnectAt = at;
        else
            return fail(ErrorCode::InvalidInput, QStringLiteral("The fault list is not valid."),
                        QStringLiteral("unknown fault '%1'").arg(kindAt.first()));
    }
    return faults;
}

PinPadEmulator::PinPadEmulator(Options options, std::unique_ptr<PadDeviceKey> key, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_deviceKey(std::move(key))
    , m_scripted(std::make_unique<ScriptedCardholder>(m_options.script))
    , m_cardholder(m_scripted.get())
{
    restoreKeys();
    restoreAtcs();
}

void PinPadEmulator::setCardholder(Cardholder* cardholder)
{
    if (m_interactiveCommand != 0) { // the old cardholder's answer would be dropped: ask the new one afresh
        ++m_interaction;
        const quint8 interrupted = m_interactiveCommand;
        finishInteraction();
        reply(interrupted, Cancelled);
    }
    m_cardholder = cardholder ? cardholder : m_scripted.get();
}

void PinPadEmulator::finishInteraction()
{
    const bool wasOutstanding = m_interactiveCommand != 0;
    m_interactiveCommand = 0;
    if (wasOutstanding)
        m_cardholder->questionOver();
}

PinPadEmulator::~PinPadEmulator() = default;

Result<std::unique_ptr<PinPadEmulator>> PinPadEmulator::create(Options options, QObject* parent)
{
    QString keyPath;
    if (!options.dataDir.isEmpty()) {
        if (!QDir().mkpath(options.dataDir))
            return fail(ErrorCode::IoFailure,
                        QStringLiteral("The emulator's data directory cannot be created."), options.dataDir);
        keyPath = QDir(options.dataDir)
                      .filePath(options.keyAlgorithm == PadDeviceKey::Algorithm::Sm2
                                    ? QStringLiteral("pinpad-device-key-sm2.pem")
                                    : QStringLiteral("pinpad-device-key.pem"));
    }
    Result<std::unique_ptr<PadDeviceKey>> key = PadDeviceKey::loadOrCreate(keyPath, options.keyAlgorithm);
    if (!key)
        return Failure{key.error()};
    return std::unique_ptr<PinPadEmulator>(
        new PinPadEmulator(std::move(options), std::move(key).value(), parent));
}

QByteArray PinPadEmulator::publicKeyDer() const
{
    return m_deviceKey->publicKeyDer();
}

void PinPadEmulator::restoreKeys()
{
    if (m_options.dataDir.isEmpty())
        return;
    QFile file(QDir(m_options.dataDir).filePath(QStringLiteral("pinpad-tmk.json")));
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonObject saved = QJsonDocument::fromJson(file.readAll()).object();
    const QString scheme = saved.value(QStringLiteral("scheme")).toString();
    const QByteArray tmk = QByteArray::fromHex(saved.value(QStringLiteral("tmk")).toString().toLatin1());
    if (tmk.size() == 16)
        m_keys = std::make_unique<acquirer::SoftwareKeyStore>(
            scheme == QLatin1String("sm4") ? KeyScheme::Sm4 : KeyScheme::TripleDes, tmk);
}

void PinPadEmulator::saveTmk(const QString& scheme, const QByteArray& tmk) const
{
    if (m_options.dataDir.isEmpty())
        return;
    // An emulator with test keys: a real pad never lets its TMK out.
    QSaveFile file(QDir(m_options.dataDir).filePath(QStringLiteral("pinpad-tmk.json")));
    const QJsonObject saved{{QStringLiteral("scheme"), scheme},
                            {QStringLiteral("tmk"), QString::fromLatin1(tmk.toHex())}};
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QJsonDocument(saved).toJson());
        (void)file.commit();
    }
}

void PinPadEmulator::restoreAtcs()
{
    if (m_options.dataDir.isEmpty())
        return;
    QFile file(QDir(m_options.dataDir).filePath(QStringLiteral("pinpad-atc.json")));
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QJsonObject saved = QJsonDocument::fromJson(file.readAll()).object();
    for (auto it = saved.begin(); it != saved.end(); ++it) {
        const int atc = it.value().toInt(-1);
        if (atc >= 0 && atc <= 0xFFFF)
            m_atcByCard.insert(it.key(), static_cast<quint16>(atc));
    }
}

quint16 PinPadEmulator::nextAtc(const QString& cardLabel)
{
    // A real chip refuses to go past FFFF; the emulator's test cards start again at 1.
    const quint16 last = m_atcByCard.value(cardLabel, 0);
    const quint16 atc = last == 0xFFFF ? 1 : static_cast<quint16>(last + 1);
    m_atcByCard.insert(cardLabel, atc);
    if (!m_options.dataDir.isEmpty()) {
        QJsonObject saved;
        for (auto it = m_atcByCard.cbegin(); it != m_atcByCard.cend(); ++it)
            saved.insert(it.key(), it.value());
        QSaveFile file(QDir(m_options.dataDir).filePath(QStringLiteral("pinpad-atc.json")));
        if (file.open(QIODevice::WriteOnly)) {
            file.write(QJsonDocument(saved).toJson());
            if (!file.commit())
                qCWarning(lcSim) << "pinpad: the ATC file cannot be written:" << file.errorString();
        }
    }
    return atc;
}

quint64 PinPadEmulator::attach(std::function<void(QByteArray)> write, std::function<void()> close)
{
    m_write = std::move(write);
    m_close = std::move(close);
    m_reader = PadWireReader();
    return ++m_attachment;
}

void PinPadEmulator::detach(quint64 attachment)
{
    if (attachment != m_attachment)
        return;
    m_write = nullptr;
    m_close = nullptr;
    ++m_interaction; // whatever was pending has nobody to answer to
    finishInteraction();
}

void PinPadEmulator::receive(const QByteArray& bytes)
{
    m_reader.append(bytes);
    while (std::optional<PadWireReader::Item> item = m_reader.take()) {
        switch (item->kind) {
        case PadWireReader::Kind::Nak:
            if (!m_lastFrame.isEmpty())
                send(m_lastFrame);
            break;
        case PadWireReader::Kind::Invalid:
            if (m_write)
                m_write(QByteArray(1, '\x15'));
            break;
        case PadWireReader::Kind::Message: handle(item->message); break;
        }
        if (!m_write)
            return; // disconnected by a fault
    }
}

void PinPadEmulator::send(const QByteArray& frame)
{
    if (!m_write)
        return;
    if (!m_options.faults.split) {
        m_write(frame);
        return;
    }
    // Pieces of 1-3 bytes, a few milliseconds apart.
    QPointer<PinPadEmulator> self(this);
    int delay = 0;
    for (qsizetype at = 0; at < frame.size();) {
        const qsizetype size =
            std::min<qsizetype>(1 + QRandomGenerator::global()->bounded(3), frame.size() - at);
        const QByteArray piece = frame.mid(at, size);
        at += size;
        QTimer::singleShot(delay, this, [self, piece] {
            if (self && self->m_write)
                self->m_write(piece);
        });
        delay += 2;
    }
}

void PinPadEmulator::reply(quint8 command, quint8 state, QMap<quint8, QByteArray> items)
{
    const QByteArray frame = padWireFrame({command, state, std::move(items)});
    m_lastFrame = frame;
    ++m_replyCount;
    if (m_replyCount == m_options.faults.badBccAt) {
        QByteArray broken = frame;
        const qsizetype bccHigh = broken.size() - 3; // the BCC's first hex character
        broken[bccHigh] = broken.at(bccHigh) == '0' ? '1' : '0';
        send(broken);
        return;
    }
    send(frame);
}

void PinPadEmulator::event(quint8 command, QMap<quint8, QByteArray> items)
{
    send(padWireFrame({command, Done, std::move(items)}));
}

void PinPadEmulator::handle(const PadMessage& request)
{
    ++m_requestCount;
    if (m_requestCount == m_options.faults.disconnectAt) {
        qCInfo(lcSim) << "pinpad: fault: disconnect at request" << m_requestCount;
        const std::function<void()> close = m_close;
        detach(m_attachment);
        if (close)
            close();
        return;
    }
    if (m_requestCount == m_options.faults.silenceAt) {
        qCInfo(lcSim) << "pinpad: fault: silence at request" << m_requestCount;
        return;
    }
    if (request.command == Cancel) {
        if (m_interactiveCommand != 0) {
            const quint8 interrupted = m_interactiveCommand;
            ++m_interaction;
            finishInteraction();
            reply(interrupted, Cancelled);
        }
        reply(Cancel, Done);
        return;
    }
    if (m_interactiveCommand != 0) {
        reply(request.command, Busy);
        return;
    }
    switch (request.command) {
    case DeviceInfo: {
        const int status = (m_keys ? 0x01 : 0) | (m_workKeysLoaded ? 0x02 : 0);
        reply(DeviceInfo, Done,
              {{0x01, QByteArrayLiteral("POS-SIM-PAD")},
               {0x02, m_options.serialNumber.toLatin1()},
               {0x03, QByteArrayLiteral("1.0.0")},
               {0x04, publicKeyDer()},
               {0x05, m_deviceKey->algorithmName()},
               {0x06, byte(status)}});
        return;
    }
    case LoadTmk: loadTmk(request); return;
    case LoadWorkKeys: loadWorkKeys(request); return;
    case ReadCard: readCard(request); return;
    case GetPin: getPin(request); return;
    case Mac: {
        if (!m_keys || !m_workKeysLoaded || !request.items.contains(0x61)) {
            reply(Mac, m_keys && m_workKeysLoaded ? BadParameter : KeyError);
            return;
        }
        const int code = byteOf(request, 0x60, 1);
        const MacAlgorithm algorithm = code == 2   ? MacAlgorithm::AnsiX99
                                       : code == 3 ? MacAlgorithm::AnsiX919
                                                   : MacAlgorithm::CupEcb;
        m_keys->computeMac(algorithm, request.items.value(0x61), this, [this](Result<QByteArray> mac) {
            if (mac)
                reply(Mac, Done, {{0x62, mac.value()}});
            else
                reply(Mac, KeyError);
        });
        return;
    }
    case EncryptTrack: {
        if (!m_keys || !m_tdkLoaded) {
            reply(EncryptTrack, KeyError);
            return;
        }
        const Result<QByteArray> encrypted = m_keys->encryptTrackNow(request.items.value(0x70));
        reply(EncryptTrack, encrypted ? Done : BadParameter,
              encrypted ? QMap<quint8, QByteArray>{{0x71, encrypted.value()}} : QMap<quint8, QByteArray>{});
        return;
    }
    case Display:
        m_cardholder->display(QString::fromUtf8(request.items.value(0x80)),
                              QString::fromUtf8(request.items.value(0x81)));
        reply(Display, Done);
        return;
    case Beep: reply(Beep, Done); return;
    default: reply(request.command, UnknownCommand);
    }
}

void PinPadEmulator::loadTmk(const PadMessage& request)
{
    const QString scheme = QString::fromLatin1(request.items.value(0x11));
    if (!request.items.contains(0x10) ||
        (scheme != QLatin1String("3des") && scheme != QLatin1String("sm4"))) {
        reply(LoadTmk, BadParameter);
        return;
    }
    Result<QByteArray> tmk = m_deviceKey->unwrap(request.items.value(0x10));
    if (!tmk || tmk.value().size() != 16) {
        reply(LoadTmk, KeyError);
        return;
    }
    const Result<QByteArray> kcv = kcv3(scheme, tmk.value());
    if (!kcv || (request.items.contains(0x12) && request.items.value(0x12) != kcv.value())) {
        crypto::secureWipe(tmk.value());
        reply(LoadTmk, KeyError); // the previous TMK stays in force
        return;
    }
    m_keys = std::make_unique<acquirer::SoftwareKeyStore>(
        scheme == QLatin1String("sm4") ? KeyScheme::Sm4 : KeyScheme::TripleDes, tmk.value());
    m_workKeysLoaded = false;
    m_tdkLoaded = false;
    saveTmk(scheme, tmk.value());
    crypto::secureWipe(tmk.value());
    reply(LoadTmk, Done, {{0x12, kcv.value()}});
}

void PinPadEmulator::loadWorkKeys(const PadMessage& request)
{
    if (!m_keys) {
        reply(LoadWorkKeys, KeyError);
        return;
    }
    const int code = byteOf(request, 0x20, 0);
    std::optional<WorkKeyLayout> layout;
    switch (code) {
    case 1: layout = WorkKeyLayout::Des001; break;
    case 3: layout = WorkKeyLayout::TripleDes003; break;
    case 4: layout = WorkKeyLayout::TripleDesTrack004; break;
    case 6: layout = WorkKeyLayout::Sm4006; break;
    default: break;
    }
    if (!layout || !request.items.contains(0x21)) {
        reply(LoadWorkKeys, BadParameter);
        return;
    }
    m_keys->installWorkKeys(*layout, request.items.value(0x21), this, [this](Result<WorkKeyCheck> check) {
        if (!check) {
            reply(LoadWorkKeys, KeyError);
            return;
        }
        QMap<quint8, QByteArray> items;
        for (const KeyCheckOutcome& key : check.value().keys) {
            const quint8 tag = key.role == WorkKeyRole::Pin   ? 0x2A
                               : key.role == WorkKeyRole::Mac ? 0x2B
                                                              : 0x2C;
            items.insert(tag, key.receivedKcv + key.computedKcv);
            if (key.role == WorkKeyRole::Track)
                m_tdkLoaded = true;
        }
        m_workKeysLoaded = true;
        reply(LoadWorkKeys, Done, items);
    });
}

std::function<bool()> PinPadEmulator::startInteraction(quint8 command, int timeoutMs)
{
    const quint64 interaction = ++m_interaction;
    m_interactiveCommand = command;
    const auto stillWaiting = [this, interaction] {
        return m_interaction == interaction && m_interactiveCommand != 0;
    };
    QTimer::singleShot(timeoutMs, this, [this, command, stillWaiting] {
        if (!stillWaiting())
            return;
        finishInteraction();
        reply(command, TimedOut);
    });
    return stillWaiting;
}

void PinPadEmulator::readCard(const PadMessage& request)
{
    const int timeoutMs = byteOf(request, 0x31, 60) * 1000;
    Cardholder::CardQuestion question;
    question.amountFen = QString::fromLatin1(request.items.value(0x30)).toLongLong();
    question.prompt = QString::fromUtf8(request.items.value(0x33));
    question.entries = static_cast<quint8>(byteOf(request, 0x32, 0x07));
    m_lastAmountFen = question.amountFen;
    m_lastTransactionType = static_cast<quint8>(byteOf(request, 0x34, 0x00));
    const std::function<bool()> stillWaiting = startInteraction(ReadCard, timeoutMs);
    QPointer<PinPadEmulator> self(this);
    m_cardholder->askForCard(question, [self, stillWaiting](const Cardholder::CardAnswer& answer) {
        if (!self || !stillWaiting())
            return;
        self->finishInteraction();
        if (answer.kind == Cardholder::CardAnswer::Cancel)
            self->reply(ReadCard, Cancelled);
        else
            self->answerCard(answer.label);
    });
}

void PinPadEmulator::answerCard(const QString& label)
{
    const std::optional<TestCard> card = findTestCardByLabel(label);
    if (!card) {
        reply(ReadCard, 0x07);
        return;
    }
    const int entry = card->kind == TestCard::Chip ? 2 : card->kind == TestCard::Contactless ? 3 : 1;
    QMap<quint8, QByteArray> items{
        {0x40, byte(entry)},
        {0x41, card->pan.toLatin1()},
        {0x42, (card->pan.left(6) + QString(card->pan.size() - 10, QLatin1Char('*')) + card->pan.right(4))
                   .toLatin1()},
        {0x44, card->expiry.toLatin1()},
        {0x45, card->serviceCode.toLatin1()}};
    const QByteArray track = track2Of(*card).toLatin1();
    const Result<QByteArray> encrypted =
        m_tdkLoaded ? m_keys->encryptTrackNow(track) : Result<QByteArray>(QByteArray());
    if (m_tdkLoaded && encrypted)
        items.insert(0x43, encrypted.value());
    else
        items.insert(0x48, track);
    if (entry != 1) {
        items.insert(0x46, card->cardSequence.toLatin1());
        // The chip's GENERATE AC: a real ARQC under the test issuer key (EmvTestCard.h), fresh UN, next ATC.
        EmvTransactionInput transaction;
        transaction.amountFen = m_lastAmountFen;
        transaction.date = QDate::currentDate();
        transaction.type = m_lastTransactionType;
        transaction.unpredictableNumber = QByteArray(4, '\0');
        if (RAND_bytes(reinterpret_cast<unsigned char*>(transaction.unpredictableNumber.data()), 4) != 1) {
            qCWarning(lcSim) << "pinpad: RAND_bytes failed; card read error";
            reply(ReadCard, 0x07);
            return;
        }
        const EmvCardInput chip{card->pan, card->cardSequence, nextAtc(card->label), false};
        const Result<QByteArray> icData = buildIccData(emvTestIssuerMasterKey(), chip, transaction);
        if (!icData) {
            qCWarning(lcSim) << "pinpad: no chip data:" << icData.error().detail;
            reply(ReadCard, 0x07);
            return;
        }
        items.insert(0x47, icData.value());
        event(0x81, {{0x40, byte(entry)}});
    }
    reply(ReadCard, Done, items);
}

void PinPadEmulator::getPin(const PadMessage& request)
{
    const QString pan = QString::fromLatin1(request.items.value(0x50));
    const int timeoutMs = byteOf(request, 0x53, 60) * 1000;
    if (!m_keys || !m_workKeysLoaded || pan.size() < 13) {
        reply(GetPin, m_keys && m_workKeysLoaded ? BadParameter : KeyError);
        return;
    }
    Cardholder::PinQuestion question;
    question.amountFen = m_lastAmountFen;
    question.prompt = QString::fromUtf8(request.items.value(0x54));
    question.minLength = std::clamp(byteOf(request, 0x51, 4), 0, 12);
    question.maxLength = std::clamp(byteOf(request, 0x52, 12), std::max(1, question.minLength), 12);
    const std::function<bool()> stillWaiting = startInteraction(GetPin, timeoutMs);
    QPointer<PinPadEmulator> self(this);
    const auto keyTyped = [self, stillWaiting](Cardholder::KeyClass key, int digitsSoFar) {
        if (self && stillWaiting())
            self->event(0x80, {{0x90, byte(key)}, {0x91, byte(digitsSoFar)}});
    };
    m_cardholder->askForPin(
        question, keyTyped, [self, stillWaiting, pan](const Cardholder::PinAnswer& answer) {
            if (!self || !stillWaiting())
                return;
            self->finishInteraction();
            if (answer.kind == Cardholder::PinAnswer::Cancel) {
                self->reply(GetPin, Cancelled);
                return;
            }
            if (answer.kind == Cardholder::PinAnswer::NoPin) {
                self->reply(GetPin, Done, {{0x56, byte(1)}});
                return;
            }
            const Result<QByteArray> block =
                self->m_keys->encryptPin(answer.digits.toLatin1(), pan.toLatin1());
            self->reply(GetPin, block ? Done : KeyError,
                        block ? QMap<quint8, QByteArray>{{0x55, block.value()}} : QMap<quint8, QByteArray>{});
        });
}

} // namespace sim
} // namespace pos
