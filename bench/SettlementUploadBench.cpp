// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
// settlement-upload-bench: settlement with batch upload of N card sales (default 10,000) against the real
// pos-acquirer-sim process over TLS on loopback, versus the same number of bare TLS round trips.
//   settlement: CardEngine::settle() (the terminal's real engine, LedgerCardJournal on a ledger file behind
//               LedgerService, SoftwareKeyStore with the demo TMK, AcquirerLink) against pos-acquirer-sim:
//               0500, an "unbalanced" 0510, then the 0320 batch upload (8 records a message) and its end.
//               The F48 totals count sales in n3 (acquirer-protocol.md §4.6), so one batch holds at most 999
//               sales: N sales are settled as ceil(N / 999) even batches (10,000: 11 batches of 909-910),
//               one settle() each. The host ledger never sees the sales (they are seeded into the terminal
//               ledger only), so every 0510 is "unbalanced" on purpose and every batch is uploaded. Timed:
//               the settle() calls, summed; sign-on and seeding are not timed.
//   baseline:   the same number of request/response round trips through an AcquirerLink with the same
//               configuration (one short TLS connection per exchange, same pinned CA, same request and
//               response frame sizes, recorded during each settlement and replayed right after it, so the
//               two subjects alternate batch by batch) against a TLS echo server that
//               answers each frame with a frame of the recorded response size. The echo server is this
//               program started again with --echo-server, so it too runs in its own process, with the
//               simulator's PKI (same CA, server certificate and TLS configuration).
// Seeding shortcut: the sales are written into the terminal ledger through the Ledger API on the service's
// writer thread with PRAGMA synchronous=OFF, restored to FULL before the engine runs. Prints one compact JSON
// object per line on stdout and a human summary on stderr. Never asserts timings.
// Exit codes: 0 done, 1 a step failed, 2 usage.
#include "BenchSupport.h"
#include "acquirer/crypto/SoftwareKeyStore.h"
#include "acquirer/engine/CardEngine.h"
#include "acquirer/iso8583/FrameCodec.h"
#include "acquirer/link/AcquirerLink.h"
#include "acquirer/link/LinkConfig.h"
#include "simulators/SimulatorPki.h"
#include "simulators/TlsSimulatorServer.h"
#include "simulators/acquirer/DemoTerminal.h"
#include "storage/Ledger.h"
#include "storage/LedgerCardJournal.h"
#include "storage/LedgerService.h"
#include "storage/sqlite/SqliteDatabase.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QRegularExpression>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTimer>

#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>

namespace pos {
namespace bench {
namespace {

constexpr int exitFailure = 1;
constexpr int exitUsage = 2;
constexpr double goalRatioMax = 2.0;
constexpr qint64 t0 = 1'795'000'000'000;

bool report(const Error& error, const char* what)
{
    std::fprintf(stderr, "settlement-upload-bench: %s failed: %s (%s)\n", what, qPrintable(error.userMessage),
                 qPrintable(error.detail));
    return false;
}

bool reportText(const char* what)
{
    std::fprintf(stderr, "settlement-upload-bench: %s\n", what);
    return false;
}

// Runs the event loop until done was called or timeoutMs passed (then a Timeout error). A real nested
// QEventLoop that sleeps in the dispatcher: a processEvents() polling loop would keep a whole core busy and
// steal it from the simulator and the ledger's writer thread.
template <typename T, typename Start>
Result<T> await(Start start, int timeoutMs)
{
    struct State
    {
        std::optional<Result<T>> result;
        QEventLoop* loop = nullptr;
    };
    const auto state = std::make_shared<State>();
    start([state](Result<T> value) {
        state->result.emplace(std::move(value));
        if (state->loop)
            state->loop->quit();
    });
    if (!state->result) {
        QEventLoop loop;
        state->loop = &loop;
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
        state->loop = nullptr;
    }
    if (!state->result)
        return fail(ErrorCode::Timeout, QStringLiteral("benchmark wait"), QStringLiteral("no completion"));
    return std::move(*state->result);
}

// The first stdout line of process matching pattern (its first capture), or "" on timeout or exit.
QString waitForLine(QProcess& process, const QString& pattern, std::chrono::milliseconds timeout)
{
    const QRegularExpression expression(pattern);
    const QDeadlineTimer deadline(timeout);
    while (!deadline.hasExpired()) {
        while (process.canReadLine()) {
            const QRegularExpressionMatch match =
                expression.match(QString::fromUtf8(process.readLine()).trimmed());
            if (match.hasMatch())
                return match.captured(1);
        }
        if (process.state() == QProcess::NotRunning)
            return {};
        process.waitForReadyRead(static_cast<int>(std::clamp<qint64>(deadline.remainingTime(), 1, 200)));
    }
    return {};
}

// A child process (simulator or echo server) that prints "listening 127.0.0.1:PORT"; its stderr goes to
// logPath. Terminated on destruction.
class ListeningProcess final
{
public:
    ~ListeningProcess() { stop(); }

    std::optional<quint16> start(const QString& program, const QStringList& arguments, const QString& logPath)
    {
        m_process = std::make_unique<QProcess>();
        m_process->setStandardErrorFile(logPath);
        m_process->start(program, arguments);
        if (!m_process->waitForStarted(10000)) {
            std::fprintf(stderr, "settlement-upload-bench: cannot start %s\n", qPrintable(program));
            return std::nullopt;
        }
        const QString port = waitForLine(*m_process, QStringLiteral("^listening 127\\.0\\.0\\.1:(\\d+)$"),
                                         std::chrono::seconds(30));
        if (port.isEmpty()) {
            std::fprintf(stderr, "settlement-upload-bench: %s did not start listening (log: %s)\n",
                         qPrintable(program), qPrintable(logPath));
            return std::nullopt;
        }
        return port.toUShort();
    }

    QProcess& process() { return *m_process; }

    void stop()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->terminate();
            if (!m_process->waitForFinished(10000))
                m_process->kill();
        }
        m_process.reset();
    }

private:
    std::unique_ptr<QProcess> m_process;
};

// --- echo server mode
// ---------------------------------------------------------------------------------------

// Answers every frame with a frame whose body has the size named by the request body's first two bytes
// (big-endian), zero-filled. Serves until terminated.
int runEchoServer(const QString& simulatorDataDir)
{
    const Result<sim::SimulatorPki> pki = sim::loadOrCreateSimulatorPki(simulatorDataDir);
    if (!pki) {
        report(pki.error(), "loading the simulator PKI");
        return exitFailure;
    }
    sim::TlsSimulatorServer server(QStringLiteral("bench-echo"),
                                   sim::simulatorServerConfiguration(pki.value().server));
    server.setConnectionHandler([](QSslSocket& socket, int) {
        auto reassembler = std::make_shared<acquirer::FrameReassembler>();
        QObject::connect(&socket, &QSslSocket::readyRead, &socket, [&socket, reassembler] {
            const Result<QList<QByteArray>> bodies = reassembler->feed(socket.readAll());
            if (!bodies) {
                socket.abort();
                return;
            }
            for (const QByteArray& body : bodies.value()) {
                const qsizetype answerSize = body.size() >= 2 ? (static_cast<unsigned char>(body[0]) << 8) |
                                                                    static_cast<unsigned char>(body[1])
                                                              : 0;
                const Result<QByteArray> frame =
                    acquirer::FrameCodec().wrap(QByteArray(std::max<qsizetype>(answerSize, 1), '\0'));
                if (frame)
                    socket.write(frame.value());
            }
        });
    });
    if (const Result<void> listening = server.listen(0); !listening) {
        report(listening.error(), "echo server listen");
        return exitFailure;
    }
    std::fprintf(stdout, "listening 127.0.0.1:%u\n", static_cast<unsigned>(server.serverPort()));
    std::fflush(stdout);
    return QCoreApplication::exec();
}

// --- the terminal side
// ----------------------------------------------------------------------------------------

// Writes count approved card sales into the ledger's current batch. Seeding shortcut: PRAGMA synchronous=OFF
// on the writer's connection while it runs, FULL (the ledger setting) again afterwards.
Result<void> seedSales(storage::Ledger& ledger, int first, int count)
{
    if (const Result<> relaxed = ledger.database().execute(QStringLiteral("PRAGMA synchronous=OFF"));
        !relaxed)
        return relaxed;
    for (int i = first; i < first + count; ++i) {
        const qint64 ms = t0 + 1000LL * i;
        CardIntentInput intent;
        intent.amount = Money::fromFen(100 + (i * 7919) % 99'900);
        intent.panMasked = QStringLiteral("622588******%1").arg(1000 + i % 9000, 4, 10, QLatin1Char('0'));
        intent.panHmac = QByteArray(32, static_cast<char>(i & 0x7F));
        intent.panHmacKeyId = 1;
        intent.cardOrganisation = QStringLiteral("CUP");
        intent.entryMode = i % 3 == 0 ? QStringLiteral("swipe") : QStringLiteral("chip");
        intent.createdMs = ms;
        const Result<CardIntent> begun = ledger.beginCardPayment(intent);
        if (!begun)
            return Failure{begun.error()};
        const Result<> completed = ledger.completeCardPayment(
            begun.value().paymentId,
            {true, QStringLiteral("00"), QStringLiteral("%1").arg(i, 12, 10, QLatin1Char('0')),
             QStringLiteral("A%1").arg(i % 100000, 5, 10, QLatin1Char('0')), false, ms + 800});
        if (!completed)
            return completed;
    }
    return ledger.database().execute(QStringLiteral("PRAGMA synchronous=FULL"));
}

struct FrameSizes
{
    qsizetype request = 0;
    qsizetype response = 0;
    double linkMs = 0.0; // from AcquirerLink::exchange() to its completion (TLS, host, response)
};

acquirer::LinkConfig linkConfig(quint16 port, const QList<QSslCertificate>& pinnedCa)
{
    acquirer::LinkConfig config;
    config.host = QStringLiteral("127.0.0.1");
    config.port = port;
    config.pinnedCa = pinnedCa;
    config.connectTimeoutMs = 10000;
    config.writeTimeoutMs = 10000;
    config.responseTimeoutMs = 30000;
    return config;
}

// The F48 settlement totals count debits in n3 (acquirer-protocol.md §4.6): one batch holds at most 999
// sales.
constexpr int maxSalesPerBatch = 999;

struct SettlementRun
{
    double seconds = 0.0;         // the settle() calls only
    double baselineSeconds = 0.0; // the bare round trips
    double seedSeconds = 0.0;     // untimed set-up, for information
    int batches = 0;
    int uploadedRecords = 0;
    QList<FrameSizes> exchanges; // the settlements' exchanges, in order
};

// The same exchanges as bare round trips: request frames of the recorded sizes whose body starts with the
// wanted response body size. Seconds, or nullopt on a failed exchange.
std::optional<double> bareRoundTrips(acquirer::AcquirerLink& link, const QList<FrameSizes>& exchanges)
{
    QObject context;
    const auto started = std::chrono::steady_clock::now();
    for (const FrameSizes& sizes : exchanges) {
        QByteArray body(std::max<qsizetype>(sizes.request - 2, 2), '\x11');
        const qsizetype answerBody = std::max<qsizetype>(sizes.response - 2, 1);
        body[0] = static_cast<char>((answerBody >> 8) & 0xFF);
        body[1] = static_cast<char>(answerBody & 0xFF);
        const Result<QByteArray> frame = acquirer::FrameCodec().wrap(body);
        if (!frame) {
            report(frame.error(), "baseline frame");
            return std::nullopt;
        }
        const Result<QByteArray> answer =
            await<QByteArray>([&](auto done) { link.exchange(frame.value(), &context, done); }, 60000);
        if (!answer) {
            report(answer.error(), "baseline exchange");
            return std::nullopt;
        }
        if (answer.value().size() != 2 + answerBody) {
            reportText("baseline answer of the wrong size");
            return std::nullopt;
        }
    }
    return elapsedMs(started) / 1000.0;
}

// Opens the ledger (demo terminal identity), starts the engine and signs on (untimed). Then, per batch of at
// most 999 sales: seeds the batch (untimed), times settle() through link (which must find the batch
// unbalanced and upload it), then times the batch's exchanges again as bare round trips through echoLink.
// Alternating per batch exposes both subjects to the same moments of machine load.
std::optional<SettlementRun> settleAll(const QString& ledgerPath,
                                       acquirer::AcquirerLink& link,
                                       acquirer::AcquirerLink& echoLink,
                                       int count)
{
    storage::LedgerService service;
    QObject context;
    const auto onLedger = [&service, &context](std::function<Result<void>(storage::Ledger&)> work) {
        return await<void>(
            [&](auto done) {
                service.run<void>(std::move(work), &context, [done](const Result<void>& r) { done(r); });
            },
            600000);
    };
    const Result<> opened = await<void>(
        [&](auto done) { service.open(ledgerPath, &context, [done](const Result<>& r) { done(r); }); },
        60000);
    if (!opened) {
        report(opened.error(), "LedgerService::open");
        return std::nullopt;
    }
    const Result<> identity = onLedger([](storage::Ledger& ledger) {
        return ledger.setTerminalIdentity(QString::fromLatin1(sim::demoTerminalId),
                                          QString::fromLatin1(sim::demoMerchantId), t0);
    });
    if (!identity) {
        report(identity.error(), "setTerminalIdentity");
        return std::nullopt;
    }
    storage::LedgerCardJournal journal(service);
    acquirer::SoftwareKeyStore keys(KeyScheme::TripleDes, QByteArray::fromHex(sim::demoTmkHex));
    acquirer::CardEngineConfig config;
    config.panHashKey = QByteArray(32, '\x5A');
    bool recording = false;
    SettlementRun run;
    acquirer::CardEngine engine(
        config,
        [&](QByteArray frame, QObject* callerContext, std::function<void(Result<QByteArray>)> done) {
            const qsizetype requestSize = frame.size();
            const auto sent = std::chrono::steady_clock::now();
            link.exchange(
                std::move(frame), callerContext,
                [&run, &recording, requestSize, sent, done = std::move(done)](Result<QByteArray> answer) {
                    if (recording)
                        run.exchanges.append(
                            {requestSize, answer ? answer.value().size() : 0, elapsedMs(sent)});
                    done(std::move(answer));
                });
        },
        keys, journal);

    const Result<WorkKeyCheck> signedOn = await<WorkKeyCheck>([&](auto done) { engine.signOn(done); }, 60000);
    if (!signedOn) {
        report(signedOn.error(), "sign-on");
        return std::nullopt;
    }

    run.batches = (count + maxSalesPerBatch - 1) / maxSalesPerBatch;
    int seeded = 0;
    for (int batch = 0; batch < run.batches; ++batch) {
        // Even batches: 10,000 sales make 11 batches of 909 or 910.
        const int size = (count - seeded) / (run.batches - batch);
        auto started = std::chrono::steady_clock::now();
        const Result<> seededBatch =
            onLedger([seeded, size](storage::Ledger& ledger) { return seedSales(ledger, seeded, size); });
        run.seedSeconds += elapsedMs(started) / 1000.0;
        if (!seededBatch) {
            report(seededBatch.error(), "seeding the batch");
            return std::nullopt;
        }
        seeded += size;

        const qsizetype exchangesBefore = run.exchanges.size();
        recording = true;
        started = std::chrono::steady_clock::now();
        const Result<acquirer::SettlementReport> settled =
            await<acquirer::SettlementReport>([&](auto done) { engine.settle(done); }, 3'600'000);
        run.seconds += elapsedMs(started) / 1000.0;
        recording = false;
        const qsizetype exchangesOfThisBatch = run.exchanges.size() - exchangesBefore;
        if (!settled) {
            report(settled.error(), "settle");
            return std::nullopt;
        }
        if (settled.value().balanced || settled.value().uploadedRecords != size) {
            std::fprintf(stderr,
                         "settlement-upload-bench: batch %d: expected an unbalanced settlement uploading %d "
                         "records, got balanced=%d uploaded=%d\n",
                         settled.value().batchNo, size, settled.value().balanced ? 1 : 0,
                         settled.value().uploadedRecords);
            return std::nullopt;
        }
        run.uploadedRecords += settled.value().uploadedRecords;

        const std::optional<double> bare =
            bareRoundTrips(echoLink, run.exchanges.mid(run.exchanges.size() - exchangesOfThisBatch));
        if (!bare)
            return std::nullopt;
        run.baselineSeconds += *bare;
    }
    return run;
}

struct Options
{
    bool helpShown = false;
    int count = 10000;
    QString directory;
    QString echoServerDir; // internal: run as the echo server
};

std::optional<Options> parseOptions(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Times a settlement with batch upload of N card sales against pos-acquirer-sim over TLS, "
        "against the same number of bare TLS round trips; prints JSON lines."));
    const QCommandLineOption countOption(QStringLiteral("count"),
                                         QStringLiteral("Card sales in the batch (default 10000)."),
                                         QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption dirOption(
        QStringLiteral("dir"),
        QStringLiteral(
            "Folder for the ledger and the simulator data (default: a temporary folder in the build "
            "tree)."),
        QStringLiteral("DIR"));
    const QCommandLineOption echoOption(QStringLiteral("echo-server"),
                                        QStringLiteral("Internal: serve the baseline's TLS echo with the "
                                                       "simulator PKI in DIR."),
                                        QStringLiteral("DIR"));
    const QCommandLineOption helpOption = parser.addHelpOption();
    parser.addOptions({countOption, dirOption, echoOption});
    Options options;
    if (!parser.parse(arguments)) {
        std::fprintf(stderr, "settlement-upload-bench: %s\n", qPrintable(parser.errorText()));
        return std::nullopt;
    }
    if (parser.isSet(helpOption)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        options.helpShown = true;
        return options;
    }
    bool countOk = false;
    options.count = parser.value(countOption).toInt(&countOk);
    if (!countOk || options.count < 1 || options.count > 999'999) {
        std::fprintf(stderr, "settlement-upload-bench: --count needs an integer in 1..999999\n");
        return std::nullopt;
    }
    options.directory = parser.value(dirOption);
    options.echoServerDir = parser.value(echoOption);
    return options;
}

int run(const QStringList& arguments)
{
    const std::optional<Options> options = parseOptions(arguments);
    if (!options)
        return exitUsage;
    if (options->helpShown)
        return 0;
    if (!options->echoServerDir.isEmpty())
        return runEchoServer(options->echoServerDir);

    const QString binDir = QCoreApplication::applicationDirPath();
    const QString parent = options->directory.isEmpty() ? QDir(binDir).absoluteFilePath(QStringLiteral(".."))
                                                        : options->directory;
    QTemporaryDir directory(QDir(parent).filePath(QStringLiteral("settlement-upload-bench-XXXXXX")));
    if (!directory.isValid()) {
        std::fprintf(stderr, "settlement-upload-bench: cannot create a folder in %s\n", qPrintable(parent));
        return exitFailure;
    }
    const QString ledgerPath = directory.filePath(QStringLiteral("ledger.db"));
    const QString hostDir = directory.filePath(QStringLiteral("host"));

    std::fprintf(stderr, "settlement-upload-bench: %d card sales, in %s\n", options->count,
                 qPrintable(QFileInfo(directory.path()).absoluteFilePath()));
    // The settlement against the simulator.
    ListeningProcess simulator;
    const std::optional<quint16> simPort = simulator.start(
        QDir(binDir).filePath(QStringLiteral("pos-acquirer-sim")), {QStringLiteral("--data-dir"), hostDir},
        directory.filePath(QStringLiteral("sim.log")));
    if (!simPort)
        return exitFailure;
    const Result<QList<QSslCertificate>> pinned =
        acquirer::loadPinnedCa(QDir(hostDir).filePath(QStringLiteral("ca.pem")));
    if (!pinned) {
        report(pinned.error(), "loading the simulator CA");
        return exitFailure;
    }
    // The baseline's echo server, same PKI: up during the whole run, idle while the simulator works.
    ListeningProcess echo;
    const std::optional<quint16> echoPort =
        echo.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--echo-server"), hostDir},
                   directory.filePath(QStringLiteral("echo.log")));
    if (!echoPort)
        return exitFailure;
    std::optional<SettlementRun> settlement;
    {
        acquirer::AcquirerLink link(linkConfig(*simPort, pinned.value()));
        acquirer::AcquirerLink echoLink(linkConfig(*echoPort, pinned.value()));
        settlement = settleAll(ledgerPath, link, echoLink, options->count);
    }
    simulator.stop();
    echo.stop();
    if (!settlement)
        return exitFailure;
    std::fprintf(stderr, "  %d batches settled and uploaded (seeding them took %.1f s, untimed)\n",
                 settlement->batches, settlement->seedSeconds);
    const double baselineSeconds = settlement->baselineSeconds;

    qsizetype requestBytes = 0;
    qsizetype responseBytes = 0;
    double linkSeconds = 0.0;
    for (const FrameSizes& sizes : settlement->exchanges) {
        requestBytes += sizes.request;
        responseBytes += sizes.response;
        linkSeconds += sizes.linkMs / 1000.0;
    }
    const auto messages = static_cast<qint64>(settlement->exchanges.size());
    const double ratio = settlement->seconds / baselineSeconds;
    printJsonLine({{QStringLiteral("bench"), QStringLiteral("settlement-upload")},
                   {QStringLiteral("subject"), QStringLiteral("settlement_with_batch_upload")},
                   {QStringLiteral("transactions"), settlement->uploadedRecords},
                   {QStringLiteral("batches"), settlement->batches},
                   {QStringLiteral("messages"), messages},
                   {QStringLiteral("request_bytes"), static_cast<qint64>(requestBytes)},
                   {QStringLiteral("response_bytes"), static_cast<qint64>(responseBytes)},
                   {QStringLiteral("seconds"), roundTo(settlement->seconds, 3)},
                   {QStringLiteral("seconds_in_link"), roundTo(linkSeconds, 3)},
                   {QStringLiteral("ms_per_message"), roundTo(1000.0 * settlement->seconds / messages, 3)}});
    printJsonLine(
        {{QStringLiteral("bench"), QStringLiteral("settlement-upload")},
         {QStringLiteral("subject"), QStringLiteral("baseline_tls_round_trips")},
         {QStringLiteral("baseline"),
          QStringLiteral("one short TLS connection per exchange, same frame sizes, echo server with "
                         "the simulator PKI")},
         {QStringLiteral("messages"), messages},
         {QStringLiteral("seconds"), roundTo(baselineSeconds, 3)},
         {QStringLiteral("ms_per_message"), roundTo(1000.0 * baselineSeconds / messages, 3)}});
    printJsonLine({{QStringLiteral("bench"), QStringLiteral("settlement-upload")},
                   {QStringLiteral("ratio_seconds"), roundTo(ratio, 2)},
                   {QStringLiteral("goal_ratio_max"), goalRatioMax},
                   {QStringLiteral("seed_seconds_untimed"), roundTo(settlement->seedSeconds, 1)}});
    std::fprintf(stderr,
                 "  settlement: %lld messages in %.2f s (%.2f ms each; %.2f s of it inside the link)\n"
                 "  baseline:   %lld bare TLS round trips in %.2f s (%.2f ms each)\n"
                 "  settlement / baseline: %.2fx (goal <= %.1fx)\n",
                 static_cast<long long>(messages), settlement->seconds,
                 1000.0 * settlement->seconds / messages, linkSeconds, static_cast<long long>(messages),
                 baselineSeconds, 1000.0 * baselineSeconds / messages, ratio, goalRatioMax);
    return 0;
}

} // namespace
} // namespace bench
} // namespace pos

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("settlement-upload-bench"));
    // One line per connection and message would swamp the summary (and cost terminal time in the figure).
    QLoggingCategory::setFilterRules(QStringLiteral("pos.*.debug=false\npos.*.info=false"));
    return pos::bench::run(QCoreApplication::arguments());
}
