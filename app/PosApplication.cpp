// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "app/PosApplication.h"

#include "PosVersion.h"
#include "acquirer/api/ApiConfig.h"
#include "activation/ActivationService.h"
#include "activation/OnboardingService.h"
#include "app/AcquirerSetup.h"
#include "app/AppLog.h"
#include "app/Autopilot.h"
#include "app/DemoSupervisor.h"
#include "app/DeviceSetup.h"
#include "app/EndpointProbe.h"
#include "app/FirstFrameWatcher.h"
#include "app/InstanceGuard.h"
#include "app/JourneyAutopilot.h"
#include "app/LogSink.h"
#include "core/TerminalStatus.h"
#include "core/crypto/SelfTest.h"
#include "devices/DeviceHub.h"
#include "storage/LedgerBackup.h"
#include "storage/LedgerService.h"
#include "ui/LanguageManager.h"
#include "ui/MainWindow.h"
#include "ui/ScanEventFilter.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QDate>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QThreadPool>

#include <algorithm>
#include <cstdio>

namespace pos {
namespace app {
namespace {

constexpr auto probeInterval = std::chrono::seconds(5);

bool hasInteractiveDisplay()
{
    const QString platform = QGuiApplication::platformName();
    return platform != QLatin1String("offscreen") && platform != QLatin1String("minimal");
}

QString settingsFile(const QString& dataDirectory)
{
    return QDir(dataDirectory).filePath(QStringLiteral("settings.ini"));
}

} // namespace

PosApplication::PosApplication(AppOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
{}

PosApplication::~PosApplication()
{
    if (m_demo)
        m_demo->stop();
    m_window.reset();
    m_acquirer.reset(); // its engine uses the hub's PIN pad, its stores the ledger
    m_devices.reset();  // the print queue uses the ledger
    delete m_ledger;    // finishes queued ledger work, then closes the file
    QThreadPool::globalInstance()->waitForDone(2000); // pending settings writes
}

std::optional<int> PosApplication::start()
{
    const Result<QString> dataDirectory = resolveDataDirectory();
    if (!dataDirectory)
        return refuseToStart(dataDirectory.error(), ExitDataDirectory);
    m_dataDirectory = dataDirectory.value();

    m_instanceGuard = std::make_unique<InstanceGuard>(m_dataDirectory);
    if (const Result<> locked = m_instanceGuard->acquire(); !locked)
        return refuseToStart(locked.error(), ExitAlreadyRunning);

    LogSink::Config logConfig;
    logConfig.filePath = QDir(m_dataDirectory).filePath(QStringLiteral("logs/pos.log"));
    m_logSink = std::make_unique<LogSink>(logConfig);
    if (const Result<> started = m_logSink->start(); started)
        LogSink::installMessageHandler(m_logSink.get());
    else
        std::fprintf(stderr, "pos: logging to file disabled: %s\n", qPrintable(started.error().detail));
    qCInfo(lcApp).noquote() << "pos" << POS_VERSION_STRING << "starting; data directory" << m_dataDirectory
                            << (m_options.demo ? "(demo)" : "");

    const crypto::SelfTestReport selfTest = crypto::runSelfTest(crypto::startupKnownAnswers());
    if (!selfTest.passed()) {
        return refuseToStart({ErrorCode::SelfTestFailed,
                              tr("The cryptographic self-test failed (%1). The POS cannot start safely; "
                                 "please contact support.")
                                  .arg(selfTest.failedNames().join(QStringLiteral(", "))),
                              QStringLiteral("known-answer tests failed: %1")
                                  .arg(selfTest.failedNames().join(QLatin1Char(',')))},
                             ExitSelfTestFailed);
    }

    m_languages = std::make_unique<ui::LanguageManager>();
    if (const Result<> language = m_languages->setLanguage(initialLanguage()); !language)
        qCWarning(lcApp) << "language:" << language.error().detail;
    connect(m_languages.get(), &ui::LanguageManager::languageChanged, this, &PosApplication::saveLanguage);
    ui::applyTheme(*qApp);

    m_status = std::make_unique<TerminalStatus>();
    m_status->setDemoMode(m_options.demo);
    m_devices = std::make_unique<DeviceSetup>(*m_status, settingsFile(m_dataDirectory));
    if (!m_options.demo)
        m_devices->openConfiguredDevices();
    m_acquirer = std::make_unique<AcquirerSetup>(*m_status, m_devices->hub(), m_dataDirectory);
    connect(m_acquirer.get(), &AcquirerSetup::servicesReady, this, [this] {
        AcquirerSetup* acquirer = m_acquirer.get();
        m_window->attachActivation(acquirer->onboarding(), acquirer->activation(),
                                   [acquirer](std::function<void(activation::NetworkReport)> done) {
                                       acquirer->runNetworkCheck(std::move(done));
                                   });
    });
    if (!m_options.demo) {
        const Result<AcquirerEndpoints> endpoints =
            AcquirerEndpoints::fromSettings(settingsFile(m_dataDirectory));
        if (endpoints)
            m_acquirer->setEndpoints(endpoints.value());
        else
            m_acquirer->setUnavailable(endpoints.error());
    }
    const ui::ShellInfo info{QStringLiteral(POS_VERSION_STRING), m_dataDirectory,
                             m_logSink ? m_logSink->filePath() : QString(), m_options.demo};
    m_window = std::make_unique<ui::MainWindow>(m_status.get(), m_languages.get(), info);
    m_window->resize(1280, 800);
    m_window->setActivationUnavailable(m_acquirer->unavailableReason());
    connect(m_acquirer.get(), &AcquirerSetup::unavailable, m_window.get(),
            &ui::MainWindow::setActivationUnavailable);
    auto* scans = new ui::ScanEventFilter({}, this); // keyboard-wedge scanners, whatever has focus
    qApp->installEventFilter(scans);
    connect(scans, &ui::ScanEventFilter::scanned, m_window.get(), &ui::MainWindow::addScannedCode);
    connect(&m_devices->hub(), &devices::DeviceHub::scanned, m_window.get(), &ui::MainWindow::addScannedCode);
    m_window->attachDevices(&m_devices->hub(), &m_devices->monitor());
    connect(m_window.get(), &ui::MainWindow::deviceChosen, m_devices.get(), &DeviceSetup::chooseDevice);

    if (m_options.quitAfterFirstFrame) {
        auto* watcher = new FirstFrameWatcher(m_window.get(), this);
        connect(watcher, &FirstFrameWatcher::firstFrame, this, [] { QCoreApplication::exit(ExitOk); });
    }

    if (m_options.demo) {
        m_demo = new DemoSupervisor(QCoreApplication::applicationDirPath(), m_dataDirectory, this);
        m_demo->setCustomerWindow(hasInteractiveDisplay() && m_options.autopilotDirectory.isEmpty() &&
                                  !m_options.quitAfterFirstFrame);
        connect(m_demo, &DemoSupervisor::ready, this, &PosApplication::onDemoReady);
        connect(m_demo, &DemoSupervisor::failed, this, [this](const Error& error) {
            qCWarning(lcDemo).noquote() << "demo simulators failed:" << error.detail;
            m_status->setAcquirerLink(LinkState::Offline);
            if (!m_options.autopilotDirectory.isEmpty() && !m_autopilot)
                startAutopilot();
        });
        m_status->setAcquirerLink(LinkState::Connecting);
        m_demo->start();
    }

    openLedger();
    m_window->show();
    if (!m_options.autopilotDirectory.isEmpty() && !m_options.demo)
        startAutopilot();
    return std::nullopt;
}

void PosApplication::openLedger()
{
    m_ledger = new storage::LedgerService(this);
    connect(m_ledger, &storage::LedgerService::unsyncedCountChanged, m_status.get(),
            &TerminalStatus::setUnsyncedCount);
    const QString path = QDir(m_dataDirectory).filePath(QStringLiteral("pos.db"));
    m_ledger->open(path, this, [this, path](const Result<>& opened) {
        if (opened) {
            qCInfo(lcApp).noquote() << "ledger open:" << path;
            m_devices->attachLedger(*m_ledger);
            m_window->attachPrinting(m_devices->printService());
            m_acquirer->attachLedger(*m_ledger, m_devices->printService());
            backupLedgerIfDue();
            m_backupTimer = new QTimer(this);
            m_backupTimer->setInterval(std::chrono::hours(1));
            connect(m_backupTimer, &QTimer::timeout, this, &PosApplication::backupLedgerIfDue);
            m_backupTimer->start();
            return;
        }
        reportLedgerProblem(opened.error());
    });
}

void PosApplication::backupLedgerIfDue()
{
    // One backup per day, kept for ledger/backupKeepDays days (settings.ini, default 14), made on the writer
    // thread (backing up while selling is safe: the online backup API copies one committed state).
    const QString settings = settingsFile(m_dataDirectory);
    const QString directory = QDir(m_dataDirectory).filePath(QStringLiteral("backups"));
    const QDate today = QDate::currentDate();
    const QString target = QDir(directory).filePath(storage::dailyBackupName(today));
    m_ledger->run<QString>(
        [directory, target, today, settings](storage::Ledger& ledger) -> Result<QString> {
            if (QFile::exists(target))
                return QString();
            const int backupKeepDays = std::max(1, QSettings(settings, QSettings::IniFormat)
                                                       .value(QStringLiteral("ledger/backupKeepDays"), 14)
                                                       .toInt());
            if (!QDir().mkpath(directory))
                return fail(ErrorCode::IoFailure, tr("The backup folder cannot be created."), directory);
            const Result<storage::BackupInfo> backup = storage::backupLedger(ledger.database(), target);
            if (!backup)
                return Failure{backup.error()};
            if (const Result<QStringList> pruned =
                    storage::pruneDailyBackups(directory, backupKeepDays, today);
                !pruned)
                qCWarning(lcApp).noquote() << "old backups not pruned:" << pruned.error().detail;
            return target;
        },
        this,
        [](const Result<QString>& done) {
            if (!done)
                qCWarning(lcApp).noquote() << "daily ledger backup failed:" << done.error().detail;
            else if (!done.value().isEmpty())
                qCInfo(lcApp).noquote() << "daily ledger backup written:" << done.value();
        });
}

void PosApplication::reportLedgerProblem(const Error& error)
{
    // Never a silent new database: the file stays as it is for support, and selling stays disabled.
    const QString message =
        tr("%1\nThe file was kept as it is. Restore the ledger from a backup (pos-tool ledger restore) or "
           "call support.")
            .arg(error.userMessage);
    qCCritical(lcApp).noquote() << "ledger unusable:" << error.detail;
    std::fprintf(stderr, "pos: %s\n", qPrintable(message));
    m_status->setLedgerProblem(message);
    if (!hasInteractiveDisplay() || !m_options.autopilotDirectory.isEmpty() || m_options.quitAfterFirstFrame)
        return;
    auto* box =
        new QMessageBox(QMessageBox::Critical, tr("Merchant POS"), message, QMessageBox::Ok, m_window.get());
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->show();
}

Result<QString> PosApplication::resolveDataDirectory()
{
    QString directory = m_options.dataDirectory;
    if (directory.isEmpty() && m_options.demo) {
        m_demoDirectory =
            std::make_unique<QTemporaryDir>(QDir::temp().filePath(QStringLiteral("pos-demo-XXXXXX")));
        if (!m_demoDirectory->isValid())
            return fail(ErrorCode::IoFailure, tr("The demo data directory cannot be created."),
                        m_demoDirectory->errorString());
        directory = m_demoDirectory->path();
    }
    if (directory.isEmpty())
        directory = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    if (directory.isEmpty() || !QDir().mkpath(directory))
        return fail(ErrorCode::IoFailure, tr("The data directory %1 cannot be created.").arg(directory),
                    QStringLiteral("mkpath '%1' failed").arg(directory));
    return QDir(directory).absolutePath();
}

std::optional<int> PosApplication::refuseToStart(const Error& error, int exitCode)
{
    std::fprintf(stderr, "pos: %s\n", qPrintable(error.userMessage));
    if (!error.detail.isEmpty())
        std::fprintf(stderr, "pos: detail: %s\n", qPrintable(error.detail));
    if (!hasInteractiveDisplay() || !m_options.autopilotDirectory.isEmpty() || m_options.quitAfterFirstFrame)
        return exitCode;
    // Shown without a nested event loop: the application exits with exitCode when the box is closed.
    auto* box =
        new QMessageBox(QMessageBox::Critical, tr("Merchant POS"), error.userMessage, QMessageBox::Ok);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, qApp, [exitCode] { QCoreApplication::exit(exitCode); });
    box->show();
    return std::nullopt;
}

QString PosApplication::initialLanguage() const
{
    if (!m_options.language.isEmpty())
        return m_options.language;
    const QSettings settings(settingsFile(m_dataDirectory), QSettings::IniFormat);
    const QString saved = settings.value(QStringLiteral("ui/language")).toString();
    if (ui::LanguageManager::availableLanguages().contains(saved))
        return saved;
    return ui::LanguageManager::languageForLocale(QLocale::system());
}

void PosApplication::saveLanguage(const QString& language) const
{
    // Written off the GUI thread: the UI never waits on disk.
    const QString file = settingsFile(m_dataDirectory);
    QThreadPool::globalInstance()->start([file, language] {
        QSettings settings(file, QSettings::IniFormat);
        settings.setValue(QStringLiteral("ui/language"), language);
        settings.sync();
    });
}

void PosApplication::onDemoReady(const DemoEndpoints& endpoints)
{
    const QString host = QStringLiteral("127.0.0.1");
    auto* acquirer = new EndpointProbe(host, endpoints.acquirerPort, probeInterval, this);
    connect(acquirer, &EndpointProbe::stateChanged, this,
            [this, acquirer](LinkState state) { m_status->setAcquirerLink(state, acquirer->endpoint()); });
    m_devices->useDemoDevices(endpoints.printerPort, endpoints.pinPadPort);
    AcquirerEndpoints acquirerEndpoints;
    acquirerEndpoints.apiUrl = QUrl(endpoints.acquirerApiUrl);
    acquirerEndpoints.cardHost = host;
    acquirerEndpoints.cardPort = endpoints.acquirerPort;
    acquirerEndpoints.caPath = endpoints.acquirerCaPath;
    acquirerEndpoints.installerKeyId = acquirer::demoInstallerKeyId();
    acquirerEndpoints.installerSecret = acquirer::demoInstallerSecret();
    m_acquirer->setEndpoints(acquirerEndpoints);
    acquirer->start();
    if (!m_options.autopilotDirectory.isEmpty() && !m_autopilot)
        startAutopilot();
}

void PosApplication::startAutopilot()
{
    m_autopilot = new Autopilot(m_window.get(), m_options.autopilotDirectory, this);
    const auto report = [](bool ok, const QStringList& files, const QString& error) {
        for (const QString& file : files)
            std::printf("screenshot %s\n", qPrintable(file));
        std::fflush(stdout);
        if (!ok)
            std::fprintf(stderr, "pos: autopilot failed: %s\n", qPrintable(error));
        QCoreApplication::exit(ok ? ExitOk : ExitDemoFailed);
    };
    connect(
        m_autopilot, &Autopilot::finished, this,
        [this, report](bool ok, const QStringList& files, const QString& error) {
            // In demo mode the tour of the pages is followed by the merchant's journey: the onboarding
            // wizard, the approval, the activation with the first swipe and the printed slip.
            if (!ok || !m_demo || !m_acquirer->onboarding() || !m_acquirer->activation()) {
                report(ok, files, error);
                return;
            }
            auto* journey =
                new JourneyAutopilot(m_window.get(), *m_acquirer->onboarding(), *m_acquirer->activation(),
                                     m_options.autopilotDirectory, m_demo->endpoints().printerJobsDirectory,
                                     int(files.size()) + 1, this);
            connect(journey, &JourneyAutopilot::finished, this,
                    [report, files](bool journeyOk, const QStringList& more, const QString& journeyError) {
                        report(journeyOk, files + more, journeyError);
                    });
            journey->start();
        });
    // Give the demo links one probe round so the screenshots show their real state.
    QTimer::singleShot(m_options.demo ? 500 : 0, m_autopilot, &Autopilot::start);
}

} // namespace app
} // namespace pos
