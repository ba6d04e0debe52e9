// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/acquirer/api/HttpRequestParser.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <utility>

namespace pos {
namespace sim {
namespace {

// RFC 9110 tchar.
bool isTokenChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    if ((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~': return true;
    default: return false;
    }
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// Field value bytes: visible ASCII, obs-text, SP and HTAB.
bool isFieldValue(QByteArrayView text)
{
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u == 0x7F || (u < 0x20 && u != '\t'))
            return false;
    }
    return true;
}

bool isOriginForm(QByteArrayView target)
{
    if (target.isEmpty() || target.front() != '/')
        return false;
    for (const char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7F || c == '#')
            return false;
    }
    return true;
}

QByteArrayView trimmedBlanks(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

bool equalsIgnoringCase(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

} // namespace

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto& [key, value] : headers) {
        if (equalsIgnoringCase(key, name))
            return value;
    }
    return QByteArray();
}

bool HttpRequest::hasHeader(QByteArrayView name) const
{
    for (const auto& entry : headers) {
        if (equalsIgnoringCase(entry.first, name))
            return true;
    }
    return false;
}

bool HttpRequest::keepAlive() const
{
    bool close = false;
    bool keep = false;
    for (const auto& [key, value] : headers) {
        if (!equalsIgnoringCase(key, "connection"))
            continue;
        for (const QByteArray& option : value.split(',')) {
            const QByteArrayView trimmed = trimmedBlanks(option);
            close = close || equalsIgnoringCase(trimmed, "close");
            keep = keep || equalsIgnoringCase(trimmed, "keep-alive");
        }
    }
    if (close)
        return false;
    return minorVersion >= 1 || keep;
}

QByteArray HttpRequest::path() const
{
    const qsizetype query = target.indexOf('?');
    return query < 0 ? target : target.left(query);
}

HttpRequestParser::State HttpRequestParser::failWith(int status, const char* reason)
{
    m_state = State::Failed;
    m_errorStatus = status;
    m_errorReason = QByteArray(reason);
    m_buffer.clear();
    return m_state;
}

HttpRequestParser::State HttpRequestParser::feed(QByteArrayView bytes)
{
    if (m_state == State::Failed)
        return m_state;
    m_buffer.append(bytes);
    if (m_state == State::Complete)
        return m_state; // parsing resumes in takeRequest()
    m_state = parse();
    return m_state;
}

HttpRequest HttpRequestParser::takeRequest()
{
    Q_ASSERT(m_state == State::Complete);
    HttpRequest request = std::exchange(m_current, HttpRequest());
    m_haveHead = false;
    m_bodyLength = 0;
    m_state = parse();
    return request;
}

HttpRequestParser::State HttpRequestParser::parse()
{
    if (!m_haveHead) {
        // Leading empty lines before a request line are ignored (RFC 9112 §2.2).
        qsizetype skip = 0;
        while (m_buffer.size() - skip >= 2 && m_buffer.at(skip) == '\r' && m_buffer.at(skip + 1) == '\n')
            skip += 2;
        if (skip > 0) {
            m_buffer.remove(0, skip);
            m_scanPos = 0;
            m_lineStart = 0;
        }
        if (!m_buffer.isEmpty() && m_buffer.front() == '\n')
            return failWith(400, "bare LF");

        // Find the empty line that ends the head; every LF must follow a CR.
        // Resumes where the previous feed stopped, so byte-by-byte feeding stays linear.
        qsizetype headEnd = -1;
        const qsizetype limit = std::min(m_buffer.size(), m_limits.maxHeaderBytes + 1);
        for (; m_scanPos < limit; ++m_scanPos) {
            const qsizetype i = m_scanPos;
            if (m_buffer.at(i) != '\n')
                continue;
            if (i == 0 || m_buffer.at(i - 1) != '\r')
                return failWith(400, "bare LF");
            if (i - 1 == m_lineStart) { // "\r\n" alone: the empty line
                headEnd = m_lineStart;
                break;
            }
            m_lineStart = i + 1;
        }
        if (headEnd < 0) {
            if (m_buffer.size() > m_limits.maxHeaderBytes)
                return failWith(431, "header block too large");
            return State::NeedMore;
        }
        if (headEnd + 2 > m_limits.maxHeaderBytes)
            return failWith(431, "header block too large");
        if (const State head = parseHead(headEnd); head == State::Failed)
            return head;
        m_buffer.remove(0, headEnd + 2);
        m_scanPos = 0;
        m_lineStart = 0;
        m_haveHead = true;
    }
    if (m_buffer.size() < m_bodyLength)
        return State::NeedMore;
    m_current.body = m_buffer.left(m_bodyLength);
    m_buffer.remove(0, m_bodyLength);
    return State::Complete;
}

HttpRequestParser::State HttpRequestParser::parseHead(qsizetype headEnd)
{
    // headEnd is the offset of the final empty line; every line before it ends with CRLF.
    const QByteArrayView head = QByteArrayView(m_buffer).first(headEnd);
    QList<QByteArrayView> lines;
    qsizetype start = 0;
    while (start < head.size()) {
        const qsizetype end = head.indexOf("\r\n", start);
        if (end < 0)
            return failWith(400, "unterminated line");
        lines.append(head.sliced(start, end - start));
        start = end + 2;
    }
    if (lines.isEmpty())
        return failWith(400, "no request line");

    const QByteArrayView requestLine = lines.front();
    const qsizetype firstSpace = requestLine.indexOf(' ');
    const qsizetype secondSpace = firstSpace < 0 ? -1 : requestLine.indexOf(' ', firstSpace + 1);
    if (firstSpace <= 0 || secondSpace < 0 || requestLine.indexOf(' ', secondSpace + 1) >= 0)
        return failWith(400, "malformed request line");
    const QByteArrayView method = requestLine.first(firstSpace);
    const QByteArrayView target = requestLine.sliced(firstSpace + 1, secondSpace - firstSpace - 1);
    const QByteArrayView version = requestLine.sliced(secondSpace + 1);
    if (!isToken(method))
        return failWith(400, "malformed method");
    if (!isOriginForm(target))
        return failWith(400, "malformed request target");
    if (version.size() != 8 || !version.startsWith("HTTP/") || version.at(6) != '.' ||
        !std::isdigit(static_cast<unsigned char>(version.at(5))) ||
        !std::isdigit(static_cast<unsigned char>(version.at(7))))
        return failWith(400, "malformed HTTP version");
    if (version.at(5) != '1' || (version.at(7) != '0' && version.at(7) != '1'))
        return failWith(505, "unsupported HTTP version");

    m_current = HttpRequest();
    m_current.method = method.toByteArray();
    m_current.target = target.toByteArray();
    m_current.minorVersion = version.at(7) - '0';

    std::optional<qint64> contentLength;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return failWith(400, "malformed header line");
        const QByteArrayView name = line.first(colon);
        const QByteArrayView value = trimmedBlanks(line.sliced(colon + 1));
        if (!isToken(name)) // also refuses obsolete line folding and blanks before the colon
            return failWith(400, "malformed header name");
        if (!isFieldValue(value))
            return failWith(400, "control byte in header value");
        m_current.headers.append({name.toByteArray().toLower(), value.toByteArray()});

        if (equalsIgnoringCase(name, "transfer-encoding"))
            return failWith(501, "transfer codings are not supported");
        if (equalsIgnoringCase(name, "content-length")) {
            if (value.isEmpty() || value.size() > 18)
                return failWith(value.isEmpty() ? 400 : 413, "bad Content-Length");
            qint64 length = 0;
            for (const char c : value) {
                if (c < '0' || c > '9')
                    return failWith(400, "bad Content-Length");
                length = length * 10 + (c - '0');
            }
            if (contentLength && *contentLength != length)
                return failWith(400, "conflicting Content-Length");
            contentLength = length;
        }
    }
    if (!contentLength) {
        if (m_current.method == "POST" || m_current.method == "PUT" || m_current.method == "PATCH")
            return failWith(411, "Content-Length required");
        contentLength = 0;
    }
    if (*contentLength > m_limits.maxBodyBytes)
        return failWith(413, "body too large");
    m_bodyLength = static_cast<qsizetype>(*contentLength);
    return State::NeedMore;
}

} // namespace sim
} // namespace pos
