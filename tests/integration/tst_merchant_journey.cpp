// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The merchant's path end to end, against the real simulator process and the real PIN pad emulator process
// (pty): documents and application over the signed HTTPS API, approval, activation with the pad's own key
// (the TMK is unwrapped inside the pad, never in this process), sign-on with the work keys checked inside the
// pad, a first card sale with the card and PIN read by the pad, then QR payments with the terminal's own API
// key. The installer key is refused for QR (negative control).
#include "acquirer/api/ActivationClient.h"
#include "acquirer/api/OnboardingClient.h"
#include "acquirer/api/QrClient.h"
#include "acquirer/api/QrPaymentFlow.h"
#include "acquirer/link/AcquirerLink.h"
#include "devices/pinpad/PinPadDriver.h"
#include "devices/transport/ByteTransport.h"
#include "storage/Ledger.h"
#include "storage/LedgerQrJournal.h"
#include "support/CardLinkFixture.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::acquirer;
using namespace pos::test;

namespace {

const QByteArray pngBytes = QByteArray::fromHex("89504e470d0a1a0a0000000d4948445200000001000000010806000000");

QJsonObject application(const QString& licenceId,
                        const QString& frontId,
                        const QString& backId,
                        const AgreementTerms& agreement)
{
    const QString name = u"福州测试商贸有限公司"_qs;
    return QJsonObject{
        {u"clientReference"_qs, QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {u"merchant"_qs, QJsonObject{{u"registeredName"_qs, name},
                                     {u"shopName"_qs, u"测试便利店"_qs},
                                     {u"address"_qs, QJsonObject{{u"province"_qs, u"福建省"_qs},
                                                                 {u"city"_qs, u"福州市"_qs},
                                                                 {u"district"_qs, u"鼓楼区"_qs},
                                                                 {u"street"_qs, u"五四路 1 号"_qs}}},
                                     {u"contactName"_qs, u"张三"_qs},
                                     {u"mobile"_qs, u"13800138000"_qs},
                                     {u"mcc"_qs, u"5411"_qs}}},
        {u"licence"_qs, QJsonObject{{u"uscc"_qs, u"91350100M000100Y43"_qs},
                                    {u"name"_qs, name},
                                    {u"validUntil"_qs, u"long-term"_qs},
                                    {u"documentId"_qs, licenceId}}},
        {u"tax"_qs,
         QJsonObject{{u"taxpayerType"_qs, u"small-scale"_qs}, {u"taxId"_qs, u"91350100M000100Y43"_qs}}},
        {u"legalRepresentative"_qs, QJsonObject{{u"name"_qs, u"张三"_qs},
                                                {u"idNumber"_qs, u"110105199003071239"_qs},
                                                {u"idValidUntil"_qs, u"2036-01-01"_qs},
                                                {u"idFrontDocumentId"_qs, frontId},
                                                {u"idBackDocumentId"_qs, backId}}},
        {u"settlement"_qs, QJsonObject{{u"accountType"_qs, u"corporate"_qs},
                                       {u"accountName"_qs, name},
                                       {u"accountNumber"_qs, u"35001234567890123"_qs},
                                       {u"bank"_qs, u"中国建设银行"_qs},
                                       {u"branch"_qs, u"福州五四支行"_qs}}},
        {u"features"_qs, QJsonArray{u"swipe"_qs, u"ic"_qs, u"qr"_qs}},
        {u"agreement"_qs,
         QJsonObject{
             {u"version"_qs, agreement.version},
             {u"textSha256"_qs,
              QString::fromLatin1(
                  QCryptographicHash::hash(agreement.text.toUtf8(), QCryptographicHash::Sha256).toHex())},
             {u"settlementCycle"_qs, agreement.settlementCycles.first()},
             {u"signedName"_qs, u"张三"_qs},
             {u"signedAtMs"_qs, QDateTime::currentMSecsSinceEpoch()}}},
    };
}

} // namespace

class tst_MerchantJourney final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromApplicationToFirstSales()
    {
        CardLinkFixture host;
        QVERIFY(host.startSimulator({u"--review-delay-ms"_qs, u"0"_qs}));
        const Result<QList<QSslCertificate>> pinned = loadPinnedCa(host.caPath());
        POS_VERIFY_RESULT(pinned);
        QObject context;

        // 1. Documents and application with the installer key.
        ApiConfig apiConfig;
        apiConfig.baseUrl = QUrl(host.apiUrl());
        apiConfig.pinnedCa = pinned.value();
        apiConfig.keyId = demoInstallerKeyId();
        apiConfig.secret = demoInstallerSecret();
        ApiClient api(apiConfig);
        OnboardingClient onboarding(api);
        const Result<ApiAnswer<AgreementTerms>> agreement = CardLinkFixture::await<ApiAnswer<AgreementTerms>>(
            [&](auto done) { onboarding.agreement(&context, done); });
        POS_VERIFY_RESULT(agreement);
        QVERIFY2(agreement.value().succeeded(), qPrintable(agreement.value().refusalCode()));
        QStringList documentIds;
        for (DocumentKind kind : {DocumentKind::Licence, DocumentKind::IdFront, DocumentKind::IdBack}) {
            const Result<ApiAnswer<DocumentUploadResult>> uploaded =
                CardLinkFixture::await<ApiAnswer<DocumentUploadResult>>([&](auto done) {
                    onboarding.uploadDocument(kind, pngBytes + char(kind), u"image/png"_qs, &context, done);
                });
            POS_VERIFY_RESULT(uploaded);
            QVERIFY2(uploaded.value().succeeded(), qPrintable(uploaded.value().refusalCode()));
            documentIds << uploaded.value().value->documentId;
        }
        const Result<ApiAnswer<ApplicationSubmitted>> submitted =
            CardLinkFixture::await<ApiAnswer<ApplicationSubmitted>>([&](auto done) {
                onboarding.submitApplication(
                    application(documentIds[0], documentIds[1], documentIds[2], *agreement.value().value),
                    &context, done);
            });
        POS_VERIFY_RESULT(submitted);
        QVERIFY2(submitted.value().succeeded(), qPrintable(submitted.value().refusalCode()));
        const QString applicationId = submitted.value().value->applicationId;

        std::optional<ApplicationState> approved;
        for (int poll = 0; poll < 50 && !approved; ++poll) {
            const Result<ApiAnswer<ApplicationState>> state =
                CardLinkFixture::await<ApiAnswer<ApplicationState>>(
                    [&](auto done) { onboarding.applicationStatus(applicationId, &context, done); });
            POS_VERIFY_RESULT(state);
            QVERIFY(state.value().succeeded());
            QVERIFY2(state.value().value->status != ApplicationStatus::Rejected,
                     qPrintable(state.value().value->reasons.isEmpty()
                                    ? QString()
                                    : state.value().value->reasons.first().code));
            if (state.value().value->status == ApplicationStatus::Approved)
                approved = *state.value().value;
            else
                QTest::qWait(100);
        }
        QVERIFY(approved);
        QCOMPARE(approved->activationCode.size(), 8);

        // 2. Activation: the TMK comes wrapped for the pad's key and is unwrapped inside the pad.
        std::unique_ptr<QProcess> padProcess =
            startProcess(builtExecutable(u"pos-pinpad-sim"_qs), {u"--pty"_qs});
        QVERIFY(padProcess);
        const QString ptyPath =
            waitForLine(*padProcess, u"^listening pty (.+)$"_qs, std::chrono::seconds(20));
        QVERIFY(!ptyPath.isEmpty());
        Result<std::unique_ptr<devices::ByteTransport>> transport =
            devices::ByteTransport::open(u"serial:"_qs + ptyPath);
        POS_VERIFY_RESULT(transport);
        devices::PinPadDriver pad(*transport.value(), {});
        const Result<devices::PinPadInfo> padInfo =
            CardLinkFixture::await<devices::PinPadInfo>([&](auto done) { pad.deviceInfo(&context, done); });
        POS_VERIFY_RESULT(padInfo);
        ActivationClient activation(api);
        const Result<ApiAnswer<ActivationResult>> activated =
            CardLinkFixture::await<ApiAnswer<ActivationResult>>([&](auto done) {
                activation.activate(approved->activationCode, padInfo.value().serialNumber,
                                    padInfo.value().publicKeyDer, PadKeyAlgorithm::RsaOaepSha256, &context,
                                    done);
            });
        POS_VERIFY_RESULT(activated);
        QVERIFY2(activated.value().succeeded(), qPrintable(activated.value().refusalCode()));
        const ActivationResult terminal = *activated.value().value;
        const Result<QByteArray> tmkKcv = CardLinkFixture::await<QByteArray>([&](auto done) {
            pad.loadTmk(terminal.tmkWrapped, KeyScheme::TripleDes,
                        QByteArray::fromHex(terminal.tmkKcv.toLatin1()), &context, done);
        });
        POS_VERIFY_RESULT(tmkKcv);
        QCOMPARE(QString::fromLatin1(tmkKcv.value().toHex().toUpper()), terminal.tmkKcv);

        // 3. The terminal's ledger and card engine, keys in the pad.
        storage::LedgerService ledger;
        bool opened = false;
        ledger.open(QDir(host.simulatorDir()).filePath(u"../terminal.db"_qs), &context,
                    [&opened](const Result<>& result) { opened = result.hasValue(); });
        QTRY_VERIFY(opened);
        POS_VERIFY_RESULT(CardLinkFixture::await<void>([&](auto done) {
            ledger.run<void>(
                [&terminal](storage::Ledger& l) {
                    return l.setTerminalIdentity(terminal.terminalId, terminal.merchantId, 1);
                },
                &context, [done](const Result<>& r) { done(r); });
        }));
        storage::LedgerCardJournal cardJournal(ledger);
        LinkConfig linkConfig;
        linkConfig.host = u"127.0.0.1"_qs;
        linkConfig.port = host.hostPort();
        linkConfig.pinnedCa = pinned.value();
        AcquirerLink link(linkConfig);
        CardEngineConfig engineConfig;
        engineConfig.panHashKey = QByteArray(32, '\x33');
        CardEngine engine(
            engineConfig,
            [&link](QByteArray frame, QObject* ctx, std::function<void(Result<QByteArray>)> done) {
                link.exchange(std::move(frame), ctx, std::move(done));
            },
            pad, cardJournal);
        const Result<WorkKeyCheck> signedOn =
            CardLinkFixture::await<WorkKeyCheck>([&](auto done) { engine.signOn(done); });
        POS_VERIFY_RESULT(signedOn);
        QVERIFY(signedOn.value().allMatch());

        // 4. The first swipe (首刷激活): until its activation transaction the host refuses sales. Card and
        // PIN from the pad (its default cardholder: magstripe-approve, own PIN).
        Result<CardRead> activationCard = CardLinkFixture::await<CardRead>([&](auto done) {
            pad.readCard(0, 30, devices::EntrySwipe | devices::EntryInsert, u"激活"_qs, &context, done);
        });
        POS_VERIFY_RESULT(activationCard);
        const Result<QByteArray> activationPin = CardLinkFixture::await<QByteArray>([&](auto done) {
            pad.getPin(activationCard.value().pan, 4, 12, 30, u"请输入密码"_qs, &context, done);
        });
        POS_VERIFY_RESULT(activationPin);
        activationCard.value().pinBlock = activationPin.value();
        const Result<ActivationSwipeResult> firstSwipe = CardLinkFixture::await<ActivationSwipeResult>(
            [&](auto done) { engine.activate(activationCard.value(), done); });
        POS_VERIFY_RESULT(firstSwipe);
        QCOMPARE(firstSwipe.value().outcome, CardResult::Outcome::Approved);
        QCOMPARE(firstSwipe.value().singleLimitFen, terminal.singleLimitFen);
        QCOMPARE(firstSwipe.value().dailyLimitFen, terminal.dailyLimitFen);
        QCOMPARE(firstSwipe.value().fees.size(), agreement.value().value->fees.size());

        // 5. The first sale.
        Result<CardRead> card = CardLinkFixture::await<CardRead>([&](auto done) {
            pad.readCard(880, 30, devices::EntrySwipe | devices::EntryInsert, u"消费"_qs, &context, done);
        });
        POS_VERIFY_RESULT(card);
        const Result<QByteArray> pinBlock = CardLinkFixture::await<QByteArray>(
            [&](auto done) { pad.getPin(card.value().pan, 4, 12, 30, u"请输入密码"_qs, &context, done); });
        POS_VERIFY_RESULT(pinBlock);
        card.value().pinBlock = pinBlock.value();
        const Result<CardResult> sale = CardLinkFixture::await<CardResult>(
            [&](auto done) { engine.sale(Money::fromFen(880), card.value(), done); });
        POS_VERIFY_RESULT(sale);
        QCOMPARE(sale.value().outcome, CardResult::Outcome::Approved);

        // 6. QR with the terminal's own API key; the installer key may not pay.
        QrClient installerQr(api);
        const Result<ApiAnswer<QrOrderResult>> refused =
            CardLinkFixture::await<ApiAnswer<QrOrderResult>>([&](auto done) {
                installerQr.pay(u"INSTALLER0001"_qs, 100, u"134567890123456780"_qs, u"test"_qs, &context,
                                done);
            });
        POS_VERIFY_RESULT(refused);
        QCOMPARE(refused.value().refusalCode(), u"KEY_SCOPE"_qs);

        api.setCredentials(terminal.apiKeyId, ApiSecret(terminal.apiSecret));
        QrClient qr(api);
        storage::LedgerQrJournal qrJournal(ledger);
        QrFlowConfig flowConfig;
        flowConfig.terminalId = terminal.terminalId;
        flowConfig.pollIntervalMs = 200;
        QrPaymentFlow flow(flowConfig, qr, qrJournal);
        for (const QString& code :
             {u"134567890123456780"_qs, u"284567890123456786"_qs}) { // paid at once; after polling
            const Result<QrPaymentResult> paid = CardLinkFixture::await<QrPaymentResult>([&](auto done) {
                flow.pay({Money::fromFen(1250), code, u"测试商品"_qs}, done);
            });
            POS_VERIFY_RESULT(paid);
            QCOMPARE(paid.value().outcome, QrPaymentResult::Outcome::Paid);
        }

        // The host saw one approved sale from the new terminal and two paid QR orders.
        const QJsonObject dump = host.hostDump();
        int approvedHere = 0;
        for (const QJsonValue& row : dump.value(u"transactions"_qs).toArray())
            approvedHere += row.toObject().value(u"tid"_qs).toString() == terminal.terminalId &&
                            row.toObject().value(u"kind"_qs).toString() == u"sale"_qs &&
                            row.toObject().value(u"state"_qs).toString() == u"approved"_qs;
        QCOMPARE(approvedHere, 1);
        const QJsonArray activations = dump.value(u"activations"_qs).toArray();
        QCOMPARE(activations.size(), 1);
        QCOMPARE(activations.at(0).toObject().value(u"state"_qs).toString(), u"approved"_qs);
        int paidOrders = 0;
        for (const QJsonValue& row : dump.value(u"qrOrders"_qs).toArray())
            paidOrders += row.toObject().value(u"status"_qs).toString() == u"PAID"_qs;
        QCOMPARE(paidOrders, 2);
    }
};

QTEST_GUILESS_MAIN(tst_MerchantJourney)
#include "tst_merchant_journey.moc"
