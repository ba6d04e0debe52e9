// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

namespace pos {
namespace sim {

// One parsed HTTP/1.x request. Header names are lower-cased; values have surrounding blanks removed.
struct HttpRequest
{
    QByteArray method;    // token, e.g. "POST"
    QByteArray target;    // origin-form, raw: path plus any query string ("/v1/qr/bill?date=2026-01-02")
    int minorVersion = 1; // HTTP/1.<minorVersion>: 0 or 1
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    // The first value of the header (name compared case-insensitively); empty when absent.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    // HTTP/1.1: open unless "Connection: close"; HTTP/1.0: closed unless "Connection: keep-alive".
    bool keepAlive() const;
    // target up to the first '?'.
    QByteArray path() const;
};

// Incremental, strict, bounded HTTP/1.1 request parser for bytes from the outside, without sockets (fuzzed by
// fuzz/fuzz_http_request.cpp). Feed any split of the stream; a complete request is taken with takeRequest(),
// and bytes after it stay buffered for the next request (keep-alive). Rules:
//   - request line "METHOD SP origin-form SP HTTP/1.0|1.1" CRLF; leading empty lines are skipped
//   - header lines "name: value" CRLF (token names, no obsolete line folding, no bare LF, no control bytes);
//     the header block (request line to the empty line) at most maxHeaderBytes → 431
//   - a body needs Content-Length (decimal, at most one distinct value); at most maxBodyBytes → 413;
//     POST/PUT/PATCH without Content-Length → 411; any Transfer-Encoding (chunked) → 501
//   - other HTTP versions → 505; anything else malformed → 400
// After an error the parser stays failed (the server answers errorStatus() and closes the connection).
class HttpRequestParser final
{
public:
    struct Limits
    {
        qsizetype maxHeaderBytes = 16 * 1024;
        qsizetype maxBodyBytes = 12 * 1024 * 1024;
    };

    enum class State { NeedMore, Complete, Failed };

    HttpRequestParser() = default;
    explicit HttpRequestParser(Limits limits) : m_limits(limits) {}

    // Appends bytes and parses as far as possible. Complete: a request is ready (further bytes stay buffered
    // until it is taken). Failed: see errorStatus().
    State feed(QByteArrayView bytes);
    State state() const { return m_state; }

    // The completed request; parsing continues with the buffered bytes (state() tells what they gave).
    HttpRequest takeRequest();

    // 400, 411, 413, 431, 501 or 505 once failed; 0 otherwise. errorReason: short English text for logs.
    int errorStatus() const { return m_errorStatus; }
    QByteArray errorReason() const { return m_errorReason; }

    // Bytes received and not yet consumed by a taken request.
    qsizetype bufferedBytes() const { return m_buffer.size(); }

private:
    State parse();
    State parseHead(qsizetype headEnd);
    State failWith(int status, const char* reason);

    Limits m_limits;
    QByteArray m_buffer;
    State m_state = State::NeedMore;
    bool m_haveHead = false;
    qsizetype m_scanPos = 0;   // head bytes already searched for the empty line
    qsizetype m_lineStart = 0; // start of the head line being scanned
    qsizetype m_bodyLength = 0;
    HttpRequest m_current;
    int m_errorStatus = 0;
    QByteArray m_errorReason;
};

} // namespace sim
} // namespace pos
