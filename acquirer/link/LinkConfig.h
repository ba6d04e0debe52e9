// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "acquirer/iso8583/FrameCodec.h"
#include "core/Result.h"

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QString>

namespace pos {
namespace acquirer {

// Parameters of the TLS link to one acquirer host (issue 4, acquirer-protocol.md §9). Times are in
// milliseconds and must be positive.
struct LinkConfig
{
    QString host; // host name or IP address
    quint16 port = 0;
    // The acquirer CA(s) pinned for this terminal: the ONLY trust anchors; system CAs are never used.
    QList<QSslCertificate> pinnedCa;
    // Name the server certificate must carry (SAN DNS/IP or CN); empty means host.
    QString expectedPeerName;
    // Optional client certificate and its key, for hosts that require one. Both or neither.
    QSslCertificate clientCertificate;
    QSslKey clientKey;
    // TCP connect plus TLS handshake; nothing has been sent when it expires.
    int connectTimeoutMs = 10000;
    // From handing the request to the socket until all of it is on the wire.
    int writeTimeoutMs = 10000;
    // [A] From the request being written until the response frame is complete (CUP: 30–60 s).
    int responseTimeoutMs = 40000;
    // Added to responseTimeoutMs: a response completing within the grace window is still delivered, a later
    // one never is.
    int graceMs = 2000;
    // false (CUP default): one connection per exchange, closed after the response. true: reuse it.
    bool keepAlive = false;
    FrameConfig frame;

    // expectedPeerName, or host when that is empty.
    QString peerVerifyName() const { return expectedPeerName.isEmpty() ? host : expectedPeerName; }
};

// The certificates of a PEM file (one or more "BEGIN CERTIFICATE" blocks), for LinkConfig::pinnedCa.
// NotFound when the file is missing or unreadable, InvalidInput when it is empty or holds no PEM certificate.
Result<QList<QSslCertificate>> loadPinnedCa(const QString& pemPath);

// The client TLS configuration of a link: TLS 1.2 or newer, VerifyPeer against exactly config.pinnedCa
// (system CAs and on-demand root loading off), peer verify depth unlimited, the client certificate and key
// when set. The peer verify name is set on the socket (QSslSocket::setPeerVerifyName), not here: use
// config.peerVerifyName(). Shared by AcquirerLink and `pos-tool host ping`.
QSslConfiguration linkTlsConfiguration(const LinkConfig& config);

} // namespace acquirer
} // namespace pos
