// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "cli/SimCommand.h"

#include "core/Result.h"
#include "simulators/acquirer/AcquirerSimulator.h"
#include "simulators/acquirer/HostLedgerDump.h"
#include "simulators/pinpad/PinPadSimulator.h"
#include "simulators/printer/PrinterSimulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pos {
namespace cli {
namespace {

int runAcquirer(const QStringList& arguments, CommandIo& io)
{
    io.out.flush();
    return sim::runAcquirerSimulator(*QCoreApplication::instance(), arguments);
}

int runPinPad(const QStringList& arguments, CommandIo& io)
{
    io.out.flush();
    return sim::runPinPadSimulator(*QCoreApplication::instance(), arguments);
}

int runPrinter(const QStringList& arguments, CommandIo& io)
{
    io.out.flush();
    return sim::runPrinterSimulator(*QCoreApplication::instance(), arguments);
}

QString cell(const QJsonValue& value)
{
    if (value.isNull() || value.isUndefined())
        return QStringLiteral("-");
    if (value.isDouble())
        return QString::number(value.toInteger());
    return value.toString();
}

void printTable(QTextStream& out, const QString& title, const QJsonArray& rows, const QStringList& columns)
{
    out << title << " (" << rows.size() << ")\n";
    if (rows.isEmpty())
        return;
    out << "  " << columns.join(QLatin1Char('\t')) << '\n';
    for (const QJsonValue& row : rows) {
        QStringList cells;
        for (const QString& column : columns)
            cells << cell(row.toObject().value(column));
        out << "  " << cells.join(QLatin1Char('\t')) << '\n';
    }
}

int runAcquirerDump(const QStringList& arguments, CommandIo& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Prints the acquirer simulator's host ledger (host.db in DIR, read-only)."));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("The simulator's data folder."), QStringLiteral("dir"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print one JSON object."));
    parser.addOption(dataDir);
    parser.addOption(json);
    const QCommandLineOption help = parser.addHelpOption();
    if (!parser.parse(arguments)) {
        io.err << parser.errorText() << "\n\n" << parser.helpText();
        return 2;
    }
    if (parser.isSet(help)) {
        io.out << parser.helpText();
        return 0;
    }
    if (parser.value(dataDir).isEmpty() || !parser.positionalArguments().isEmpty()) {
        io.err << "missing --data-dir dir\n\n" << parser.helpText();
        return 2;
    }

    const Result<QJsonObject> dump = sim::dumpHostLedger(parser.value(dataDir));
    if (!dump) {
        if (parser.isSet(json)) {
            const QJsonObject failure{{QStringLiteral("ok"), false},
                                      {QStringLiteral("error"), dump.error().userMessage},
                                      {QStringLiteral("code"), errorCodeName(dump.error().code)},
                                      {QStringLiteral("detail"), dump.error().detail}};
            io.out << QJsonDocument(failure).toJson(QJsonDocument::Compact) << '\n';
        } else {
            io.err << dump.error().userMessage << " (" << dump.error().detail << ")\n";
        }
        return 1;
    }
    const QJsonObject& ledger = dump.value();
    if (parser.isSet(json)) {
        io.out << QJsonDocument(ledger).toJson(QJsonDocument::Compact) << '\n';
        return 0;
    }
    const auto columns = [](const char* list) { return QString::fromLatin1(list).split(QLatin1Char(' ')); };
    printTable(io.out, QStringLiteral("terminals"), ledger.value(QStringLiteral("terminals")).toArray(),
               columns("tid mid current_batch signed_on key_layout single_limit_fen daily_limit_fen"));
    printTable(io.out, QStringLiteral("transactions"), ledger.value(QStringLiteral("transactions")).toArray(),
               columns("id tid batch stan kind amount_fen pan_masked rrn response_code state settled"));
    printTable(
        io.out, QStringLiteral("settlements"), ledger.value(QStringLiteral("settlements")).toArray(),
        columns("tid batch terminal_sale_count terminal_sale_fen host_sale_count host_sale_fen balanced"));
    printTable(io.out, QStringLiteral("uploads"), ledger.value(QStringLiteral("uploads")).toArray(),
               columns("tid batch records_received end_count closed_at"));
    printTable(io.out, QStringLiteral("faults"), ledger.value(QStringLiteral("faults")).toArray(),
               columns("tid stan mti name created"));
    printTable(io.out, QStringLiteral("tombstones"), ledger.value(QStringLiteral("tombstones")).toArray(),
               columns("tid batch stan reason created"));
    // The JSON API's tables (absent from a host.db older than schema 2).
    if (ledger.contains(QStringLiteral("merchants"))) {
        printTable(io.out, QStringLiteral("applications"),
                   ledger.value(QStringLiteral("applications")).toArray(),
                   columns("application_id client_reference status merchant_id updated_ms"));
        printTable(io.out, QStringLiteral("merchants"), ledger.value(QStringLiteral("merchants")).toArray(),
                   columns("merchant_id uscc registered_name shop_name application_id"));
        printTable(io.out, QStringLiteral("apiTerminals"),
                   ledger.value(QStringLiteral("apiTerminals")).toArray(), columns("key_id scope tid mid"));
        printTable(
            io.out, QStringLiteral("qrOrders"), ledger.value(QStringLiteral("qrOrders")).toArray(),
            columns("mid out_trade_no tid status amount_fen channel refunded_fen tombstone local_date"));
    }
    return 0;
}

constexpr CommandAction simActions[] = {
    {"acquirer", "Run the acquirer host simulator (same options as pos-acquirer-sim)", &runAcquirer},
    {"acquirer-dump", "Print the acquirer simulator's host ledger", &runAcquirerDump},
    {"pinpad", "Run the PIN pad emulator (same options as pos-pinpad-sim)", &runPinPad},
    {"printer", "Run the receipt printer emulator (same options as pos-printer-sim)", &runPrinter},
};

void printUsage(QTextStream& stream, const QString& program)
{
    stream << "Usage: " << program << " <action> [options]\n\nActions:\n";
    for (const CommandAction& action : simActions)
        stream << "  " << QString::fromLatin1(action.name).leftJustified(15) << action.summary << '\n';
    stream << "\nExit codes: 0 success, 1 the ledger could not be read, 2 usage error.\n";
}

} // namespace

int SimCommand::run(const QStringList& arguments, CommandIo& io)
{
    return dispatchAction(arguments, io, QStringLiteral("pos-tool sim"), simActions, &printUsage);
}

} // namespace cli
} // namespace pos
