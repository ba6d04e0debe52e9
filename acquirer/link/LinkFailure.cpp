// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/link/LinkFailure.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <utility>

namespace pos {
namespace acquirer {
namespace {

class LinkFailureText final
{
    Q_DECLARE_TR_FUNCTIONS(pos::acquirer::LinkFailure)

public:
    static QString userMessage(LinkFailure cause, bool requestWritten)
    {
        switch (cause) {
        case LinkFailure::None: break;
        case LinkFailure::ConnectTimeout:
            return tr("The acquirer host did not answer in time. Nothing was sent.");
        case LinkFailure::ConnectionRefused:
            return tr("The acquirer host refused the connection. Nothing was sent.");
        case LinkFailure::HostNotFound:
            return tr("The acquirer host name could not be resolved. Nothing was sent.");
        case LinkFailure::NetworkError: return tr("The connection to the acquirer failed. Nothing was sent.");
        case LinkFailure::CertificateUntrusted:
            return tr("The acquirer's certificate is not trusted. Nothing was sent.");
        case LinkFailure::CertificateExpired:
            return tr("The acquirer's certificate has expired. Nothing was sent.");
        case LinkFailure::CertificateNotYetValid:
            return tr("The acquirer's certificate is not valid yet; check the terminal's date and time. "
                      "Nothing was sent.");
        case LinkFailure::HostNameMismatch:
            return tr("The acquirer's certificate is for another host name. Nothing was sent.");
        case LinkFailure::CertificateInvalid:
            return tr("The acquirer's certificate was refused. Nothing was sent.");
        case LinkFailure::TlsHandshakeFailed:
            return tr("No secure connection (TLS 1.2 or newer) to the acquirer could be established. "
                      "Nothing was sent.");
        case LinkFailure::ClientCertificateRejected:
            return tr("The acquirer refused this terminal's certificate. The request was not processed.");
        case LinkFailure::WriteTimeout:
            return tr("Sending to the acquirer timed out. The outcome is unknown.");
        case LinkFailure::ResponseTimeout:
            return tr("The acquirer did not respond in time. The outcome is unknown.");
        case LinkFailure::ConnectionClosed:
            return tr("The connection to the acquirer was lost before the response. The outcome is unknown.");
        case LinkFailure::ProtocolViolation: return tr("The acquirer sent a malformed message.");
        case LinkFailure::Busy: return tr("Another exchange with the acquirer is still in progress.");
        case LinkFailure::Cancelled:
            return requestWritten ? tr("The exchange with the acquirer was cancelled after the request was "
                                       "sent. The outcome is unknown.")
                                  : tr("The exchange with the acquirer was cancelled. Nothing was sent.");
        }
        return tr("The acquirer link failed.");
    }
};

constexpr std::array<std::pair<LinkFailure, const char*>, 18> failureNames{{
    {LinkFailure::None, "none"},
    {LinkFailure::ConnectTimeout, "connect-timeout"},
    {LinkFailure::ConnectionRefused, "connection-refused"},
    {LinkFailure::HostNotFound, "host-not-found"},
    {LinkFailure::NetworkError, "network-error"},
    {LinkFailure::CertificateUntrusted, "certificate-untrusted"},
    {LinkFailure::CertificateExpired, "certificate-expired"},
    {LinkFailure::CertificateNotYetValid, "certificate-not-yet-valid"},
    {LinkFailure::HostNameMismatch, "host-name-mismatch"},
    {LinkFailure::CertificateInvalid, "certificate-invalid"},
    {LinkFailure::TlsHandshakeFailed, "tls-handshake-failed"},
    {LinkFailure::ClientCertificateRejected, "client-certificate-rejected"},
    {LinkFailure::WriteTimeout, "write-timeout"},
    {LinkFailure::ResponseTimeout, "response-timeout"},
    {LinkFailure::ConnectionClosed, "connection-closed"},
    {LinkFailure::ProtocolViolation, "protocol-violation"},
    {LinkFailure::Busy, "busy"},
    {LinkFailure::Cancelled, "cancelled"},
}};

ErrorCode errorCodeFor(LinkFailure cause, bool requestWritten)
{
    switch (cause) {
    case LinkFailure::WriteTimeout:
    case LinkFailure::ResponseTimeout:
    case LinkFailure::ConnectionClosed: return ErrorCode::OutcomeUnknown;
    case LinkFailure::ProtocolViolation: return ErrorCode::ProtocolViolation;
    case LinkFailure::Busy:
    case LinkFailure::None: return ErrorCode::Internal;
    case LinkFailure::Cancelled: return requestWritten ? ErrorCode::OutcomeUnknown : ErrorCode::Cancelled;
    default: return ErrorCode::NetworkFailure;
    }
}

bool isUntrusted(QSslError::SslError error)
{
    switch (error) {
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::CertificateUntrusted:
    case QSslError::CertificateSignatureFailed:
    case QSslError::UnableToDecryptCertificateSignature:
    case QSslError::UnableToDecodeIssuerPublicKey:
    case QSslError::CertificateRejected:
    case QSslError::SubjectIssuerMismatch:
    case QSslError::AuthorityIssuerSerialNumberMismatch: return true;
    default: return false;
    }
}

} // namespace

QString linkFailureName(LinkFailure failure)
{
    for (const auto& [value, name] : failureNames) {
        if (value == failure)
            return QLatin1String(name);
    }
    return QStringLiteral("none");
}

LinkFailure linkFailureOf(const Error& error)
{
    const qsizetype colon = error.detail.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return LinkFailure::None;
    const QStringView token = QStringView(error.detail).first(colon);
    for (const auto& [value, name] : failureNames) {
        if (token == QLatin1String(name))
            return value;
    }
    return LinkFailure::None;
}

Failure linkFailure(LinkFailure cause, const QString& detail, bool requestWritten)
{
    const ErrorCode code = errorCodeFor(cause, requestWritten);
    QLatin1String sent("not sent");
    if (code == ErrorCode::OutcomeUnknown)
        sent = QLatin1String("may have been sent");
    else if (code == ErrorCode::ProtocolViolation)
        sent = QLatin1String("sent, bad response");
    else if (cause == LinkFailure::ClientCertificateRejected)
        sent = QLatin1String("not processed");
    return fail(code, LinkFailureText::userMessage(cause, requestWritten),
                QStringLiteral("%1: %2; %3").arg(linkFailureName(cause), sent, detail));
}

LinkFailure classifyTlsFailure(const QList<QSslError>& errors, std::optional<QSsl::AlertType> peerAlert)
{
    const auto has = [&errors](auto predicate) {
        return std::any_of(errors.cbegin(), errors.cend(),
                           [&predicate](const QSslError& e) { return predicate(e.error()); });
    };
    if (has(isUntrusted))
        return LinkFailure::CertificateUntrusted;
    if (has([](QSslError::SslError e) { return e == QSslError::CertificateExpired; }))
        return LinkFailure::CertificateExpired;
    if (has([](QSslError::SslError e) { return e == QSslError::CertificateNotYetValid; }))
        return LinkFailure::CertificateNotYetValid;
    if (has([](QSslError::SslError e) { return e == QSslError::HostNameMismatch; }))
        return LinkFailure::HostNameMismatch;
    if (!errors.isEmpty())
        return LinkFailure::CertificateInvalid;
    if (peerAlert) {
        switch (*peerAlert) {
        case QSsl::AlertType::CertificateRequired:
        case QSsl::AlertType::BadCertificate:
        case QSsl::AlertType::UnsupportedCertificate:
        case QSsl::AlertType::CertificateRevoked:
        case QSsl::AlertType::CertificateExpired:
        case QSsl::AlertType::CertificateUnknown:
        case QSsl::AlertType::UnknownCa:
        case QSsl::AlertType::AccessDenied: return LinkFailure::ClientCertificateRejected;
        default: break;
        }
    }
    return LinkFailure::TlsHandshakeFailed;
}

LinkFailure classifyConnectError(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError: return LinkFailure::ConnectionRefused;
    case QAbstractSocket::HostNotFoundError: return LinkFailure::HostNotFound;
    case QAbstractSocket::SocketTimeoutError: return LinkFailure::ConnectTimeout;
    default: return LinkFailure::NetworkError;
    }
}

} // namespace acquirer
} // namespace pos
