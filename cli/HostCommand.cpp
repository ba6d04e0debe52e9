// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "cli/HostCommand.h"

#include "acquirer/link/LinkConfig.h"
#include "acquirer/link/LinkFailure.h"
#include "cli/CliLog.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCipher>
#include <QSslSocket>
#include <QTimer>

#include <optional>

namespace pos {
namespace cli {
namespace {

using acquirer::LinkConfig;
using acquirer::LinkFailure;

struct PingReport
{
    QString protocol;
    QString cipher;
    QString peerSubject;
    QString peerIssuer;
    QString peerExpiry; // ISO 8601, UTC
    qint64 connectMs = 0;
    qint64 handshakeMs = 0;
};

// One TCP connect plus TLS handshake, driven by the application's event loop; quits it when done.
Result<PingReport> runPing(const LinkConfig& config)
{
    const QString endpoint = QStringLiteral("%1:%2").arg(config.host).arg(config.port);
    std::optional<Result<PingReport>> outcome;
    QSslSocket socket;
    QTimer deadline;
    QElapsedTimer clock;
    QList<QSslError> sslErrors;
    std::optional<QSsl::AlertType> peerAlert;
    PingReport report;
    bool connected = false;
    bool settling = false;
    constexpr int settleMs = 300;

    const auto finish = [&](Result<PingReport> result) {
        if (outcome)
            return;
        outcome.emplace(std::move(result));
        deadline.stop();
        QCoreApplication::quit();
    };
    const auto failWith = [&](LinkFailure cause, const QString& detail) {
        socket.abort();
        finish(acquirer::linkFailure(cause, detail));
    };

    socket.setSslConfiguration(acquirer::linkTlsConfiguration(config));
    socket.setPeerVerifyName(config.peerVerifyName());
    QObject::connect(&socket, &QSslSocket::connected, &socket, [&] {
        connected = true;
        report.connectMs = clock.restart();
        socket.startClientEncryption();
    });
    QObject::connect(&socket, &QSslSocket::sslErrors, &socket,
                     [&](const QList<QSslError>& errors) { sslErrors.append(errors); });
    QObject::connect(&socket, &QSslSocket::alertReceived, &socket,
                     [&](QSsl::AlertLevel level, QSsl::AlertType type, const QString&) {
                         if (level == QSsl::AlertLevel::Fatal)
                             peerAlert = type;
                     });
    QObject::connect(&socket, &QSslSocket::encrypted, &socket, [&] {
        report.handshakeMs = clock.elapsed();
        const QSslCipher cipher = socket.sessionCipher();
        const QSslCertificate peer = socket.peerCertificate();
        report.protocol = cipher.protocolString();
        report.cipher = cipher.name();
        report.peerSubject = peer.subjectDisplayName();
        report.peerIssuer = peer.issuerDisplayName();
        report.peerExpiry = peer.expiryDate().toUTC().toString(Qt::ISODate);
        // TLS 1.3: the client's handshake ends before the host has checked it (client certificate); a host
        // refusing closes at once, so stay briefly before calling the handshake good.
        settling = true;
        deadline.stop();
        QTimer::singleShot(settleMs, &socket, [&] {
            if (outcome)
                return;
            socket.disconnectFromHost();
            finish(report);
        });
    });
    QObject::connect(&socket, &QSslSocket::errorOccurred, &socket, [&] {
        if (outcome)
            return;
        if (!connected) {
            failWith(acquirer::classifyConnectError(socket.error()),
                     QStringLiteral("connect to %1: %2").arg(endpoint, socket.errorString()));
            return;
        }
        if (settling) {
            failWith(acquirer::classifyTlsFailure({}, peerAlert) == LinkFailure::ClientCertificateRejected
                         ? LinkFailure::ClientCertificateRejected
                         : LinkFailure::TlsHandshakeFailed,
                     QStringLiteral("%1 closed the connection right after the TLS handshake: %2")
                         .arg(endpoint, socket.errorString()));
            return;
        }
        QStringList reasons;
        for (const QSslError& error : std::as_const(sslErrors))
            reasons << error.errorString();
        if (reasons.isEmpty())
            reasons << socket.errorString();
        failWith(acquirer::classifyTlsFailure(sslErrors, peerAlert),
                 QStringLiteral("TLS handshake with %1 (peer name %2) failed: %3")
                     .arg(endpoint, config.peerVerifyName(), reasons.join(QStringLiteral("; "))));
    });
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &socket, [&] {
        if (connected)
            failWith(LinkFailure::TlsHandshakeFailed,
                     QStringLiteral("TLS handshake with %1 did not complete within %2 ms")
                         .arg(endpoint)
                         .arg(config.connectTimeoutMs));
        else
            failWith(LinkFailure::ConnectTimeout, QStringLiteral("TCP connect to %1 took more than %2 ms")
                                                      .arg(endpoint)
                                                      .arg(config.connectTimeoutMs));
    });

    clock.start();
    deadline.start(config.connectTimeoutMs);
    // Deferred so that quit() always finds the loop running.
    QTimer::singleShot(0, &socket, [&] { socket.connectToHost(config.host, config.port); });
    QCoreApplication::exec();
    if (!outcome) {
        return fail(ErrorCode::Internal,
                    QCoreApplication::translate("pos::cli::HostCommand", "The check was interrupted."),
                    QStringLiteral("event loop ended before the check finished"));
    }
    return *std::move(outcome);
}

int runPingAction(const QStringList& arguments, CommandIo& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Connects to an acquirer host and completes a TLS handshake with its CA pinned."));
    const QCommandLineOption hostOption(QStringLiteral("host"), QStringLiteral("Acquirer host and port."),
                                        QStringLiteral("H:P"));
    const QCommandLineOption caOption(
        QStringLiteral("ca"), QStringLiteral("PEM file of the acquirer CA to pin."), QStringLiteral("FILE"));
    const QCommandLineOption nameOption(
        QStringLiteral("name"), QStringLiteral("Name the certificate must carry (default: the host)."),
        QStringLiteral("PEERNAME"));
    const QCommandLineOption timeoutOption(
        QStringLiteral("timeout"), QStringLiteral("Connect plus handshake timeout in ms (default 10000)."),
        QStringLiteral("MS"), QStringLiteral("10000"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOptions({hostOption, caOption, nameOption, timeoutOption, jsonOption});
    const QCommandLineOption helpOption = parser.addHelpOption();

    const auto usage = [&](const QString& message) {
        io.err << message << "\n\n" << parser.helpText();
        return 2;
    };
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(helpOption)) {
        io.out << parser.helpText();
        return 0;
    }
    if (!parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    if (parser.value(hostOption).isEmpty())
        return usage(QStringLiteral("missing --host H:P"));
    if (parser.value(caOption).isEmpty())
        return usage(QStringLiteral("missing --ca FILE"));
    const auto endpoint = parseEndpoint(parser.value(hostOption));
    if (!endpoint)
        return usage(QStringLiteral("--host must be HOST:PORT, not '%1'").arg(parser.value(hostOption)));
    bool timeoutOk = false;
    const int timeoutMs = parser.value(timeoutOption).toInt(&timeoutOk);
    if (!timeoutOk || timeoutMs <= 0)
        return usage(QStringLiteral("--timeout must be a positive number of milliseconds"));
    if (!QCoreApplication::instance())
        return usage(QStringLiteral("host ping needs a QCoreApplication"));
    const bool json = parser.isSet(jsonOption);

    const auto refused = [&](const Error& error) {
        if (json) {
            const QJsonObject details{
                {QStringLiteral("ok"), false},
                {QStringLiteral("error"), error.userMessage},
                {QStringLiteral("code"), errorCodeName(error.code)},
                {QStringLiteral("cause"), acquirer::linkFailureName(acquirer::linkFailureOf(error))},
                {QStringLiteral("detail"), error.detail}};
            io.out << QJsonDocument(details).toJson(QJsonDocument::Compact) << '\n';
        } else {
            io.err << error.userMessage << '\n'
                   << "  (" << errorCodeName(error.code) << ": " << error.detail << ")\n";
        }
        return 1;
    };

    const auto pinned = acquirer::loadPinnedCa(parser.value(caOption));
    if (!pinned)
        return refused(pinned.error());
    LinkConfig config;
    config.host = endpoint->first;
    config.port = endpoint->second;
    config.pinnedCa = pinned.value();
    config.expectedPeerName = parser.value(nameOption);
    config.connectTimeoutMs = timeoutMs;

    qCInfo(lcCli).noquote() << "host ping" << config.host << config.port;
    const Result<PingReport> result = runPing(config);
    if (!result)
        return refused(result.error());
    const PingReport& report = result.value();
    if (json) {
        const QJsonObject details{{QStringLiteral("ok"), true},
                                  {QStringLiteral("host"), config.host},
                                  {QStringLiteral("port"), config.port},
                                  {QStringLiteral("peerName"), config.peerVerifyName()},
                                  {QStringLiteral("protocol"), report.protocol},
                                  {QStringLiteral("cipher"), report.cipher},
                                  {QStringLiteral("peerSubject"), report.peerSubject},
                                  {QStringLiteral("peerIssuer"), report.peerIssuer},
                                  {QStringLiteral("peerExpiry"), report.peerExpiry},
                                  {QStringLiteral("connectMs"), report.connectMs},
                                  {QStringLiteral("handshakeMs"), report.handshakeMs}};
        io.out << QJsonDocument(details).toJson(QJsonDocument::Compact) << '\n';
        return 0;
    }
    io.out << "TLS handshake with " << config.host << ':' << config.port << " ok\n"
           << "  protocol   " << report.protocol << '\n'
           << "  cipher     " << report.cipher << '\n'
           << "  peer       " << report.peerSubject << " (verified as " << config.peerVerifyName() << ")\n"
           << "  issuer     " << report.peerIssuer << '\n'
           << "  expires    " << report.peerExpiry << '\n'
           << "  connect    " << report.connectMs << " ms\n"
           << "  handshake  " << report.handshakeMs << " ms\n";
    return 0;
}

constexpr CommandAction hostActions[] = {
    {"ping", "TCP connect and TLS handshake with the acquirer CA pinned (no message sent)", &runPingAction},
};

void printUsage(QTextStream& stream, const QString& program)
{
    stream << "Usage: " << program << " <action> [options] [--json]\n\nActions:\n";
    for (const CommandAction& action : hostActions)
        stream << "  " << QString::fromLatin1(action.name).leftJustified(10) << action.summary << '\n';
    stream << "\nExit codes: 0 ok, 1 refused or unreachable, 2 usage error.\n";
}

} // namespace

int HostCommand::run(const QStringList& arguments, CommandIo& io)
{
    return dispatchAction(arguments, io, QStringLiteral("pos-tool host"), hostActions, &printUsage);
}

std::optional<std::pair<QString, quint16>> parseEndpoint(const QString& text)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return std::nullopt;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port == 0 || port > 65535 || host.isEmpty() || host.contains(QLatin1Char(' ')))
        return std::nullopt;
    return std::make_pair(host, static_cast<quint16>(port));
}

} // namespace cli
} // namespace pos
