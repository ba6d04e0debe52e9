// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

// The terminal side of activation for the tests that run it against the real processes: an approved
// application's code from the simulator's onboarding API, the PIN pad emulator over a pty (optionally with
// a cardholder script), and a terminal made of a real ledger file, the activation store, the card journal,
// the API client, the pad driver, the card link and engine, and the ActivationService. Header-only; the
// test links pos_activation, pos_storage and pos_simulators.
#include "acquirer/api/ActivationClient.h"
#include "acquirer/api/OnboardingClient.h"
#include "acquirer/engine/CardEngine.h"
#include "acquirer/link/AcquirerLink.h"
#include "activation/ActivationService.h"
#include "activation/CardLinkAdapter.h"
#include "activation/OnboardingTestDraft.h"
#include "devices/pinpad/PinPadDriver.h"
#include "devices/transport/ByteTransport.h"
#include "storage/LedgerActivationStore.h"
#include "storage/LedgerCardJournal.h"
#include "storage/LedgerService.h"
#include "support/CardLinkFixture.h"

#include <QUuid>

namespace pos {
namespace test {

struct ActivationTerminal
{
    std::unique_ptr<storage::LedgerService> ledger;
    std::unique_ptr<storage::LedgerActivationStore> store;
    std::unique_ptr<storage::LedgerCardJournal> journal;
    std::unique_ptr<acquirer::ApiClient> api;
    std::unique_ptr<acquirer::ActivationClient> client;
    std::unique_ptr<devices::ByteTransport> transport;
    std::unique_ptr<devices::PinPadDriver> pad;
    std::unique_ptr<acquirer::AcquirerLink> link;
    std::unique_ptr<acquirer::CardEngine> engine;
    std::unique_ptr<activation::ActivationService> service;
    QList<receipt::ReceiptDocument> slips; // what the service queued for printing
};

// The PIN pad emulator over a pty in dir; script: the cardholder's lines (empty: the default card and PIN).
inline std::unique_ptr<QProcess>
startScriptedPad(const QTemporaryDir& dir, const QString& script, QString* ptyPath)
{
    QStringList args{QStringLiteral("--pty"), QStringLiteral("--data-dir"),
                     dir.filePath(QStringLiteral("pad"))};
    if (!script.isEmpty()) {
        QFile file(dir.filePath(QStringLiteral("script.txt")));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return nullptr;
        file.write(script.toUtf8());
        file.close();
        args << QStringLiteral("--script") << file.fileName();
    }
    std::unique_ptr<QProcess> pad = startProcess(builtExecutable(QStringLiteral("pos-pinpad-sim")), args);
    if (!pad)
        return nullptr;
    *ptyPath = waitForLine(*pad, QStringLiteral("^listening pty (.+)$"), std::chrono::seconds(20));
    return ptyPath->isEmpty() ? nullptr : std::move(pad);
}

// An approved application's activation code, through the onboarding API as the onboarding service sends it.
inline QString approvedActivationCode(CardLinkFixture& host)
{
    using namespace acquirer;
    const QByteArray png = QByteArray::fromHex("89504e470d0a1a0a0000000d4948445200000001000000010806000000");
    ApiConfig config;
    config.baseUrl = QUrl(host.apiUrl());
    config.pinnedCa = loadPinnedCa(host.caPath()).value();
    config.keyId = demoInstallerKeyId();
    config.secret = demoInstallerSecret();
    ApiClient api(config);
    OnboardingClient onboarding(api);
    QObject context;
    activation::OnboardingDraft draft = validTestDraft();
    draft.clientReference = QUuid::createUuid().toString(QUuid::WithoutBraces);
    for (int k = 0; k < activation::attachmentKindCount; ++k) {
        const auto uploaded = CardLinkFixture::await<ApiAnswer<DocumentUploadResult>>([&](auto done) {
            onboarding.uploadDocument(static_cast<DocumentKind>(k), png + char(k),
                                      QStringLiteral("image/png"), &context, done);
        });
        if (!uploaded || !uploaded.value().succeeded())
            return {};
        draft.attachment(static_cast<activation::AttachmentKind>(k)).documentId =
            uploaded.value().value->documentId;
    }
    const Result<QJsonObject> body = activation::applicationJson(draft);
    const auto submitted = CardLinkFixture::await<ApiAnswer<ApplicationSubmitted>>(
        [&](auto done) { onboarding.submitApplication(body.value(), &context, done); });
    if (!submitted || !submitted.value().succeeded())
        return {};
    for (int poll = 0; poll < 100; ++poll) {
        const auto state = CardLinkFixture::await<ApiAnswer<ApplicationState>>([&](auto done) {
            onboarding.applicationStatus(submitted.value().value->applicationId, &context, done);
        });
        if (state && state.value().succeeded() && state.value().value->status == ApplicationStatus::Approved)
            return state.value().value->activationCode;
        QTest::qWait(50);
    }
    return {};
}

// The terminal on ledgerPath with the pad at padPty. apiUrl: the simulator's unless given (e.g. an
// unreachable one); tweak may replace parts of the card link before the service is built; configure may
// change the service's configuration (its automatic retries wait 100, 200 and 300 ms here). Null on failure.
inline std::unique_ptr<ActivationTerminal>
makeActivationTerminal(CardLinkFixture& host,
                       const QString& ledgerPath,
                       const QString& padPty,
                       const QString& apiUrl = {},
                       const std::function<void(activation::CardLinkOperations&)>& tweak = {},
                       const std::function<void(activation::ActivationService::Config&)>& configure = {})
{
    using namespace acquirer;
    auto t = std::make_unique<ActivationTerminal>();
    t->ledger = std::make_unique<storage::LedgerService>();
    bool opened = false;
    QObject context;
    t->ledger->open(ledgerPath, &context, [&opened](const Result<>& r) { opened = r.hasValue(); });
    if (!QTest::qWaitFor([&] { return opened; }, 20000))
        return nullptr;
    t->store = std::make_unique<storage::LedgerActivationStore>(*t->ledger);
    t->journal = std::make_unique<storage::LedgerCardJournal>(*t->ledger);
    ApiConfig config;
    config.baseUrl = QUrl(apiUrl.isEmpty() ? host.apiUrl() : apiUrl);
    config.pinnedCa = loadPinnedCa(host.caPath()).value();
    config.keyId = demoInstallerKeyId();
    config.secret = demoInstallerSecret();
    config.onboardingTimeoutMs = 5000;
    t->api = std::make_unique<ApiClient>(config);
    t->client = std::make_unique<ActivationClient>(*t->api);
    Result<std::unique_ptr<devices::ByteTransport>> transport =
        devices::ByteTransport::open(QStringLiteral("serial:") + padPty);
    if (!transport)
        return nullptr;
    t->transport = std::move(transport).value();
    t->pad = std::make_unique<devices::PinPadDriver>(*t->transport, devices::PinPadDriver::Config{});
    LinkConfig linkConfig;
    linkConfig.host = QStringLiteral("127.0.0.1");
    linkConfig.port = host.hostPort();
    linkConfig.pinnedCa = config.pinnedCa;
    linkConfig.responseTimeoutMs = 5000;
    t->link = std::make_unique<AcquirerLink>(linkConfig);
    CardEngineConfig engineConfig;
    engineConfig.panHashKey = QByteArray(32, '\x33');
    AcquirerLink* link = t->link.get();
    t->engine = std::make_unique<CardEngine>(
        engineConfig,
        [link](QByteArray frame, QObject* ctx, std::function<void(Result<QByteArray>)> done) {
            link->exchange(std::move(frame), ctx, std::move(done));
        },
        *t->pad, *t->journal);
    activation::ActivationService::Config serviceConfig;
    serviceConfig.requestedTenders = {QStringLiteral("swipe"), QStringLiteral("qr")};
    serviceConfig.cardTimeoutSeconds = 20;
    serviceConfig.pinTimeoutSeconds = 20;
    serviceConfig.retryDelaysMs = {100, 200, 300};
    if (configure)
        configure(serviceConfig);
    activation::CardLinkOperations ops = activation::cardLinkOperations(*t->engine);
    if (tweak)
        tweak(ops);
    ActivationTerminal* raw = t.get();
    t->service = std::make_unique<activation::ActivationService>(
        serviceConfig, *t->store, *t->client, *t->pad, std::move(ops),
        [](const QByteArray& secret) -> Result<QByteArray> {
            return QByteArray(QByteArray("sealed:") + secret.toHex());
        },
        [raw](const receipt::ReceiptDocument& slip, std::function<void(Result<qint64>)> done) {
            raw->slips.append(slip);
            QTimer::singleShot(0, [done, n = raw->slips.size()] { done(qint64(n)); });
        });
    const Result<> started = CardLinkFixture::await<void>([&](auto done) { raw->service->start(done); });
    return started ? std::move(t) : nullptr;
}

} // namespace test
} // namespace pos
