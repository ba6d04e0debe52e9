// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/acquirer/AcquirerSimulator.h"

#include "simulators/SimulatorHost.h"
#include "simulators/SimulatorLog.h"
#include "simulators/SimulatorPki.h"
#include "simulators/TlsSimulatorServer.h"
#include "simulators/acquirer/CardHost.h"
#include "simulators/acquirer/CardHostSession.h"
#include "simulators/acquirer/DemoTerminal.h"
#include "simulators/acquirer/api/ApiServer.h"

#include <QCommandLineParser>
#include <QSslSocket>
#include <QTemporaryDir>

#include <cctype>
#include <cstdio>

namespace pos {
namespace sim {
namespace {

struct SimulatorText
{
    Q_DECLARE_TR_FUNCTIONS(pos::sim::AcquirerSimulator)
};

std::optional<KeyScheme> schemeForOption(const QString& name)
{
    if (name.isEmpty() || name == QLatin1String("3des"))
        return KeyScheme::TripleDes;
    if (name == QLatin1String("sm4"))
        return KeyScheme::Sm4;
    if (name == QLatin1String("des"))
        return KeyScheme::SingleDes;
    return std::nullopt;
}

} // namespace

AcquirerSimulator::~AcquirerSimulator()
{
    // Sessions (children of the sockets) refer to the card host and the ledger: close connections first.
    m_api.reset();
    m_server.reset();
}

HostTerminal demoHostTerminal(qint64 singleLimitFen, qint64 dailyLimitFen)
{
    HostTerminal terminal;
    terminal.tid = QString::fromLatin1(demoTerminalId);
    terminal.mid = QString::fromLatin1(demoMerchantId);
    terminal.merchantName = QString::fromLatin1(demoMerchantName);
    terminal.tmkScheme = KeyScheme::TripleDes;
    terminal.tmk = QByteArray::fromHex(demoTmkHex);
    terminal.singleLimitFen = singleLimitFen;
    terminal.dailyLimitFen = dailyLimitFen;
    return terminal;
}

Result<HostTerminal> parseTerminalOption(const QString& value, qint64 singleLimitFen, qint64 dailyLimitFen)
{
    const QStringList parts = value.split(QLatin1Char(','));
    if (parts.size() < 3 || parts.size() > 5 ||
        (parts.size() == 5 && parts.at(4).trimmed() != QLatin1String("pending")))
        return fail(ErrorCode::InvalidInput,
                    SimulatorText::tr("--terminal expects TID,MID,TMKHEX[,3des|sm4|des[,pending]]."),
                    QStringLiteral("--terminal has %1 parts").arg(parts.size()));
    HostTerminal terminal;
    terminal.tid = parts.at(0).trimmed();
    terminal.mid = parts.at(1).trimmed();
    if (terminal.tid.size() != 8 || terminal.mid.size() != 15)
        return fail(
            ErrorCode::InvalidInput,
            SimulatorText::tr("--terminal needs an 8-character TID and a 15-character MID."),
            QStringLiteral("TID length %1, MID length %2").arg(terminal.tid.size()).arg(terminal.mid.size()));
    const std::optional<KeyScheme> scheme = schemeForOption(parts.value(3).trimmed().toLower());
    if (!scheme)
        return fail(ErrorCode::InvalidInput,
                    SimulatorText::tr("--terminal: the scheme must be 3des, sm4 or des."),
                    QStringLiteral("unknown scheme '%1'").arg(parts.value(3)));
    const QByteArray hexTmk = parts.at(2).trimmed().toLatin1();
    bool hexOnly = !hexTmk.isEmpty();
    for (const char c : hexTmk)
        hexOnly = hexOnly && std::isxdigit(static_cast<unsigned char>(c));
    terminal.tmk = QByteArray::fromHex(hexTmk);
    if (!hexOnly || hexTmk.size() != 2 * keyLength(*scheme))
        return fail(
            ErrorCode::InvalidInput,
            SimulatorText::tr("--terminal: the TMK must be %1 hexadecimal digits for %2.")
                .arg(2 * keyLength(*scheme))
                .arg(keySchemeName(*scheme)),
            QStringLiteral("TMK of %1 characters for %2").arg(hexTmk.size()).arg(keySchemeName(*scheme)));
    terminal.tmkScheme = *scheme;
    terminal.merchantName = QStringLiteral("Merchant %1").arg(terminal.mid);
    terminal.singleLimitFen = singleLimitFen;
    terminal.dailyLimitFen = dailyLimitFen;
    terminal.firstSwipeDone = parts.size() < 5; // "pending": waits for its first-swipe activation
    return terminal;
}

Result<std::unique_ptr<AcquirerSimulator>> AcquirerSimulator::start(Options options, quint16 port)
{
    std::unique_ptr<AcquirerSimulator> simulator(new AcquirerSimulator());
    auto ledger = HostLedger::open(options.dataDir);
    if (!ledger)
        return Failure{ledger.error()};
    simulator->m_ledger = std::move(ledger).value();
    HostLedger& hostLedger = *simulator->m_ledger;

    if (options.applyLimitsToAll) {
        if (const Result<> limits = hostLedger.setLimitsForAll(options.singleLimitFen, options.dailyLimitFen);
            !limits)
            return Failure{limits.error()};
    }
    QList<HostTerminal> terminals = options.terminals;
    if (terminals.isEmpty() && options.provisionDemoWhenEmpty) {
        const Result<qint64> count = hostLedger.terminalCount();
        if (!count)
            return Failure{count.error()};
        if (count.value() == 0)
            terminals.append(demoHostTerminal(options.singleLimitFen, options.dailyLimitFen));
    }
    for (const HostTerminal& terminal : std::as_const(terminals)) {
        if (const Result<> stored = hostLedger.upsertTerminal(terminal); !stored)
            return Failure{stored.error()};
        qCInfo(lcSim) << "acquirer: terminal" << terminal.tid << "registered for merchant" << terminal.mid;
    }

    const Result<SimulatorPki> pki = loadOrCreateSimulatorPki(options.dataDir);
    if (!pki)
        return Failure{pki.error()};
    simulator->m_caPemPath = pki.value().caPemPath;

    simulator->m_cardHost = std::make_unique<CardHost>(hostLedger);
    simulator->m_faults = std::make_unique<FaultInjector>(options.faults);
    simulator->m_server = std::make_unique<TlsSimulatorServer>(
        QStringLiteral("acquirer"), simulatorServerConfiguration(pki.value().server));
    CardHost* cardHost = simulator->m_cardHost.get();
    FaultInjector* faults = simulator->m_faults.get();
    simulator->m_server->setConnectionHandler(
        [cardHost, faults, &hostLedger](QSslSocket& socket, int number) {
            new CardHostSession(socket, number, *cardHost, hostLedger, faults->isActive() ? faults : nullptr);
        });
    if (const Result<void> listening = simulator->m_server->listen(port); !listening)
        return Failure{listening.error()};

    ApiServerConfig api;
    api.reviewDelay = options.reviewDelay;
    api.activation.singleLimitFen = options.singleLimitFen;
    api.activation.dailyLimitFen = options.dailyLimitFen;
    api.activation.cardHostPort = simulator->m_server->serverPort();
    api.faults = options.apiFaults;
    simulator->m_api = std::make_unique<ApiServer>(
        hostLedger, simulatorServerConfiguration(pki.value().server), std::move(api));
    if (const Result<> listening = simulator->m_api->listen(options.apiPort); !listening)
        return Failure{listening.error()};
    return simulator;
}

quint16 AcquirerSimulator::apiPort() const
{
    return m_api->port();
}

quint16 AcquirerSimulator::cardHostPort() const
{
    return m_server->serverPort();
}

int runAcquirerSimulator(QCoreApplication& application, const QStringList& arguments)
{
    Q_UNUSED(application);
    SimulatorHost host;
    QCommandLineParser parser;
    parser.setApplicationDescription(SimulatorText::tr(
        "Acquirer host simulator: a CUP ISO 8583 card host over TLS on 127.0.0.1 with its own "
        "ledger, test cards and seeded fault injection, and an HTTPS JSON API (onboarding, terminal "
        "activation, QR payments). Prints \"listening 127.0.0.1:PORT\", \"api https://127.0.0.1:PORT/\" "
        "and \"ca PATH\" when ready."));
    const QCommandLineOption help = parser.addHelpOption();
    host.addOptions(parser);
    const QCommandLineOption dataDirOption(
        QStringLiteral("data-dir"),
        SimulatorText::tr(
            "Folder for host.db and the test PKI; default: a temporary folder removed at exit."),
        SimulatorText::tr("dir"));
    const QCommandLineOption terminalOption(
        QStringLiteral("terminal"),
        SimulatorText::tr("Register a terminal (repeatable). Without any and with an empty registry the demo "
                          "terminal is registered."),
        SimulatorText::tr("TID,MID,TMKHEX[,3des|sm4[,pending]]"));
    const QCommandLineOption singleLimitOption(QStringLiteral("single-limit-fen"),
                                               SimulatorText::tr("Per-sale limit of the terminals, in fen."),
                                               SimulatorText::tr("fen"), QStringLiteral("5000000"));
    const QCommandLineOption dailyLimitOption(
        QStringLiteral("daily-limit-fen"), SimulatorText::tr("Daily sales limit of the terminals, in fen."),
        SimulatorText::tr("fen"), QStringLiteral("20000000"));
    const QCommandLineOption faultsOption(
        QStringLiteral("faults"),
        SimulatorText::tr(
            "Faults to inject: none, or name[=probability],… (drop-request, drop-response, delay, "
            "late-after-reversal, duplicate, disconnect-mid-frame, bad-mac, garbage, rc68, rc91, "
            "rc96, rcA0)."),
        SimulatorText::tr("spec"), QStringLiteral("none"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), SimulatorText::tr("Seed of the fault draws."),
                                        SimulatorText::tr("n"), QStringLiteral("0"));
    const QCommandLineOption delayOption(QStringLiteral("fault-delay-ms"),
                                         SimulatorText::tr("How long the delay fault holds a reply."),
                                         SimulatorText::tr("ms"), QStringLiteral("3000"));
    const QCommandLineOption mtisOption(QStringLiteral("fault-mtis"),
                                        SimulatorText::tr("Request MTIs faults may hit."),
                                        SimulatorText::tr("list"), QStringLiteral("0200,0220,0400"));
    const QCommandLineOption reviewDelayOption(
        QStringLiteral("review-delay-ms"),
        SimulatorText::tr(
            "How long the JSON API's onboarding review takes before it decides an application."),
        SimulatorText::tr("ms"), QStringLiteral("3000"));
    const QCommandLineOption apiFaultsOption(
        QStringLiteral("api-faults"),
        SimulatorText::tr(
            "Faults of the JSON API: none, or kind:probability,… (drop-request, drop-response, "
            "delay, http-500, http-503-after, bad-signature, bad-tmk-kcv); seeded by --seed, delay from "
            "--fault-delay-ms."),
        SimulatorText::tr("spec"), QStringLiteral("none"));
    const QCommandLineOption apiFaultPathsOption(
        QStringLiteral("api-fault-paths"),
        SimulatorText::tr(
            "API paths the API faults may hit (/v1/qr/* a prefix), any method; default: POST and "
            "PUT calls under /v1/qr/ and /v1/terminals/."),
        SimulatorText::tr("list"));
    parser.addOptions({dataDirOption, terminalOption, singleLimitOption, dailyLimitOption, faultsOption,
                       seedOption, delayOption, mtisOption, reviewDelayOption, apiFaultsOption,
                       apiFaultPathsOption});

    if (!parser.parse(arguments)) {
        SimulatorHost::printError(parser.errorText());
        return SimulatorHost::ExitUsage;
    }
    if (parser.isSet(help)) {
        SimulatorHost::printLine(parser.helpText());
        return 0;
    }
    const auto usage = [](const QString& message) {
        qCCritical(lcSim).noquote() << message;
        return SimulatorHost::ExitUsage;
    };
    if (!parser.positionalArguments().isEmpty())
        return usage(
            SimulatorText::tr("Unexpected argument \"%1\".").arg(parser.positionalArguments().first()));

    AcquirerSimulator::Options options;
    bool ok = false;
    options.singleLimitFen = parser.value(singleLimitOption).toLongLong(&ok);
    if (!ok || options.singleLimitFen <= 0)
        return usage(SimulatorText::tr("Invalid --single-limit-fen: expected a positive number of fen."));
    options.dailyLimitFen = parser.value(dailyLimitOption).toLongLong(&ok);
    if (!ok || options.dailyLimitFen <= 0)
        return usage(SimulatorText::tr("Invalid --daily-limit-fen: expected a positive number of fen."));
    options.applyLimitsToAll = parser.isSet(singleLimitOption) || parser.isSet(dailyLimitOption);
    for (const QString& value : parser.values(terminalOption)) {
        const Result<HostTerminal> terminal =
            parseTerminalOption(value, options.singleLimitFen, options.dailyLimitFen);
        if (!terminal)
            return usage(terminal.error().userMessage);
        options.terminals.append(terminal.value());
    }
    const Result<QList<FaultRule>> rules = parseFaultSpec(parser.value(faultsOption));
    if (!rules)
        return usage(rules.error().userMessage);
    options.faults.rules = rules.value();
    options.faults.seed = parser.value(seedOption).toULongLong(&ok);
    if (!ok)
        return usage(SimulatorText::tr("Invalid --seed: expected a non-negative integer."));
    const qint64 delayMs = parser.value(delayOption).toLongLong(&ok);
    if (!ok || delayMs < 0)
        return usage(SimulatorText::tr("Invalid --fault-delay-ms: expected milliseconds."));
    options.faults.delay = std::chrono::milliseconds(delayMs);
    const Result<QStringList> mtis = parseFaultMtis(parser.value(mtisOption));
    if (!mtis)
        return usage(mtis.error().userMessage);
    options.faults.mtis = mtis.value();
    const qint64 reviewDelayMs = parser.value(reviewDelayOption).toLongLong(&ok);
    if (!ok || reviewDelayMs < 0)
        return usage(SimulatorText::tr("Invalid --review-delay-ms: expected milliseconds."));
    options.reviewDelay = std::chrono::milliseconds(reviewDelayMs);
    const Result<QList<ApiFaultRule>> apiRules = parseApiFaultSpec(parser.value(apiFaultsOption));
    if (!apiRules)
        return usage(apiRules.error().userMessage);
    options.apiFaults.rules = apiRules.value();
    options.apiFaults.seed = options.faults.seed;
    options.apiFaults.delay = options.faults.delay;
    if (parser.isSet(apiFaultPathsOption)) {
        const Result<QStringList> paths = parseApiFaultPaths(parser.value(apiFaultPathsOption));
        if (!paths)
            return usage(paths.error().userMessage);
        options.apiFaults.paths = paths.value();
    }

    if (const auto exitCode = host.start(parser))
        return *exitCode;

    std::optional<QTemporaryDir> temporary;
    if (parser.isSet(dataDirOption)) {
        options.dataDir = parser.value(dataDirOption);
    } else {
        temporary.emplace();
        if (!temporary->isValid()) {
            qCCritical(lcSim) << "no temporary data folder:" << temporary->errorString();
            return SimulatorHost::ExitStartFailed;
        }
        options.dataDir = temporary->path();
    }

    auto simulator = AcquirerSimulator::start(options, host.port());
    if (!simulator) {
        qCCritical(lcSim).noquote() << simulator.error().userMessage << simulator.error().detail;
        return SimulatorHost::ExitStartFailed;
    }
    if (options.faults.rules.isEmpty())
        qCInfo(lcSim) << "acquirer: no fault injection";
    else
        qCInfo(lcSim).noquote() << "acquirer: fault injection" << parser.value(faultsOption) << "seed"
                                << options.faults.seed;
    if (!options.apiFaults.rules.isEmpty())
        qCInfo(lcSim).noquote() << "acquirer: API fault injection" << parser.value(apiFaultsOption) << "seed"
                                << options.apiFaults.seed;
    SimulatorHost::announceListening(simulator.value()->cardHostPort());
    SimulatorHost::printLine(QStringLiteral("api https://127.0.0.1:%1/").arg(simulator.value()->apiPort()));
    SimulatorHost::printLine(QStringLiteral("ca %1").arg(simulator.value()->caPemPath()));
    const int exitCode = QCoreApplication::exec();
    simulator.value().reset();
    return exitCode;
}

} // namespace sim
} // namespace pos
