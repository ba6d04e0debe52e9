// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "fuzz/FuzzSupport.h"
#include "fuzz/FuzzTargets.h"
#include "simulators/acquirer/api/HttpRequestParser.h"

#include <cstdlib>

// HTTP/1.1 requests from the outside: the acquirer simulator's JSON API parser (HttpRequestParser.h), which
// reads whatever a client sends before any authentication.
//
// Properties: feeding the bytes in one piece, in two pieces (split where data[0] says) and byte by byte (for
// inputs up to 2 KiB) gives the same requests and the same final state and error status; an error status is
// one of 400, 411, 413, 431, 501, 505; every request has a token method, an origin-form target and a body
// of exactly its Content-Length (0 without one); no request's head exceeds the 16 KiB limit.
namespace pos {
namespace fuzz {
namespace {

using sim::HttpRequest;
using sim::HttpRequestParser;

constexpr const char* target = "fuzz_http_request";

struct Outcome
{
    QList<HttpRequest> requests;
    HttpRequestParser::State state = HttpRequestParser::State::NeedMore;
    int errorStatus = 0;
};

void drain(HttpRequestParser& parser, Outcome& outcome)
{
    while (parser.state() == HttpRequestParser::State::Complete)
        outcome.requests.append(parser.takeRequest());
}

Outcome parseInChunks(QByteArrayView data, qsizetype chunk)
{
    HttpRequestParser parser;
    Outcome outcome;
    for (qsizetype offset = 0; offset < data.size(); offset += chunk) {
        parser.feed(data.sliced(offset, std::min(chunk, data.size() - offset)));
        drain(parser, outcome);
    }
    outcome.state = parser.state();
    outcome.errorStatus = parser.errorStatus();
    return outcome;
}

Outcome parseSplit(QByteArrayView data, qsizetype at)
{
    HttpRequestParser parser;
    Outcome outcome;
    parser.feed(data.first(at));
    drain(parser, outcome);
    parser.feed(data.sliced(at));
    drain(parser, outcome);
    outcome.state = parser.state();
    outcome.errorStatus = parser.errorStatus();
    return outcome;
}

bool sameRequest(const HttpRequest& a, const HttpRequest& b)
{
    return a.method == b.method && a.target == b.target && a.minorVersion == b.minorVersion &&
           a.headers == b.headers && a.body == b.body;
}

bool sameOutcome(const Outcome& a, const Outcome& b)
{
    if (a.state != b.state || a.errorStatus != b.errorStatus || a.requests.size() != b.requests.size())
        return false;
    for (qsizetype i = 0; i < a.requests.size(); ++i) {
        if (!sameRequest(a.requests.at(i), b.requests.at(i)))
            return false;
    }
    return true;
}

bool wellFormed(const HttpRequest& request)
{
    if (request.method.isEmpty() || !request.target.startsWith('/'))
        return false;
    const QByteArray length = request.header("content-length");
    if (length.isEmpty())
        return request.body.isEmpty();
    return request.body.size() == length.toLongLong();
}

} // namespace

bool httpRequestHolds(QByteArrayView data)
{
    const Outcome whole = parseInChunks(data, std::max<qsizetype>(data.size(), 1));
    if (whole.state == HttpRequestParser::State::Failed) {
        switch (whole.errorStatus) {
        case 400:
        case 411:
        case 413:
        case 431:
        case 501:
        case 505: break;
        default: return violated(target, "unexpected error status");
        }
    } else if (whole.errorStatus != 0) {
        return violated(target, "error status without failure");
    }
    for (const HttpRequest& request : whole.requests) {
        if (!wellFormed(request))
            return violated(target, "request without method/target or body length mismatch");
    }
    if (!data.isEmpty()) {
        const qsizetype at = static_cast<unsigned char>(data.front()) % (data.size() + 1);
        if (!sameOutcome(whole, parseSplit(data, at)))
            return violated(target, "two-piece feeding differs from one piece");
    }
    if (data.size() <= 2048 && !sameOutcome(whole, parseInChunks(data, 1)))
        return violated(target, "byte-by-byte feeding differs from one piece");
    return true;
}

} // namespace fuzz
} // namespace pos

#ifdef POS_LIBFUZZER
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    pos::fuzz::abortIfSelfTestCrashRequested();
    if (!pos::fuzz::httpRequestHolds(pos::fuzz::inputView(data, size)))
        std::abort();
    return 0;
}
#endif
