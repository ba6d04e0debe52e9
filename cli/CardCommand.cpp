// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "cli/CardCommand.h"

#include "acquirer/link/LinkConfig.h"
#include "cli/ActionContext.h"
#include "cli/HostCommand.h"
#include "simulators/acquirer/DemoCardTerminal.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <functional>
#include <optional>

namespace pos {
namespace cli {
namespace {

using acquirer::CardResult;
using sim::DemoCardTerminal;

struct CardText
{
    Q_DECLARE_TR_FUNCTIONS(pos::cli::CardCommand)
};

QString outcomeKey(CardResult::Outcome outcome)
{
    switch (outcome) {
    case CardResult::Outcome::Approved: return QStringLiteral("approved");
    case CardResult::Outcome::Declined: return QStringLiteral("declined");
    case CardResult::Outcome::NotSent: return QStringLiteral("not_sent");
    case CardResult::Outcome::Reversed: return QStringLiteral("reversed");
    case CardResult::Outcome::ReversalPending: return QStringLiteral("reversal_pending");
    }
    return QStringLiteral("unknown");
}

// What one action does once the terminal is open, signed on and its queue drained: finish(result) exactly
// once, with the JSON details and the text line to print, or the error.
using Finish = std::function<void(Result<std::pair<QJsonObject, QString>>)>;
using ActionBody = std::function<void(DemoCardTerminal& terminal, qint64 owed, Finish finish)>;

// The shared part of every action: options, ledger, link, sign-on, recoveries, the event loop.
int runCardAction(const QStringList& arguments,
                  CommandIo& io,
                  const QString& description,
                  const QList<QCommandLineOption>& actionRequired,
                  const QList<QCommandLineOption>& actionOptional,
                  const std::function<std::optional<int>(ActionContext&)>& checkOptions,
                  const std::function<ActionBody(ActionContext&)>& makeBody)
{
    ActionContext context(description, io);
    const QCommandLineOption ledger =
        valueOption("ledger", "The terminal's ledger file (created when missing).", "FILE");
    const QCommandLineOption host = valueOption("host", "The acquirer host, HOST:PORT.", "H:P");
    const QCommandLineOption ca = valueOption("ca", "The acquirer CA to pin (PEM).", "FILE");
    const QCommandLineOption timeout =
        valueOption("response-timeout-ms", "Response timeout of one exchange (default 5000).", "MS");
    if (const std::optional<int> exit =
            context.parse(arguments, QList<QCommandLineOption>{ledger, host, ca} + actionRequired,
                          QList<QCommandLineOption>{timeout} + actionOptional))
        return *exit;
    const auto endpoint = parseEndpoint(context.value(host));
    if (!endpoint)
        return context.usage(QStringLiteral("--host needs HOST:PORT"));
    int responseTimeoutMs = 5000;
    if (context.isSet(timeout)) {
        bool ok = false;
        responseTimeoutMs = context.value(timeout).toInt(&ok);
        if (!ok || responseTimeoutMs < 100 || responseTimeoutMs > 600'000)
            return context.usage(QStringLiteral("--response-timeout-ms needs 100-600000"));
    }
    if (const std::optional<int> exit = checkOptions(context))
        return *exit;
    const Result<QList<QSslCertificate>> pinned = acquirer::loadPinnedCa(context.value(ca));
    if (!pinned)
        return context.failed(pinned.error());

    acquirer::LinkConfig link;
    link.host = endpoint->first;
    link.port = endpoint->second;
    link.pinnedCa = pinned.value();
    link.responseTimeoutMs = responseTimeoutMs;
    link.graceMs = 200;
    acquirer::CardEngineConfig engineConfig;
    engineConfig.panHashKey = QByteArray(32, '\x5A'); // demo terminal only: a published test key
    DemoCardTerminal terminal(context.value(ledger), engineConfig);
    terminal.connectTo(link);

    std::optional<int> exitCode;
    const auto finish = [&](Result<std::pair<QJsonObject, QString>> result) {
        if (exitCode)
            return;
        exitCode = result ? context.succeed(result.value().first, result.value().second)
                          : context.failed(result.error());
        QCoreApplication::quit();
    };
    const ActionBody body = makeBody(context);
    terminal.open([&](Result<void> opened) {
        if (!opened) {
            finish(Failure{opened.error()});
            return;
        }
        terminal.engine().signOn([&](Result<WorkKeyCheck> signedOn) {
            if (!signedOn) {
                finish(Failure{signedOn.error()});
                return;
            }
            terminal.engine().sendRecoveries([&](Result<qint64> owed) {
                if (!owed) {
                    finish(Failure{owed.error()});
                    return;
                }
                body(terminal, owed.value(), finish);
            });
        });
    });
    if (!exitCode)
        QCoreApplication::exec();
    return exitCode.value_or(1);
}

// Turns a CardResult into the action's output.
void finishWithCardResult(const QString& action, Result<CardResult> result, const Finish& finish)
{
    if (!result) {
        finish(Failure{result.error()});
        return;
    }
    const CardResult& card = result.value();
    const QJsonObject details{{QStringLiteral("action"), action},
                              {QStringLiteral("outcome"), outcomeKey(card.outcome)},
                              {QStringLiteral("paymentId"), card.paymentId},
                              {QStringLiteral("batch"), card.trace.batchNo},
                              {QStringLiteral("stan"), card.trace.stan},
                              {QStringLiteral("responseCode"), card.responseCode},
                              {QStringLiteral("rrn"), card.rrn},
                              {QStringLiteral("amountFen"), card.amount.fen()}};
    finish(std::make_pair(details, QStringLiteral("%1: %2 (payment %3, stan %4, code %5)")
                                       .arg(action, outcomeKey(card.outcome))
                                       .arg(card.paymentId)
                                       .arg(card.trace.stan)
                                       .arg(card.responseCode)));
}

int runSale(const QStringList& arguments, CommandIo& io)
{
    const QCommandLineOption amount = valueOption("amount", "Amount in fen (1-99999999999).", "FEN");
    const QCommandLineOption card =
        valueOption("card", "Test card label (see the simulator's TestCards).", "LABEL");
    const QCommandLineOption pin = valueOption("pin", "The PIN typed (default: the card's own).", "PIN");
    qint64 fen = 0;
    return runCardAction(
        arguments, io, QStringLiteral("A card sale of the demo terminal."), {amount, card}, {pin},
        [&](ActionContext& context) -> std::optional<int> {
            bool ok = false;
            fen = context.value(amount).toLongLong(&ok);
            if (!ok || fen < 1 || fen > 99'999'999'999)
                return context.usage(QStringLiteral("--amount needs 1-99999999999 fen"));
            return std::nullopt;
        },
        [&](ActionContext& context) -> ActionBody {
            return [&context, &card, &pin, &fen](DemoCardTerminal& terminal, qint64, Finish finish) {
                const std::optional<CardRead> read =
                    terminal.cardRead(context.value(card), context.value(pin));
                if (!read) {
                    finish(fail(ErrorCode::InvalidInput,
                                CardText::tr("There is no test card with this label."),
                                QStringLiteral("unknown test card label '%1'").arg(context.value(card))));
                    return;
                }
                terminal.engine().sale(Money::fromFen(fen), *read, [finish](Result<CardResult> result) {
                    finishWithCardResult(QStringLiteral("sale"), std::move(result), finish);
                });
            };
        });
}

int runVoid(const QStringList& arguments, CommandIo& io)
{
    const QCommandLineOption payment = valueOption("payment", "The ledger id of the approved sale.", "ID");
    qint64 paymentId = 0;
    return runCardAction(
        arguments, io, QStringLiteral("Void (撤销) of an approved card sale of the current batch."),
        {payment}, {},
        [&](ActionContext& context) -> std::optional<int> {
            bool ok = false;
            paymentId = context.value(payment).toLongLong(&ok);
            if (!ok || paymentId < 1)
                return context.usage(QStringLiteral("--payment needs a payment id"));
            return std::nullopt;
        },
        [&](ActionContext&) -> ActionBody {
            return [&paymentId](DemoCardTerminal& terminal, qint64, Finish finish) {
                terminal.engine().voidSale(paymentId, std::nullopt, [finish](Result<CardResult> result) {
                    finishWithCardResult(QStringLiteral("void"), std::move(result), finish);
                });
            };
        });
}

int runRecover(const QStringList& arguments, CommandIo& io)
{
    return runCardAction(
        arguments, io, QStringLiteral("Sends the reversals and advices the terminal owes."), {}, {},
        [](ActionContext&) { return std::optional<int>(); },
        [](ActionContext&) -> ActionBody {
            return [](DemoCardTerminal&, qint64 owed, Finish finish) {
                const QJsonObject details{{QStringLiteral("action"), QStringLiteral("recover")},
                                          {QStringLiteral("owed"), owed}};
                finish(std::make_pair(details, QStringLiteral("still owed: %1").arg(owed)));
            };
        });
}

int runSettle(const QStringList& arguments, CommandIo& io)
{
    return runCardAction(
        arguments, io,
        QStringLiteral("Settlement (结算) of the current batch, with batch upload when unbalanced."), {}, {},
        [](ActionContext&) { return std::optional<int>(); },
        [](ActionContext&) -> ActionBody {
            return [](DemoCardTerminal& terminal, qint64, Finish finish) {
                terminal.engine().settle([finish](Result<acquirer::SettlementReport> report) {
                    if (!report) {
                        finish(Failure{report.error()});
                        return;
                    }
                    const QJsonObject details{
                        {QStringLiteral("action"), QStringLiteral("settle")},
                        {QStringLiteral("batch"), report.value().batchNo},
                        {QStringLiteral("balanced"), report.value().balanced},
                        {QStringLiteral("uploadedRecords"), report.value().uploadedRecords}};
                    finish(std::make_pair(details,
                                          QStringLiteral("batch %1 %2, %3 records uploaded")
                                              .arg(report.value().batchNo)
                                              .arg(report.value().balanced ? QStringLiteral("balanced")
                                                                           : QStringLiteral("unbalanced"))
                                              .arg(report.value().uploadedRecords)));
                });
            };
        });
}

constexpr CommandAction cardActions[] = {
    {"sale", "a card sale with a test card", &runSale},
    {"void", "void of an approved sale", &runVoid},
    {"recover", "send the owed reversals and advices", &runRecover},
    {"settle", "settle the current batch", &runSettle},
};

void printUsage(QTextStream& stream, const QString& program)
{
    stream << "Usage: " << program
           << " <action> --ledger FILE --host H:P --ca FILE [--response-timeout-ms MS] [--json]\n\n"
              "Card transactions of the demo terminal (software key store, the simulator's test cards).\n\n"
              "Actions:\n";
    for (const CommandAction& action : cardActions)
        stream << "  " << QString::fromLatin1(action.name).leftJustified(10) << action.summary << '\n';
    stream << "\nExit codes: 0 definite answer, 1 could not be done, 2 usage error.\n";
}

} // namespace

int CardCommand::run(const QStringList& arguments, CommandIo& io)
{
    return dispatchAction(arguments, io, QStringLiteral("pos-tool card"), cardActions, &printUsage);
}

} // namespace cli
} // namespace pos
