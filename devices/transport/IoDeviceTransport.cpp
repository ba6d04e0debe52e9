// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/transport/IoDeviceTransport.h"

#include <QCoreApplication>
#include <QSerialPort>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

namespace pos {
namespace devices {
namespace {

struct TransportText
{
    Q_DECLARE_TR_FUNCTIONS(pos::devices::ByteTransport)
};

} // namespace

IoDeviceTransport::IoDeviceTransport(QString deviceId, QIODevice* device, QObject* parent)
    : ByteTransport(std::move(deviceId), parent)
    , m_device(device)
{
    m_device->setParent(this);
    connect(m_device, &QIODevice::readyRead, this, [this] {
        const QByteArray bytes = m_device->readAll();
        if (!bytes.isEmpty())
            Q_EMIT bytesArrived(bytes);
    });
    const auto markLost = [this](const QString& reason) {
        if (m_lost)
            return;
        m_lost = true;
        Q_EMIT lost(reason);
    };
    if (auto* serial = qobject_cast<QSerialPort*>(m_device)) {
        connect(serial, &QSerialPort::errorOccurred, this,
                [serial, markLost](QSerialPort::SerialPortError error) {
                    // ResourceError: the device went away (unplugged, pty closed by the other end).
                    if (error == QSerialPort::ResourceError || error == QSerialPort::PermissionError)
                        markLost(serial->errorString());
                });
    } else if (auto* socket = qobject_cast<QTcpSocket*>(m_device)) {
        connect(socket, &QTcpSocket::connected, this, &ByteTransport::ready);
        connect(socket, &QTcpSocket::disconnected, this,
                [markLost] { markLost(QStringLiteral("closed by the peer")); });
        connect(socket, &QTcpSocket::errorOccurred, this,
                [socket, markLost](QAbstractSocket::SocketError) { markLost(socket->errorString()); });
    }
}

IoDeviceTransport::~IoDeviceTransport() = default;

Result<std::unique_ptr<ByteTransport>> IoDeviceTransport::openSerial(const QString& deviceId, QObject* parent)
{
    QString path = deviceId.mid(7);
    qint32 baud = 115200;
    if (const qsizetype question = path.indexOf(QLatin1Char('?')); question >= 0) {
        const QUrlQuery query(path.mid(question + 1));
        path.truncate(question);
        if (query.hasQueryItem(QStringLiteral("baud"))) {
            bool ok = false;
            baud = query.queryItemValue(QStringLiteral("baud")).toInt(&ok);
            if (!ok || baud < 1200 || baud > 921600)
                return Failure{invalidDeviceId(deviceId, QStringLiteral("baud rate"))};
        }
    }
    if (path.isEmpty())
        return Failure{invalidDeviceId(deviceId, QStringLiteral("no port path"))};
    auto* port = new QSerialPort(path);
    port->setBaudRate(baud);
    port->setDataBits(QSerialPort::Data8);
    port->setParity(QSerialPort::NoParity);
    port->setStopBits(QSerialPort::OneStop);
    port->setFlowControl(QSerialPort::NoFlowControl);
    if (!port->open(QIODevice::ReadWrite)) {
        const QString reason = port->errorString();
        delete port;
        return fail(ErrorCode::DeviceOffline,
                    TransportText::tr("The device at %1 cannot be opened.").arg(path),
                    QStringLiteral("open %1: %2").arg(path, reason));
    }
    std::unique_ptr<ByteTransport> transport(new IoDeviceTransport(deviceId, port, parent));
    QTimer::singleShot(0, transport.get(), [t = transport.get()] { Q_EMIT t->ready(); });
    return transport;
}

Result<std::unique_ptr<ByteTransport>> IoDeviceTransport::openTcp(const QString& deviceId, QObject* parent)
{
    const QString rest = deviceId.mid(4);
    const qsizetype colon = rest.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const uint port = colon > 0 ? rest.mid(colon + 1).toUInt(&ok) : 0;
    if (colon <= 0 || !ok || port == 0 || port > 65535)
        return Failure{invalidDeviceId(deviceId, QStringLiteral("needs tcp:HOST:PORT"))};
    auto* socket = new QTcpSocket;
    std::unique_ptr<ByteTransport> transport(new IoDeviceTransport(deviceId, socket, parent));
    socket->connectToHost(rest.left(colon), static_cast<quint16>(port));
    return transport;
}

bool IoDeviceTransport::isUsable() const
{
    if (m_lost || !m_device->isOpen())
        return false;
    if (const auto* socket = qobject_cast<const QTcpSocket*>(m_device))
        return socket->state() == QAbstractSocket::ConnectedState;
    return true;
}

bool IoDeviceTransport::write(const QByteArray& bytes)
{
    if (!isUsable())
        return false;
    return m_device->write(bytes) == bytes.size();
}

void IoDeviceTransport::close()
{
    m_device->close();
}

} // namespace devices
} // namespace pos
