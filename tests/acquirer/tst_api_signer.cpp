// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// ApiSigner: the contract's request and response vectors (docs/acquirer-api.md), nonces, and the response
// checks a client must make (nonce echo, signature), with one negative row per check.
#include "acquirer/api/ApiConfig.h"
#include "acquirer/api/ApiSigner.h"
#include "support/TestSupport.h"

#include <QSet>
#include <QTest>

using namespace pos;
using namespace pos::acquirer;
using namespace Qt::StringLiterals;

namespace {

const QByteArray vectorNonce = "0123456789abcdef0123456789abcdef";
const QByteArray requestBody = R"({"amountFen":100,"outTradeNo":"T1"})";
const QByteArray responseBody = R"({"status":"PAID"})";
const QByteArray responseSignature = "d3e89e39ce9db5d7bbb7e4cc433d1c2e599e37ea5f666bc7bd9ad6ba2a381670";

QByteArray demoSecret()
{
    return demoInstallerSecret().bytes();
}

} // namespace

class tst_ApiSigner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void requestVector();
    void responseVector();
    void emptyBodyHashesTheEmptyString();
    void signatureDependsOnEveryPart_data();
    void signatureDependsOnEveryPart();
    void noncesAreFreshLowercaseHex();
    void verifyAcceptsTheVector();
    void verifyRefuses_data();
    void verifyRefuses();
    void secretCopiesAreIndependent();
};

void tst_ApiSigner::requestVector()
{
    const Result<QByteArray> canonical =
        apiRequestCanonical("POST", "/v1/qr/pay", "1795000000000", vectorNonce, requestBody);
    POS_VERIFY_RESULT(canonical);
    QCOMPARE(canonical.value(),
             QByteArray("POST\n/v1/qr/pay\n1795000000000\n0123456789abcdef0123456789abcdef\n"
                        "77341cb580e0723f7d1bdaa34f8511b744a35c87c5398a7406f2e20910f7a4c5"));
    const Result<QByteArray> signature =
        signApiRequest(demoSecret(), "POST", "/v1/qr/pay", "1795000000000", vectorNonce, requestBody);
    POS_VERIFY_RESULT(signature);
    QCOMPARE(signature.value(),
             QByteArray("daa0fb6d1a8f0fd8bbd1e1af550d66aea4a7b58ab3a2e2f00de1975ec2454d9b"));
}

void tst_ApiSigner::responseVector()
{
    const Result<QByteArray> canonical =
        apiResponseCanonical(200, "/v1/qr/pay", "1795000000123", vectorNonce, responseBody);
    POS_VERIFY_RESULT(canonical);
    QCOMPARE(canonical.value(),
             QByteArray("RESPONSE\n200\n/v1/qr/pay\n1795000000123\n0123456789abcdef0123456789abcdef\n"
                        "a9e80df314fe077d2eb47e2006807f1941e426381fdea9cc6f28682cd07fd25e"));
    const Result<QByteArray> signature =
        signApiResponse(demoSecret(), 200, "/v1/qr/pay", "1795000000123", vectorNonce, responseBody);
    POS_VERIFY_RESULT(signature);
    QCOMPARE(signature.value(), responseSignature);
}

void tst_ApiSigner::emptyBodyHashesTheEmptyString()
{
    const Result<QByteArray> canonical =
        apiRequestCanonical("GET", "/v1/onboarding/applications/A1", "1", vectorNonce, QByteArray());
    POS_VERIFY_RESULT(canonical);
    QVERIFY(canonical.value().endsWith("\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
}

void tst_ApiSigner::signatureDependsOnEveryPart_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("timestamp");
    QTest::addColumn<QByteArray>("nonce");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("sameAsVector");
    const QByteArray path = "/v1/qr/pay";
    QTest::newRow("vector") << QByteArray("POST") << path << QByteArray("1795000000000") << vectorNonce
                            << requestBody << true;
    QTest::newRow("method") << QByteArray("PUT") << path << QByteArray("1795000000000") << vectorNonce
                            << requestBody << false;
    QTest::newRow("path") << QByteArray("POST") << QByteArray("/v1/qr/query") << QByteArray("1795000000000")
                          << vectorNonce << requestBody << false;
    QTest::newRow("timestamp") << QByteArray("POST") << path << QByteArray("1795000000001") << vectorNonce
                               << requestBody << false;
    QTest::newRow("nonce") << QByteArray("POST") << path << QByteArray("1795000000000")
                           << QByteArray("f123456789abcdef0123456789abcdef") << requestBody << false;
    QTest::newRow("body") << QByteArray("POST") << path << QByteArray("1795000000000") << vectorNonce
                          << QByteArray(R"({"amountFen":101,"outTradeNo":"T1"})") << false;
}

void tst_ApiSigner::signatureDependsOnEveryPart()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, timestamp);
    QFETCH(QByteArray, nonce);
    QFETCH(QByteArray, body);
    QFETCH(bool, sameAsVector);
    const Result<QByteArray> signature = signApiRequest(demoSecret(), method, path, timestamp, nonce, body);
    POS_VERIFY_RESULT(signature);
    QCOMPARE(signature.value() == "daa0fb6d1a8f0fd8bbd1e1af550d66aea4a7b58ab3a2e2f00de1975ec2454d9b",
             sameAsVector);
}

void tst_ApiSigner::noncesAreFreshLowercaseHex()
{
    QSet<QByteArray> seen;
    for (int i = 0; i < 200; ++i) {
        const Result<QByteArray> nonce = newApiNonce();
        POS_VERIFY_RESULT(nonce);
        QCOMPARE(nonce.value().size(), 32);
        QCOMPARE(nonce.value(), nonce.value().toLower());
        QVERIFY(!QByteArray::fromHex(nonce.value()).isEmpty());
        seen.insert(nonce.value());
    }
    QCOMPARE(seen.size(), 200);
}

void tst_ApiSigner::verifyAcceptsTheVector()
{
    POS_VERIFY_RESULT(verifyApiResponse(demoSecret(), 200, "/v1/qr/pay", vectorNonce,
                                        {vectorNonce, "1795000000123", responseSignature}, responseBody));
}

void tst_ApiSigner::verifyRefuses_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("nonce");
    QTest::addColumn<QByteArray>("timestamp");
    QTest::addColumn<QByteArray>("signature");
    QTest::addColumn<QByteArray>("body");
    const QByteArray path = "/v1/qr/pay";
    const QByteArray ts = "1795000000123";
    QTest::newRow("unsigned") << 200 << path << QByteArray() << QByteArray() << QByteArray() << responseBody;
    QTest::newRow("nonce of another request") << 200 << path << QByteArray("ffffffffffffffffffffffffffffffff")
                                              << ts << responseSignature << responseBody;
    // A genuine, correctly signed answer to another request (a replay): only the nonce check refuses it.
    const QByteArray otherNonce = "ffffffffffffffffffffffffffffffff";
    QTest::newRow("validly signed answer to another request")
        << 200 << path << otherNonce << ts
        << signApiResponse(demoSecret(), 200, path, ts, otherNonce, responseBody).value() << responseBody;
    QTest::newRow("nonce in upper case")
        << 200 << path << vectorNonce.toUpper() << ts << responseSignature << responseBody;
    QTest::newRow("timestamp not decimal")
        << 200 << path << vectorNonce << QByteArray("17950000001x") << responseSignature << responseBody;
    QTest::newRow("timestamp changed")
        << 200 << path << vectorNonce << QByteArray("1795000000124") << responseSignature << responseBody;
    QTest::newRow("status changed") << 201 << path << vectorNonce << ts << responseSignature << responseBody;
    QTest::newRow("path changed") << 200 << QByteArray("/v1/qr/query") << vectorNonce << ts
                                  << responseSignature << responseBody;
    QTest::newRow("body changed") << 200 << path << vectorNonce << ts << responseSignature
                                  << QByteArray(R"({"status":"NOTPAY"})");
    QTest::newRow("signature upper case")
        << 200 << path << vectorNonce << ts << responseSignature.toUpper() << responseBody;
    QTest::newRow("signature truncated")
        << 200 << path << vectorNonce << ts << responseSignature.left(63) << responseBody;
    QByteArray flipped = responseSignature;
    flipped[63] = flipped[63] == '0' ? '1' : '0';
    QTest::newRow("signature one digit off") << 200 << path << vectorNonce << ts << flipped << responseBody;
}

void tst_ApiSigner::verifyRefuses()
{
    QFETCH(int, status);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, nonce);
    QFETCH(QByteArray, timestamp);
    QFETCH(QByteArray, signature);
    QFETCH(QByteArray, body);
    const Result<> verified =
        verifyApiResponse(demoSecret(), status, path, vectorNonce, {nonce, timestamp, signature}, body);
    QVERIFY(!verified);
    QCOMPARE(verified.error().code, ErrorCode::ProtocolViolation);
}

void tst_ApiSigner::secretCopiesAreIndependent()
{
    ApiSecret copy;
    {
        const ApiSecret original = demoInstallerSecret();
        copy = original;
        QCOMPARE(copy.bytes(), original.bytes());
    }
    QCOMPARE(copy.bytes().size(), 32);
    QCOMPARE(copy.bytes().toHex(),
             QByteArray("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));
}

QTEST_GUILESS_MAIN(tst_ApiSigner)
#include "tst_api_signer.moc"
