// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The JSON API's HTTP/1.1 request parser without sockets: well-formed requests, every refusal with its
// status, bounds, split feeding and two requests in one stream.
#include "simulators/acquirer/api/HttpRequestParser.h"
#include "support/TestSupport.h"

#include <QTest>

using namespace pos;
using namespace pos::sim;
using namespace Qt::StringLiterals;

namespace {

using State = HttpRequestParser::State;

const QByteArray postPay = "POST /v1/qr/pay HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                           "Content-Length: 15\r\nX-Pos-Nonce: abc\r\n\r\n{\"amountFen\":1}";

} // namespace

class tst_HttpRequestParser final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesWellFormedRequests_data();
    void parsesWellFormedRequests();
    void refusesMalformedRequests_data();
    void refusesMalformedRequests();
    void waitsForIncompleteRequests_data();
    void waitsForIncompleteRequests();
    void byteByByteFeedingGivesTheSameRequest();
    void twoRequestsOnOneStream();
    void keepAliveFollowsVersionAndConnection_data();
    void keepAliveFollowsVersionAndConnection();
    void failedParserStaysFailed();
    void headerBlockAtTheLimitPasses();
};

void tst_HttpRequestParser::parsesWellFormedRequests_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("nonce");

    QTest::newRow("POST with body") << postPay << QByteArray("POST") << QByteArray("/v1/qr/pay")
                                    << QByteArray("/v1/qr/pay") << QByteArray("{\"amountFen\":1}")
                                    << QByteArray("abc");
    QTest::newRow("GET with query")
        << QByteArray("GET /v1/qr/bill?date=2026-01-02 HTTP/1.1\r\nX-POS-NONCE:  n1 \r\n\r\n")
        << QByteArray("GET") << QByteArray("/v1/qr/bill?date=2026-01-02") << QByteArray("/v1/qr/bill")
        << QByteArray() << QByteArray("n1");
    QTest::newRow("leading empty line") << QByteArray("\r\nGET / HTTP/1.0\r\n\r\n") << QByteArray("GET")
                                        << QByteArray("/") << QByteArray("/") << QByteArray() << QByteArray();
    QTest::newRow("repeated equal Content-Length")
        << QByteArray("PUT /a HTTP/1.1\r\nContent-Length: 2\r\ncontent-length: 2\r\n\r\nok")
        << QByteArray("PUT") << QByteArray("/a") << QByteArray("/a") << QByteArray("ok") << QByteArray();
    QTest::newRow("POST with zero length")
        << QByteArray("POST /a HTTP/1.1\r\nContent-Length: 0\r\n\r\n") << QByteArray("POST")
        << QByteArray("/a") << QByteArray("/a") << QByteArray() << QByteArray();
}

void tst_HttpRequestParser::parsesWellFormedRequests()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, nonce);
    HttpRequestParser parser;
    QCOMPARE(parser.feed(input), State::Complete);
    const HttpRequest request = parser.takeRequest();
    QCOMPARE(request.method, method);
    QCOMPARE(request.target, target);
    QCOMPARE(request.path(), path);
    QCOMPARE(request.body, body);
    QCOMPARE(request.header("x-pos-nonce"), nonce);
    QCOMPARE(parser.state(), State::NeedMore);
    QCOMPARE(parser.bufferedBytes(), 0);
}

void tst_HttpRequestParser::refusesMalformedRequests_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("status");
    const HttpRequestParser::Limits limits;

    QTest::newRow("request line without version") << QByteArray("GET /\r\n\r\n") << 400;
    QTest::newRow("request line with extra space") << QByteArray("GET  / HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("absolute-form target") << QByteArray("GET http://x/ HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("control byte in target") << QByteArray("GET /a\x01 HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("bad method token") << QByteArray("G(T / HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("lower-case version") << QByteArray("GET / http/1.1\r\n\r\n") << 400;
    QTest::newRow("HTTP/2.0") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505;
    QTest::newRow("HTTP/1.2") << QByteArray("GET / HTTP/1.2\r\n\r\n") << 505;
    QTest::newRow("bare LF") << QByteArray("GET / HTTP/1.1\nHost: a\n\n") << 400;
    QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nHost\r\n\r\n") << 400;
    QTest::newRow("blank before colon") << QByteArray("GET / HTTP/1.1\r\nHost : a\r\n\r\n") << 400;
    QTest::newRow("obsolete line folding") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n") << 400;
    QTest::newRow("control byte in value") << QByteArray("GET / HTTP/1.1\r\nA: b\x7f\r\n\r\n") << 400;
    QTest::newRow("Content-Length not a number")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n") << 400;
    QTest::newRow("negative Content-Length")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400;
    QTest::newRow("empty Content-Length") << QByteArray("POST / HTTP/1.1\r\nContent-Length:\r\n\r\n") << 400;
    QTest::newRow("conflicting Content-Length")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n") << 400;
    QTest::newRow("POST without Content-Length") << QByteArray("POST / HTTP/1.1\r\n\r\n") << 411;
    QTest::newRow("chunked") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n") << 501;
    QTest::newRow("body above 12 MiB")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: " + QByteArray::number(limits.maxBodyBytes + 1) +
                      "\r\n\r\n")
        << 413;
    QTest::newRow("huge Content-Length")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n") << 413;
    QTest::newRow("header block above 16 KiB, complete")
        << QByteArray("GET / HTTP/1.1\r\nX-Big: " + QByteArray(limits.maxHeaderBytes, 'a') + "\r\n\r\n")
        << 431;
    QTest::newRow("header block above 16 KiB, unterminated")
        << QByteArray("GET / HTTP/1.1\r\nX-Big: " + QByteArray(limits.maxHeaderBytes, 'a')) << 431;
}

void tst_HttpRequestParser::refusesMalformedRequests()
{
    QFETCH(QByteArray, input);
    QFETCH(int, status);
    HttpRequestParser parser;
    QCOMPARE(parser.feed(input), State::Failed);
    QCOMPARE(parser.errorStatus(), status);
    QVERIFY(!parser.errorReason().isEmpty());
}

void tst_HttpRequestParser::waitsForIncompleteRequests_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("nothing") << QByteArray();
    QTest::newRow("half a request line") << QByteArray("GET /v1/q");
    QTest::newRow("head without the empty line") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n");
    QTest::newRow("CR of the final CRLF") << QByteArray("GET / HTTP/1.1\r\n\r");
    QTest::newRow("body one byte short") << postPay.chopped(1);
}

void tst_HttpRequestParser::waitsForIncompleteRequests()
{
    QFETCH(QByteArray, input);
    HttpRequestParser parser;
    QCOMPARE(parser.feed(input), State::NeedMore);
    QCOMPARE(parser.errorStatus(), 0);
}

void tst_HttpRequestParser::byteByByteFeedingGivesTheSameRequest()
{
    HttpRequestParser whole;
    QCOMPARE(whole.feed(postPay), State::Complete);
    const HttpRequest expected = whole.takeRequest();

    HttpRequestParser split;
    for (qsizetype i = 0; i + 1 < postPay.size(); ++i)
        QCOMPARE(split.feed(QByteArrayView(postPay).sliced(i, 1)), State::NeedMore);
    QCOMPARE(split.feed(QByteArrayView(postPay).last(1)), State::Complete);
    const HttpRequest request = split.takeRequest();
    QCOMPARE(request.method, expected.method);
    QCOMPARE(request.target, expected.target);
    QCOMPARE(request.headers, expected.headers);
    QCOMPARE(request.body, expected.body);
}

void tst_HttpRequestParser::twoRequestsOnOneStream()
{
    const QByteArray second = "GET /v1/onboarding/applications/A1 HTTP/1.1\r\nHost: a\r\n\r\n";
    HttpRequestParser parser;
    QCOMPARE(parser.feed(QByteArray(postPay + second.left(10))), State::Complete);
    QCOMPARE(parser.takeRequest().method, QByteArray("POST"));
    QCOMPARE(parser.state(), State::NeedMore);
    QCOMPARE(parser.feed(QByteArrayView(second).sliced(10)), State::Complete);
    const HttpRequest request = parser.takeRequest();
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.target, QByteArray("/v1/onboarding/applications/A1"));
    QCOMPARE(parser.bufferedBytes(), 0);

    // Both at once: the second is parsed when the first is taken.
    HttpRequestParser pipelined;
    QCOMPARE(pipelined.feed(QByteArray(postPay + second)), State::Complete);
    QCOMPARE(pipelined.takeRequest().body, QByteArray("{\"amountFen\":1}"));
    QCOMPARE(pipelined.state(), State::Complete);
    QCOMPARE(pipelined.takeRequest().method, QByteArray("GET"));
    QCOMPARE(pipelined.state(), State::NeedMore);
}

void tst_HttpRequestParser::keepAliveFollowsVersionAndConnection_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<bool>("keepAlive");
    QTest::newRow("1.1 default") << QByteArray("GET / HTTP/1.1\r\n\r\n") << true;
    QTest::newRow("1.1 close") << QByteArray("GET / HTTP/1.1\r\nConnection: Close\r\n\r\n") << false;
    QTest::newRow("1.1 list with close")
        << QByteArray("GET / HTTP/1.1\r\nConnection: te, close\r\n\r\n") << false;
    QTest::newRow("1.0 default") << QByteArray("GET / HTTP/1.0\r\n\r\n") << false;
    QTest::newRow("1.0 keep-alive") << QByteArray("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") << true;
}

void tst_HttpRequestParser::keepAliveFollowsVersionAndConnection()
{
    QFETCH(QByteArray, input);
    QFETCH(bool, keepAlive);
    HttpRequestParser parser;
    QCOMPARE(parser.feed(input), State::Complete);
    QCOMPARE(parser.takeRequest().keepAlive(), keepAlive);
}

void tst_HttpRequestParser::failedParserStaysFailed()
{
    HttpRequestParser parser;
    QCOMPARE(parser.feed("BAD\r\n\r\n"), State::Failed);
    QCOMPARE(parser.feed("GET / HTTP/1.1\r\n\r\n"), State::Failed);
    QCOMPARE(parser.errorStatus(), 400);
    QCOMPARE(parser.bufferedBytes(), 0);
}

void tst_HttpRequestParser::headerBlockAtTheLimitPasses()
{
    HttpRequestParser::Limits limits;
    limits.maxHeaderBytes = 64;
    const QByteArray start = "GET / HTTP/1.1\r\nX: ";
    const QByteArray exact = start + QByteArray(64 - start.size() - 4, 'a') + "\r\n\r\n";
    QCOMPARE(exact.size(), 64);
    HttpRequestParser atLimit(limits);
    QCOMPARE(atLimit.feed(exact), State::Complete);
    HttpRequestParser overLimit(limits);
    QCOMPARE(overLimit.feed(QByteArray(start + QByteArray(64 - start.size() - 3, 'a') + "\r\n\r\n")),
             State::Failed);
    QCOMPARE(overLimit.errorStatus(), 431);
}

QTEST_GUILESS_MAIN(tst_HttpRequestParser)
#include "tst_http_request_parser.moc"
