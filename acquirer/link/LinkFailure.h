// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Result.h"

#include <QAbstractSocket>
#include <QList>
#include <QSslError>
#include <QString>

#include <optional>

// Why an exchange over the acquirer link failed. The cause travels inside Error::detail as a stable prefix
// ("certificate-expired: ...") so callers and tests can branch on it with linkFailureOf(); the ErrorCode
// tells what the caller must do:
//   NetworkFailure   nothing reached the host's application (connect, DNS, every TLS refusal): safe to retry;
//   OutcomeUnknown   the request may have reached the host (write/response timeout, connection lost after
//                    the request was written, cancelled after writing): the engine reverses;
//   ProtocolViolation the host sent a bad frame (zero or oversized length) and the connection was aborted;
//   Internal         a second exchange was started while one is outstanding;
//   Cancelled        abort() before anything was written.
namespace pos {
namespace acquirer {

enum class LinkFailure {
    None, // the error does not come from the link
    ConnectTimeout,
    ConnectionRefused,
    HostNotFound,
    NetworkError, // any other socket error before the request was written
    CertificateUntrusted,
    CertificateExpired,
    CertificateNotYetValid,
    HostNameMismatch,
    CertificateInvalid,        // another certificate problem (bad purpose, revoked, ...)
    TlsHandshakeFailed,        // plaintext peer, protocol below TLS 1.2, no common cipher, peer alert
    ClientCertificateRejected, // the host refused (or required and missed) the terminal's certificate
    WriteTimeout,
    ResponseTimeout,
    ConnectionClosed, // closed or reset after the request was written
    ProtocolViolation,
    Busy,
    Cancelled,
};

// Stable, untranslated token ("certificate-untrusted"), used as the detail prefix and in --json output.
QString linkFailureName(LinkFailure failure);
// The cause of an error built by linkFailure(); LinkFailure::None for any other error.
LinkFailure linkFailureOf(const Error& error);

// The error for cause with its translated user message and "<token>: <not sent|...>; <detail>" as detail.
// requestWritten only matters for Cancelled (OutcomeUnknown instead of Cancelled) and for socket errors.
Failure linkFailure(LinkFailure cause, const QString& detail, bool requestWritten = false);

// The cause of a failed TLS handshake from the certificate errors the socket reported (sslErrors()) and a
// fatal alert the peer sent, if any. Precedence: untrusted, expired, not yet valid, host name, other
// certificate errors; then alerts about the client certificate; TlsHandshakeFailed otherwise.
LinkFailure classifyTlsFailure(const QList<QSslError>& errors, std::optional<QSsl::AlertType> peerAlert);
// The cause of a socket error before anything was written (ConnectionRefused, HostNotFound, NetworkError).
LinkFailure classifyConnectError(QAbstractSocket::SocketError error);

} // namespace acquirer
} // namespace pos
