// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// Onboarding and activation over the simulator's JSON API (real TLS, installer key): the document store,
// field validation, the approve path, every rejection reason, idempotent submission and PUT resubmission,
// then activation with a test RSA (and SM2) key whose private half unwraps the TMK in the test.
#include "acquirer/api/ApiResponses.h"
#include "simulators/ApiTestSupport.h"
#include "simulators/SimTestTerminal.h"
#include "simulators/acquirer/CardHost.h"
#include "simulators/acquirer/HostLedgerDump.h"
#include "support/TestSupport.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

using namespace pos;
using namespace pos::sim;
using namespace pos::test;
using namespace Qt::StringLiterals;

namespace {

const QByteArray jpeg = QByteArray::fromHex("ffd8ffe000104a46494600") + QByteArray("licence scan");
const QByteArray png = QByteArray::fromHex("89504e470d0a1a0a") + QByteArray("id front");
const QByteArray pdf = QByteArray("%PDF-1.7\nid back");

const QString validUscc = u"91350100M000100Y43"_qs; // check character computed separately
const QString otherValidUscc = u"91440300MA5ABCDE0E"_qs;
const QString validId = u"440308199003071235"_qs;

struct PkeyFree
{
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

Pkey generateKey(const char* type, size_t rsaBits = 2048)
{
    if (QByteArrayView(type) == "RSA")
        return Pkey(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", rsaBits));
    return Pkey(EVP_PKEY_Q_keygen(nullptr, nullptr, type));
}

QString publicKeyBase64(EVP_PKEY* key)
{
    unsigned char* der = nullptr;
    const int length = i2d_PUBKEY(key, &der);
    const QByteArray bytes(reinterpret_cast<const char*>(der), length);
    OPENSSL_free(der);
    return QString::fromLatin1(bytes.toBase64());
}

QByteArray unwrap(EVP_PKEY* key, const QByteArray& wrapped, bool rsa)
{
    EVP_PKEY_CTX* context = EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr);
    QByteArray plain;
    if (context && EVP_PKEY_decrypt_init(context) > 0 &&
        (!rsa || (EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_OAEP_PADDING) > 0 &&
                  EVP_PKEY_CTX_set_rsa_oaep_md(context, EVP_sha256()) > 0 &&
                  EVP_PKEY_CTX_set_rsa_mgf1_md(context, EVP_sha256()) > 0))) {
        size_t length = 0;
        const auto* in = reinterpret_cast<const unsigned char*>(wrapped.constData());
        if (EVP_PKEY_decrypt(context, nullptr, &length, in, static_cast<size_t>(wrapped.size())) > 0) {
            plain.resize(static_cast<qsizetype>(length));
            if (EVP_PKEY_decrypt(context, reinterpret_cast<unsigned char*>(plain.data()), &length, in,
                                 static_cast<size_t>(wrapped.size())) > 0)
                plain.truncate(static_cast<qsizetype>(length));
            else
                plain.clear();
        }
    }
    EVP_PKEY_CTX_free(context);
    return plain;
}

// The first 3 bytes of key encrypting a zero block, computed with EVP directly (not the simulator's helper).
QString kcv(const QByteArray& key, bool sm4)
{
    EVP_CIPHER_CTX* context = EVP_CIPHER_CTX_new();
    const EVP_CIPHER* cipher = sm4 ? EVP_sm4_ecb() : EVP_des_ede_ecb();
    const QByteArray zeros(sm4 ? 16 : 8, '\0');
    QByteArray out(32, '\0');
    int length = 0;
    EVP_EncryptInit_ex(context, cipher, nullptr, reinterpret_cast<const unsigned char*>(key.constData()),
                       nullptr);
    EVP_CIPHER_CTX_set_padding(context, 0);
    EVP_EncryptUpdate(context, reinterpret_cast<unsigned char*>(out.data()), &length,
                      reinterpret_cast<const unsigned char*>(zeros.constData()),
                      static_cast<int>(zeros.size()));
    EVP_CIPHER_CTX_free(context);
    return QString::fromLatin1(out.left(3).toHex().toUpper());
}

void setAt(QJsonObject& root, const QString& dottedPath, const QJsonValue& value)
{
    const qsizetype dot = dottedPath.indexOf(QLatin1Char('.'));
    if (dot < 0) {
        if (value.isUndefined())
            root.remove(dottedPath);
        else
            root.insert(dottedPath, value);
        return;
    }
    QJsonObject child = root.value(dottedPath.left(dot)).toObject();
    setAt(child, dottedPath.mid(dot + 1), value);
    root.insert(dottedPath.left(dot), child);
}

} // namespace

class tst_ApiOnboarding final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void publishesTheAgreement();
    void storesDocumentsIdempotently();
    void refusesBadDocuments_data();
    void refusesBadDocuments();
    void refusesInvalidFields_data();
    void refusesInvalidFields();
    void approvesAValidApplication();
    void rejectsWithEveryReason_data();
    void rejectsWithEveryReason();
    void duplicateLicenceIsRejected();
    void sameClientReferenceIsTheSameApplication();
    void correctedApplicationIsReviewedAgain();
    void unknownApplicationIs404();
    void activationWrapsTheTmkForTheRsaPad();
    void activationIsIdempotentForTheSamePad();
    void activationCodeUsedByAnotherPad();
    void activationRefusals_data();
    void activationRefusals();
    void activationForAnSm2Pad();

private:
    QJsonObject application(const QString& clientReference);
    QString upload(const QByteArray& content, const QByteArray& contentType, const QByteArray& kind);
    // Submits and waits for the decision; returns the final status object.
    QJsonObject submitAndDecide(const QJsonObject& body);
    QJsonObject waitForDecision(const QString& applicationId);
    QString approvedActivationCode(const QString& clientReference, const QString& uscc);

    std::unique_ptr<ApiFixture> m_fixture;
    std::unique_ptr<ApiTestClient> m_client;
    QString m_agreementVersion, m_agreementSha256; // of GET /v1/onboarding/agreement
    QString m_licenceDoc, m_idFrontDoc, m_idBackDoc;
};

void tst_ApiOnboarding::init()
{
    m_fixture = std::make_unique<ApiFixture>();
    QVERIFY(m_fixture->start());
    m_client = m_fixture->client();
    const ApiTestResponse agreement = m_client->send("GET", "/v1/onboarding/agreement");
    QCOMPARE(agreement.status, 200);
    m_agreementVersion = agreement.json().value(u"version"_qs).toString();
    m_agreementSha256 =
        QString::fromLatin1(QCryptographicHash::hash(agreement.json().value(u"text"_qs).toString().toUtf8(),
                                                     QCryptographicHash::Sha256)
                                .toHex());
    m_licenceDoc = upload(jpeg, "image/jpeg", "licence");
    m_idFrontDoc = upload(png, "image/png", "id-front");
    m_idBackDoc = upload(pdf, "application/pdf", "id-back");
    QVERIFY(!m_licenceDoc.isEmpty() && !m_idFrontDoc.isEmpty() && !m_idBackDoc.isEmpty());
}

void tst_ApiOnboarding::cleanup()
{
    m_client.reset();
    m_fixture.reset();
}

QString
tst_ApiOnboarding::upload(const QByteArray& content, const QByteArray& contentType, const QByteArray& kind)
{
    ApiTestClient::Overrides headers;
    headers.extraHeaders = {{"Content-Type", contentType}, {"X-Pos-Document-Kind", kind}};
    const ApiTestResponse response = m_client->send("POST", "/v1/onboarding/documents", content, headers);
    return response.json().value(u"documentId"_qs).toString();
}

QJsonObject tst_ApiOnboarding::application(const QString& clientReference)
{
    return QJsonObject{
        {u"clientReference"_qs, clientReference},
        {u"merchant"_qs, QJsonObject{{u"registeredName"_qs, u"福州示例餐饮有限公司"_qs},
                                     {u"shopName"_qs, u"示例小馆"_qs},
                                     {u"address"_qs, QJsonObject{{u"province"_qs, u"福建省"_qs},
                                                                 {u"city"_qs, u"福州市"_qs},
                                                                 {u"district"_qs, u"鼓楼区"_qs},
                                                                 {u"street"_qs, u"五四路1号"_qs}}},
                                     {u"contactName"_qs, u"张三"_qs},
                                     {u"mobile"_qs, u"13800000000"_qs},
                                     {u"mcc"_qs, u"5812"_qs}}},
        {u"licence"_qs, QJsonObject{{u"uscc"_qs, validUscc},
                                    {u"name"_qs, u"福州示例餐饮有限公司"_qs},
                                    {u"validUntil"_qs, u"long-term"_qs},
                                    {u"documentId"_qs, m_licenceDoc}}},
        {u"tax"_qs, QJsonObject{{u"taxpayerType"_qs, u"small-scale"_qs}, {u"taxId"_qs, validUscc}}},
        {u"legalRepresentative"_qs, QJsonObject{{u"name"_qs, u"张三"_qs},
                                                {u"idNumber"_qs, validId},
                                                {u"idValidUntil"_qs, u"2036-01-31"_qs},
                                                {u"idFrontDocumentId"_qs, m_idFrontDoc},
                                                {u"idBackDocumentId"_qs, m_idBackDoc}}},
        {u"settlement"_qs, QJsonObject{{u"accountType"_qs, u"corporate"_qs},
                                       {u"accountName"_qs, u"福州示例餐饮有限公司"_qs},
                                       {u"accountNumber"_qs, u"6222020000000000000"_qs},
                                       {u"bank"_qs, u"中国工商银行"_qs},
                                       {u"branch"_qs, u"福州五四支行"_qs}}},
        {u"features"_qs, QJsonArray{u"ic"_qs, u"contactless"_qs, u"qr"_qs, u"refund"_qs}},
        {u"agreement"_qs, QJsonObject{{u"version"_qs, m_agreementVersion},
                                      {u"textSha256"_qs, m_agreementSha256},
                                      {u"settlementCycle"_qs, u"T+1"_qs},
                                      {u"signedName"_qs, u"张三"_qs},
                                      {u"signedAtMs"_qs, 1'795'000'000'000LL}}},
    };
}

QJsonObject tst_ApiOnboarding::waitForDecision(const QString& applicationId)
{
    QJsonObject status;
    const bool decided = QTest::qWaitFor(
        [&] {
            status = m_client->send("GET", "/v1/onboarding/applications/" + applicationId.toLatin1()).json();
            const QString state = status.value(u"status"_qs).toString();
            return state == u"approved"_qs || state == u"rejected"_qs;
        },
        10000);
    if (!decided)
        qWarning("application %s not decided", qPrintable(applicationId));
    return status;
}

QJsonObject tst_ApiOnboarding::submitAndDecide(const QJsonObject& body)
{
    const ApiTestResponse submitted = m_client->sendJson("POST", "/v1/onboarding/applications", body);
    if (submitted.status != 202)
        qWarning("submit answered %d: %s", submitted.status, submitted.body.constData());
    return waitForDecision(submitted.json().value(u"applicationId"_qs).toString());
}

QString tst_ApiOnboarding::approvedActivationCode(const QString& clientReference, const QString& uscc)
{
    QJsonObject body = application(clientReference);
    setAt(body, u"licence.uscc"_qs, uscc);
    return submitAndDecide(body).value(u"activationCode"_qs).toString();
}

void tst_ApiOnboarding::publishesTheAgreement()
{
    const ApiTestResponse response = m_client->send("GET", "/v1/onboarding/agreement");
    QCOMPARE(response.status, 200);
    QVERIFY(m_client->responseVerifies(response));
    const Result<acquirer::AgreementTerms> terms = acquirer::parseAgreementTerms(response.body);
    POS_VERIFY_RESULT(terms);
    QCOMPARE(terms.value().version, u"2026-01"_qs);
    for (const QString& clause : {u"特约商户受理协议"_qs, u"跳码"_qs, u"套取现金"_qs, u"至少一年"_qs,
                                  u"遗失"_qs, u"退单"_qs, u"终止"_qs, u"T+1"_qs})
        QVERIFY2(terms.value().text.contains(clause), qPrintable(clause));
    QCOMPARE(terms.value().fees.size(), 3);
    QCOMPARE(terms.value().fees.at(0).tender, u"debit"_qs);
    QCOMPARE(terms.value().fees.at(0).rateBasisPoints, 50);
    QCOMPARE(terms.value().fees.at(0).capFen, std::optional<qint64>(2000));
    QCOMPARE(terms.value().settlementCycles, (QStringList{u"T+1"_qs, u"D0"_qs}));
    QCOMPARE(m_client->send("POST", "/v1/onboarding/agreement", "{}").status, 405);
}

void tst_ApiOnboarding::storesDocumentsIdempotently()
{
    ApiTestClient::Overrides headers;
    headers.extraHeaders = {{"Content-Type", "image/jpeg"}, {"X-Pos-Document-Kind", "other"}};
    const QByteArray content = QByteArray::fromHex("ffd8ffdb") + QByteArray(1000, 'z');
    const ApiTestResponse first = m_client->send("POST", "/v1/onboarding/documents", content, headers);
    QCOMPARE(first.status, 201);
    QVERIFY(m_client->responseVerifies(first));
    const QString sha256 = QString::fromLatin1(testBodyHash(content));
    QCOMPARE(first.json().value(u"sha256"_qs).toString(), sha256);
    QCOMPARE(first.json().value(u"documentId"_qs).toString(), u"D"_qs + sha256.left(16));
    QCOMPARE(first.json().value(u"sizeBytes"_qs).toInteger(), content.size());
    const ApiTestResponse again = m_client->send("POST", "/v1/onboarding/documents", content, headers);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json(), first.json());
}

void tst_ApiOnboarding::refusesBadDocuments_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("PNG declared as JPEG")
        << png << QByteArray("image/jpeg") << QByteArray("licence") << 415 << u"DOCUMENT_TYPE"_qs;
    QTest::newRow("GIF") << QByteArray("GIF89a....") << QByteArray("image/gif") << QByteArray("licence")
                         << 415 << u"DOCUMENT_TYPE"_qs;
    QTest::newRow("text as PDF") << QByteArray("hello") << QByteArray("application/pdf")
                                 << QByteArray("other") << 415 << u"DOCUMENT_TYPE"_qs;
    QTest::newRow("empty") << QByteArray() << QByteArray("image/png") << QByteArray("other") << 400
                           << u"DOCUMENT_EMPTY"_qs;
    QTest::newRow("above 10 MiB") << QByteArray("%PDF-" + QByteArray(10 * 1024 * 1024, 'x'))
                                  << QByteArray("application/pdf") << QByteArray("other") << 413
                                  << u"DOCUMENT_TOO_LARGE"_qs;
    QTest::newRow("unknown kind") << pdf << QByteArray("application/pdf") << QByteArray("selfie") << 400
                                  << u"FIELD_INVALID"_qs;
}

void tst_ApiOnboarding::refusesBadDocuments()
{
    QFETCH(QByteArray, content);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, kind);
    QFETCH(int, status);
    QFETCH(QString, code);
    ApiTestClient::Overrides headers;
    headers.extraHeaders = {{"Content-Type", contentType}, {"X-Pos-Document-Kind", kind}};
    const ApiTestResponse response =
        m_client->send("POST", "/v1/onboarding/documents", content, headers, 30000);
    QCOMPARE(response.status, status);
    QCOMPARE(response.errorCode(), code);
    QVERIFY(m_client->responseVerifies(response));
}

void tst_ApiOnboarding::refusesInvalidFields_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value"); // Undefined: removed
    QTest::addColumn<QString>("code");
    QTest::newRow("missing licence.uscc")
        << u"licence.uscc"_qs << QJsonValue(QJsonValue::Undefined) << u"FIELD_INVALID"_qs;
    QTest::newRow("number as shopName") << u"merchant.shopName"_qs << QJsonValue(5) << u"FIELD_INVALID"_qs;
    QTest::newRow("missing address.city")
        << u"merchant.address.city"_qs << QJsonValue(QJsonValue::Undefined) << u"FIELD_INVALID"_qs;
    QTest::newRow("bad validUntil") << u"licence.validUntil"_qs << QJsonValue(u"2030-02-30"_qs)
                                    << u"FIELD_INVALID"_qs;
    QTest::newRow("bad taxpayerType")
        << u"tax.taxpayerType"_qs << QJsonValue(u"huge"_qs) << u"FIELD_INVALID"_qs;
    QTest::newRow("bad accountType") << u"settlement.accountType"_qs << QJsonValue(u"joint"_qs)
                                     << u"FIELD_INVALID"_qs;
    QTest::newRow("no tender") << u"features"_qs << QJsonValue(QJsonArray{u"refund"_qs})
                               << u"FIELD_INVALID"_qs;
    QTest::newRow("unknown feature") << u"features"_qs << QJsonValue(QJsonArray{u"qr"_qs, u"crypto"_qs})
                                     << u"FIELD_INVALID"_qs;
    QTest::newRow("signedAtMs as text")
        << u"agreement.signedAtMs"_qs << QJsonValue(u"now"_qs) << u"FIELD_INVALID"_qs;
    QTest::newRow("textSha256 of another text")
        << u"agreement.textSha256"_qs << QJsonValue(QString(64, u'a')) << u"FIELD_INVALID"_qs;
    QTest::newRow("textSha256 not hex")
        << u"agreement.textSha256"_qs << QJsonValue(QString(64, u'z')) << u"FIELD_INVALID"_qs;
    QTest::newRow("unpublished version")
        << u"agreement.version"_qs << QJsonValue(u"2019-07"_qs) << u"FIELD_INVALID"_qs;
    QTest::newRow("unknown settlementCycle")
        << u"agreement.settlementCycle"_qs << QJsonValue(u"T+7"_qs) << u"FIELD_INVALID"_qs;
    QTest::newRow("mcc letters") << u"merchant.mcc"_qs << QJsonValue(u"58A2"_qs) << u"FIELD_INVALID"_qs;
    QTest::newRow("unknown licence document")
        << u"licence.documentId"_qs << QJsonValue(u"D0000000000000000"_qs) << u"DOCUMENT_UNKNOWN"_qs;
    QTest::newRow("unknown ID back document")
        << u"legalRepresentative.idBackDocumentId"_qs << QJsonValue(u"Dffffffffffffffff"_qs)
        << u"DOCUMENT_UNKNOWN"_qs;
}

void tst_ApiOnboarding::refusesInvalidFields()
{
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, code);
    QJsonObject body = application(u"ref-invalid"_qs);
    setAt(body, path, value);
    const ApiTestResponse refused = m_client->sendJson("POST", "/v1/onboarding/applications", body);
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.errorCode(), code);
    const QString message = refused.json().value(u"error"_qs).toObject().value(u"message"_qs).toString();
    QVERIFY2(message.contains(path), qPrintable(message));
    // Nothing was stored: the valid body under the same reference is a new application (202, not 200).
    QCOMPARE(m_client->sendJson("POST", "/v1/onboarding/applications", application(u"ref-invalid"_qs)).status,
             202);
}

void tst_ApiOnboarding::approvesAValidApplication()
{
    const ApiTestResponse submitted =
        m_client->sendJson("POST", "/v1/onboarding/applications", application(u"ref-approve"_qs));
    QCOMPARE(submitted.status, 202);
    QVERIFY(m_client->responseVerifies(submitted));
    QCOMPARE(submitted.json().value(u"status"_qs).toString(), u"submitted"_qs);
    const QString id = submitted.json().value(u"applicationId"_qs).toString();
    QVERIFY(id.startsWith(u'A'));
    const QJsonObject pending = m_client->send("GET", "/v1/onboarding/applications/" + id.toLatin1()).json();
    QCOMPARE(pending.value(u"status"_qs).toString(), u"under_review"_qs);
    QVERIFY(!pending.contains(u"merchantId"_qs));

    const QJsonObject decided = waitForDecision(id);
    QCOMPARE(decided.value(u"status"_qs).toString(), u"approved"_qs);
    QVERIFY(QRegularExpression(u"^8981000\\d{8}$"_qs)
                .match(decided.value(u"merchantId"_qs).toString())
                .hasMatch());
    QVERIFY(QRegularExpression(u"^[A-HJ-NP-Z2-9]{8}$"_qs)
                .match(decided.value(u"activationCode"_qs).toString())
                .hasMatch());
    QVERIFY(decided.value(u"updatedAtMs"_qs).toInteger() > 0);
    QVERIFY(!decided.contains(u"reasons"_qs));
}

void tst_ApiOnboarding::rejectsWithEveryReason_data()
{
    QTest::addColumn<QStringList>("paths");
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<QStringList>("codes");
    QTest::newRow("USCC check character")
        << QStringList{u"licence.uscc"_qs} << QStringList{u"91350100M000100Y44"_qs}
        << QStringList{u"LICENCE_INVALID"_qs};
    QTest::newRow("USCC with I") << QStringList{u"licence.uscc"_qs} << QStringList{u"91350100MI00100Y43"_qs}
                                 << QStringList{u"LICENCE_INVALID"_qs};
    QTest::newRow("ID check digit") << QStringList{u"legalRepresentative.idNumber"_qs}
                                    << QStringList{u"440308199003071236"_qs} << QStringList{u"ID_INVALID"_qs};
    QTest::newRow("ID birth date 1999-02-29")
        << QStringList{u"legalRepresentative.idNumber"_qs} << QStringList{u"110105199902290013"_qs}
        << QStringList{u"ID_INVALID"_qs};
    QTest::newRow("ID blacklisted") << QStringList{u"legalRepresentative.idNumber"_qs}
                                    << QStringList{u"11010519491231002X"_qs}
                                    << QStringList{u"ID_BLACKLISTED"_qs};
    QTest::newRow("corporate account name")
        << QStringList{u"settlement.accountName"_qs} << QStringList{u"张三"_qs}
        << QStringList{u"ACCOUNT_NAME_MISMATCH"_qs};
    QTest::newRow("personal account name")
        << QStringList{u"settlement.accountType"_qs} << QStringList{u"personal"_qs}
        << QStringList{u"ACCOUNT_NAME_MISMATCH"_qs};
    QTest::newRow("all at once")
        << QStringList{u"licence.uscc"_qs, u"legalRepresentative.idNumber"_qs, u"settlement.accountName"_qs}
        << QStringList{u"91350100M000100Y40"_qs, u"440308199003071230"_qs, u"李四"_qs}
        << QStringList{u"LICENCE_INVALID"_qs, u"ID_INVALID"_qs, u"ACCOUNT_NAME_MISMATCH"_qs};
}

void tst_ApiOnboarding::rejectsWithEveryReason()
{
    QFETCH(QStringList, paths);
    QFETCH(QStringList, values);
    QFETCH(QStringList, codes);
    QJsonObject body = application(u"ref-reject"_qs);
    for (qsizetype i = 0; i < paths.size(); ++i)
        setAt(body, paths.at(i), values.at(i));
    const QJsonObject decided = submitAndDecide(body);
    QCOMPARE(decided.value(u"status"_qs).toString(), u"rejected"_qs);
    QVERIFY(!decided.contains(u"merchantId"_qs));
    QVERIFY(!decided.contains(u"activationCode"_qs));
    QStringList got;
    for (const QJsonValue& reason : decided.value(u"reasons"_qs).toArray()) {
        got << reason.toObject().value(u"code"_qs).toString();
        QVERIFY(!reason.toObject().value(u"field"_qs).toString().isEmpty());
        QVERIFY(!reason.toObject().value(u"message"_qs).toString().isEmpty());
    }
    QCOMPARE(got, codes);
}

void tst_ApiOnboarding::duplicateLicenceIsRejected()
{
    QVERIFY(!approvedActivationCode(u"ref-first"_qs, validUscc).isEmpty());
    const QJsonObject second = submitAndDecide(application(u"ref-second"_qs));
    QCOMPARE(second.value(u"status"_qs).toString(), u"rejected"_qs);
    const QJsonObject reason = second.value(u"reasons"_qs).toArray().first().toObject();
    QCOMPARE(reason.value(u"code"_qs).toString(), u"LICENCE_DUPLICATE"_qs);
    QCOMPARE(reason.value(u"field"_qs).toString(), u"licence.uscc"_qs);
    QVERIFY(!approvedActivationCode(u"ref-third"_qs, otherValidUscc).isEmpty()); // another licence passes
}

void tst_ApiOnboarding::sameClientReferenceIsTheSameApplication()
{
    const ApiTestResponse first =
        m_client->sendJson("POST", "/v1/onboarding/applications", application(u"ref-same"_qs));
    QCOMPARE(first.status, 202);
    const QString id = first.json().value(u"applicationId"_qs).toString();
    const ApiTestResponse again =
        m_client->sendJson("POST", "/v1/onboarding/applications", application(u"ref-same"_qs));
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json().value(u"applicationId"_qs).toString(), id);
    QCOMPARE(again.json().value(u"status"_qs).toString(), u"under_review"_qs);
    waitForDecision(id);
    const ApiTestResponse afterDecision =
        m_client->sendJson("POST", "/v1/onboarding/applications", application(u"ref-same"_qs));
    QCOMPARE(afterDecision.json().value(u"applicationId"_qs).toString(), id);
    QCOMPARE(afterDecision.json().value(u"status"_qs).toString(), u"approved"_qs);
}

void tst_ApiOnboarding::correctedApplicationIsReviewedAgain()
{
    QJsonObject body = application(u"ref-fix"_qs);
    setAt(body, u"settlement.accountName"_qs, u"错误名称"_qs);
    const ApiTestResponse submitted = m_client->sendJson("POST", "/v1/onboarding/applications", body);
    const QByteArray target =
        "/v1/onboarding/applications/" + submitted.json().value(u"applicationId"_qs).toString().toLatin1();
    QCOMPARE(waitForDecision(submitted.json().value(u"applicationId"_qs).toString())
                 .value(u"status"_qs)
                 .toString(),
             u"rejected"_qs);

    QJsonObject otherReference = application(u"ref-other"_qs);
    QCOMPARE(m_client->send("PUT", target, QJsonDocument(otherReference).toJson(QJsonDocument::Compact))
                 .errorCode(),
             u"FIELD_INVALID"_qs);
    const ApiTestResponse corrected = m_client->send(
        "PUT", target, QJsonDocument(application(u"ref-fix"_qs)).toJson(QJsonDocument::Compact));
    QCOMPARE(corrected.status, 202);
    QCOMPARE(corrected.json().value(u"status"_qs).toString(), u"submitted"_qs);
    const QJsonObject decided = waitForDecision(corrected.json().value(u"applicationId"_qs).toString());
    QCOMPARE(decided.value(u"status"_qs).toString(), u"approved"_qs);
    const ApiTestResponse late = m_client->send(
        "PUT", target, QJsonDocument(application(u"ref-fix"_qs)).toJson(QJsonDocument::Compact));
    QCOMPARE(late.status, 409);
    QCOMPARE(late.errorCode(), u"APPLICATION_STATE"_qs);
}

void tst_ApiOnboarding::unknownApplicationIs404()
{
    const ApiTestResponse response = m_client->send("GET", "/v1/onboarding/applications/A12345678");
    QCOMPARE(response.status, 404);
    QCOMPARE(response.errorCode(), u"APPLICATION_UNKNOWN"_qs);
    QCOMPARE(m_client->send("PUT", "/v1/onboarding/applications/A12345678", "{}").status, 404);
}

void tst_ApiOnboarding::activationWrapsTheTmkForTheRsaPad()
{
    const QString code = approvedActivationCode(u"ref-act"_qs, validUscc);
    QVERIFY(!code.isEmpty());
    const Pkey pad = generateKey("RSA");
    QVERIFY(pad);
    const ApiTestResponse activated =
        m_client->sendJson("POST", "/v1/terminals/activate",
                           QJsonObject{{u"activationCode"_qs, code},
                                       {u"pinPadSerial"_qs, u"PP-0001"_qs},
                                       {u"pinPadPublicKey"_qs, publicKeyBase64(pad.get())}});
    QCOMPARE(activated.status, 200);
    QVERIFY(m_client->responseVerifies(activated));
    const QJsonObject answer = activated.json();
    const QString tid = answer.value(u"terminalId"_qs).toString();
    QVERIFY(QRegularExpression(u"^\\d{8}$"_qs).match(tid).hasMatch());
    QVERIFY(QRegularExpression(u"^8981000\\d{8}$"_qs)
                .match(answer.value(u"merchantId"_qs).toString())
                .hasMatch());
    QCOMPARE(answer.value(u"merchantName"_qs).toString(), u"福州示例餐饮有限公司"_qs);
    QCOMPARE(answer.value(u"tmkScheme"_qs).toString(), u"3des"_qs);
    QCOMPARE(answer.value(u"cardHost"_qs).toString(), u"127.0.0.1:4242"_qs);
    QCOMPARE(answer.value(u"singleLimitFen"_qs).toInteger(), 5'000'000);
    QCOMPARE(answer.value(u"dailyLimitFen"_qs).toInteger(), 20'000'000);
    QVERIFY(
        QRegularExpression(u"^[0-9a-f]{64}$"_qs).match(answer.value(u"apiSecret"_qs).toString()).hasMatch());

    const QByteArray tmk =
        unwrap(pad.get(), QByteArray::fromBase64(answer.value(u"tmkWrapped"_qs).toString().toLatin1()), true);
    QCOMPARE(tmk.size(), 16);
    QCOMPARE(answer.value(u"tmkKcv"_qs).toString(), kcv(tmk, false));

    // The card host knows the terminal with that TMK at once.
    const Result<std::optional<HostTerminal>> registered = m_fixture->ledger->terminal(tid);
    POS_VERIFY_RESULT(registered);
    QVERIFY(registered.value().has_value());
    QCOMPARE(registered.value()->tmk, tmk);
    QCOMPARE(registered.value()->mid, answer.value(u"merchantId"_qs).toString());
    QCOMPARE(registered.value()->tmkScheme, KeyScheme::TripleDes);
    CardHost cardHost(*m_fixture->ledger);
    SimTestTerminal cardTerminal(tid, answer.value(u"merchantId"_qs).toString(), tmk);
    const Result<acquirer::IsoMessage> signOn =
        cardTerminal.codec.decodeFrame(cardHost.handle(cardTerminal.frame(cardTerminal.signOn())).frame);
    POS_VERIFY_RESULT(signOn);
    QCOMPARE(signOn.value().text(39), u"00"_qs);
    QVERIFY(cardTerminal.adoptSignOn(signOn.value())); // the work keys decrypt under the unwrapped TMK

    // The terminal key reaches the QR calls the installer key may not.
    ApiTestClient terminal(m_fixture->server->port(), m_fixture->ca);
    terminal.keyId = answer.value(u"apiKeyId"_qs).toString().toLatin1();
    terminal.secret = QByteArray::fromHex(answer.value(u"apiSecret"_qs).toString().toLatin1());
    const ApiTestResponse bill = terminal.send("GET", "/v1/qr/bill?date=2026-01-01");
    QCOMPARE(bill.status, 200);
    QVERIFY(terminal.responseVerifies(bill));
    QCOMPARE(m_client->send("GET", "/v1/qr/bill?date=2026-01-01").errorCode(), u"KEY_SCOPE"_qs);

    // pos-tool sim acquirer-dump's JSON lists the merchant, application and terminal key, never secrets.
    const Result<QJsonObject> dump = dumpHostLedger(m_fixture->dir.path());
    POS_VERIFY_RESULT(dump);
    const QJsonObject merchant = dump.value().value(u"merchants"_qs).toArray().first().toObject();
    QCOMPARE(merchant.value(u"merchant_id"_qs).toString(), answer.value(u"merchantId"_qs).toString());
    QCOMPARE(merchant.value(u"uscc"_qs).toString(), validUscc);
    QCOMPARE(
        dump.value().value(u"applications"_qs).toArray().first().toObject().value(u"status"_qs).toString(),
        u"approved"_qs);
    const QJsonObject apiTerminal = dump.value().value(u"apiTerminals"_qs).toArray().first().toObject();
    QCOMPARE(apiTerminal.value(u"tid"_qs).toString(), tid);
    QVERIFY(dump.value().value(u"terminals"_qs).toArray().size() == 1);
    const QByteArray dumped = QJsonDocument(dump.value()).toJson();
    QVERIFY(!dumped.contains(answer.value(u"apiSecret"_qs).toString().toLatin1()));
    QVERIFY(!dumped.contains(tmk.toHex().toUpper()));
    QVERIFY(!dumped.contains(code.toLatin1()));
}

void tst_ApiOnboarding::activationIsIdempotentForTheSamePad()
{
    const QString code = approvedActivationCode(u"ref-idem"_qs, validUscc);
    const Pkey pad = generateKey("RSA");
    const QJsonObject request{{u"activationCode"_qs, code},
                              {u"pinPadSerial"_qs, u"PP-0002"_qs},
                              {u"pinPadPublicKey"_qs, publicKeyBase64(pad.get())},
                              {u"keyAlgorithm"_qs, u"RSA-OAEP-SHA256"_qs}};
    const QJsonObject first = m_client->sendJson("POST", "/v1/terminals/activate", request).json();
    const ApiTestResponse again = m_client->sendJson("POST", "/v1/terminals/activate", request);
    QCOMPARE(again.status, 200);
    const QJsonObject second = again.json();
    QCOMPARE(second.value(u"terminalId"_qs), first.value(u"terminalId"_qs));
    QCOMPARE(second.value(u"apiKeyId"_qs), first.value(u"apiKeyId"_qs));
    QCOMPARE(second.value(u"apiSecret"_qs), first.value(u"apiSecret"_qs));
    QCOMPARE(second.value(u"tmkKcv"_qs), first.value(u"tmkKcv"_qs));
    QVERIFY(second.value(u"tmkWrapped"_qs) != first.value(u"tmkWrapped"_qs)); // OAEP is randomised
    const auto tmkOf = [&](const QJsonObject& answer) {
        return unwrap(pad.get(), QByteArray::fromBase64(answer.value(u"tmkWrapped"_qs).toString().toLatin1()),
                      true);
    };
    QCOMPARE(tmkOf(second), tmkOf(first));
}

void tst_ApiOnboarding::activationCodeUsedByAnotherPad()
{
    const QString code = approvedActivationCode(u"ref-used"_qs, validUscc);
    const Pkey pad = generateKey("RSA");
    QJsonObject request{{u"activationCode"_qs, code},
                        {u"pinPadSerial"_qs, u"PP-0003"_qs},
                        {u"pinPadPublicKey"_qs, publicKeyBase64(pad.get())}};
    QCOMPARE(m_client->sendJson("POST", "/v1/terminals/activate", request).status, 200);
    request.insert(u"pinPadSerial"_qs, u"PP-9999"_qs);
    const ApiTestResponse other = m_client->sendJson("POST", "/v1/terminals/activate", request);
    QCOMPARE(other.status, 409);
    QCOMPARE(other.errorCode(), u"ACTIVATION_CODE_USED"_qs);
    const Pkey otherKey = generateKey("RSA");
    request.insert(u"pinPadSerial"_qs, u"PP-0003"_qs);
    request.insert(u"pinPadPublicKey"_qs, publicKeyBase64(otherKey.get()));
    QCOMPARE(m_client->sendJson("POST", "/v1/terminals/activate", request).errorCode(),
             u"ACTIVATION_CODE_USED"_qs);
}

void tst_ApiOnboarding::activationRefusals_data()
{
    QTest::addColumn<QString>("keyKind"); // rsa2048, rsa1024, ec, garbage
    QTest::addColumn<QString>("algorithm");
    QTest::addColumn<bool>("knownCode");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::newRow("unknown code") << u"rsa2048"_qs << u"RSA-OAEP-SHA256"_qs << false << 404
                                  << u"ACTIVATION_CODE_UNKNOWN"_qs;
    QTest::newRow("RSA 1024") << u"rsa1024"_qs << u"RSA-OAEP-SHA256"_qs << true << 400
                              << u"PUBLIC_KEY_INVALID"_qs;
    QTest::newRow("EC key as RSA") << u"ec"_qs << u"RSA-OAEP-SHA256"_qs << true << 400
                                   << u"PUBLIC_KEY_INVALID"_qs;
    QTest::newRow("RSA key as SM2") << u"rsa2048"_qs << u"SM2"_qs << true << 400 << u"PUBLIC_KEY_INVALID"_qs;
    QTest::newRow("not DER") << u"garbage"_qs << u"RSA-OAEP-SHA256"_qs << true << 400
                             << u"PUBLIC_KEY_INVALID"_qs;
    QTest::newRow("unknown algorithm")
        << u"rsa2048"_qs << u"RSA-PKCS1"_qs << true << 400 << u"FIELD_INVALID"_qs;
}

void tst_ApiOnboarding::activationRefusals()
{
    QFETCH(QString, keyKind);
    QFETCH(QString, algorithm);
    QFETCH(bool, knownCode);
    QFETCH(int, status);
    QFETCH(QString, code);
    const QString activationCode =
        knownCode ? approvedActivationCode(u"ref-refuse"_qs, validUscc) : u"ZZZZZZZZ"_qs;
    QString publicKey = QString::fromLatin1(QByteArray("not a key").toBase64());
    if (keyKind != u"garbage"_qs) {
        const Pkey key = keyKind == u"ec"_qs ? Pkey(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"))
                                             : generateKey("RSA", keyKind == u"rsa1024"_qs ? 1024 : 2048);
        QVERIFY(key);
        publicKey = publicKeyBase64(key.get());
    }
    const QJsonObject request{{u"activationCode"_qs, activationCode},
                              {u"pinPadSerial"_qs, u"PP-0004"_qs},
                              {u"pinPadPublicKey"_qs, publicKey},
                              {u"keyAlgorithm"_qs, algorithm}};
    const ApiTestResponse refused = m_client->sendJson("POST", "/v1/terminals/activate", request);
    QCOMPARE(refused.status, status);
    QCOMPARE(refused.errorCode(), code);
    if (knownCode) { // the refusal did not use the code up: a good pad still activates
        const Pkey good = generateKey("RSA");
        QJsonObject fixed = request;
        fixed.insert(u"pinPadPublicKey"_qs, publicKeyBase64(good.get()));
        fixed.insert(u"pinPadSerial"_qs, u"PP-0005"_qs);
        fixed.insert(u"keyAlgorithm"_qs, u"RSA-OAEP-SHA256"_qs);
        QCOMPARE(m_client->sendJson("POST", "/v1/terminals/activate", fixed).status, 200);
    }
}

void tst_ApiOnboarding::activationForAnSm2Pad()
{
    const QString code = approvedActivationCode(u"ref-sm2"_qs, validUscc);
    const Pkey pad = generateKey("SM2");
    QVERIFY(pad);
    const ApiTestResponse activated =
        m_client->sendJson("POST", "/v1/terminals/activate",
                           QJsonObject{{u"activationCode"_qs, code},
                                       {u"pinPadSerial"_qs, u"PP-SM2"_qs},
                                       {u"pinPadPublicKey"_qs, publicKeyBase64(pad.get())},
                                       {u"keyAlgorithm"_qs, u"SM2"_qs}});
    QCOMPARE(activated.status, 200);
    QCOMPARE(activated.json().value(u"tmkScheme"_qs).toString(), u"sm4"_qs);
    const QByteArray tmk =
        unwrap(pad.get(),
               QByteArray::fromBase64(activated.json().value(u"tmkWrapped"_qs).toString().toLatin1()), false);
    QCOMPARE(tmk.size(), 16);
    QCOMPARE(activated.json().value(u"tmkKcv"_qs).toString(), kcv(tmk, true));
    const Result<std::optional<HostTerminal>> registered =
        m_fixture->ledger->terminal(activated.json().value(u"terminalId"_qs).toString());
    POS_VERIFY_RESULT(registered);
    QCOMPARE(registered.value()->tmkScheme, KeyScheme::Sm4);
    QCOMPARE(registered.value()->tmk, tmk);
}

QTEST_GUILESS_MAIN(tst_ApiOnboarding)
#include "tst_api_onboarding.moc"
