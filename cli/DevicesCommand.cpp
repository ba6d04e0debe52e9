// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "cli/DevicesCommand.h"

#include "devices/discovery/DeviceEnumerator.h"
#include "devices/discovery/DriverRegistry.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <memory>
#include <vector>

namespace pos {
namespace cli {
namespace {

using devices::DeviceCandidate;

QString hex4(quint16 value)
{
    return QStringLiteral("%1").arg(value, 4, 16, QLatin1Char('0'));
}

QJsonObject toJson(const DeviceCandidate& candidate)
{
    QJsonObject object{{QStringLiteral("id"), candidate.id},
                       {QStringLiteral("transport"), devices::transportKindName(candidate.transportKind)},
                       {QStringLiteral("description"), candidate.description},
                       {QStringLiteral("portPath"), candidate.portPath},
                       {QStringLiteral("serial"), candidate.serialNumber},
                       {QStringLiteral("ieee1284Id"), candidate.ieee1284Id},
                       {QStringLiteral("allowListed"), candidate.allowListed}};
    object.insert(QStringLiteral("vid"),
                  candidate.vendorId != 0 ? QJsonValue(hex4(candidate.vendorId)) : QJsonValue());
    object.insert(QStringLiteral("pid"),
                  candidate.productId != 0 ? QJsonValue(hex4(candidate.productId)) : QJsonValue());
    if (candidate.match) {
        object.insert(QStringLiteral("role"), devices::deviceRoleName(candidate.match->role));
        object.insert(QStringLiteral("driver"), candidate.match->driver);
        object.insert(QStringLiteral("priority"), candidate.match->priority);
        object.insert(QStringLiteral("needsUserChoice"), candidate.match->needsUserChoice);
    } else {
        object.insert(QStringLiteral("role"), QJsonValue());
        object.insert(QStringLiteral("driver"), QJsonValue());
        object.insert(QStringLiteral("priority"), 0);
        object.insert(QStringLiteral("needsUserChoice"), true);
    }
    return object;
}

void printUsage(QTextStream& stream, const QString& program)
{
    stream << "Usage: " << program
           << " list [--json] [--network tcp:HOST:PORT]... [--no-serial] [--no-usb]\n\n"
           << "Lists serial ports, USB printers and configured network printers with the driver and role\n"
           << "the POS would suggest for each.\n";
}

int runList(const QStringList& arguments, CommandIo& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Lists the devices the POS can see and their drivers."));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON array."));
    const QCommandLineOption network(QStringLiteral("network"),
                                     QStringLiteral("A configured network printer (repeatable)."),
                                     QStringLiteral("tcp:HOST:PORT"));
    const QCommandLineOption noSerial(QStringLiteral("no-serial"), QStringLiteral("Skip serial ports."));
    const QCommandLineOption noUsb(QStringLiteral("no-usb"), QStringLiteral("Skip USB devices."));
    parser.addOptions({json, network, noSerial, noUsb});
    const QCommandLineOption help = parser.addHelpOption();
    if (!parser.parse(arguments)) {
        io.err << parser.errorText() << "\n\n" << parser.helpText();
        return 2;
    }
    if (parser.isSet(help)) {
        io.out << parser.helpText();
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        io.err << "unexpected argument '" << parser.positionalArguments().first() << "'\n\n"
               << parser.helpText();
        return 2;
    }
    const QStringList networkIds = parser.values(network);
    for (const QString& id : networkIds) {
        if (!devices::NetworkPrinterList::isValidId(id)) {
            io.err << "--network " << id << ": expected tcp:HOST:PORT\n";
            return 2;
        }
    }

    std::vector<std::unique_ptr<devices::DeviceEnumerator>> enumerators;
    if (!parser.isSet(noSerial))
        enumerators.push_back(std::make_unique<devices::SerialEnumerator>());
    if (!parser.isSet(noUsb))
        enumerators.push_back(std::make_unique<devices::UsbEnumerator>());
    enumerators.push_back(std::make_unique<devices::NetworkPrinterList>(networkIds));

    const devices::DriverRegistry registry = devices::DriverRegistry::standard();
    QList<DeviceCandidate> candidates;
    for (const auto& enumerator : enumerators)
        candidates += enumerator->snapshot();
    for (DeviceCandidate& candidate : candidates)
        candidate.match = registry.bestMatch(candidate);
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const DeviceCandidate& a, const DeviceCandidate& b) { return a.id < b.id; });

    if (parser.isSet(json)) {
        QJsonArray array;
        for (const DeviceCandidate& candidate : candidates)
            array.append(toJson(candidate));
        io.out << QJsonDocument(array).toJson(QJsonDocument::Compact) << '\n';
        return 0;
    }
    io.out << "devices (" << candidates.size() << ")\n";
    if (candidates.isEmpty())
        return 0;
    io.out << "  id\trole\tdriver\tdescription\n";
    for (const DeviceCandidate& candidate : candidates) {
        QString role = QStringLiteral("-");
        QString driver = QStringLiteral("-");
        if (candidate.match) {
            role = devices::deviceRoleName(candidate.match->role);
            driver = QStringLiteral("%1/%2%3")
                         .arg(candidate.match->driver)
                         .arg(candidate.match->priority)
                         .arg(candidate.match->needsUserChoice ? QStringLiteral("?") : QString());
        }
        io.out << "  " << candidate.id << '\t' << role << '\t' << driver << '\t' << candidate.description
               << '\n';
    }
    return 0;
}

constexpr CommandAction devicesActions[] = {
    {"list", "List devices with their suggested driver and role", &runList},
};

void printActions(QTextStream& stream, const QString& program)
{
    printUsage(stream, program);
    stream << "\nActions:\n";
    for (const CommandAction& action : devicesActions)
        stream << "  " << QString::fromLatin1(action.name).leftJustified(15) << action.summary << '\n';
}

} // namespace

int DevicesCommand::run(const QStringList& arguments, CommandIo& io)
{
    return dispatchAction(arguments, io, QStringLiteral("pos-tool devices"), devicesActions, &printActions);
}

} // namespace cli
} // namespace pos
