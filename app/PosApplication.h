// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "app/AppOptions.h"
#include "core/Result.h"

#include <QObject>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>
#include <optional>

namespace pos {
class TerminalStatus;
namespace storage {
class LedgerService;
} // namespace storage
namespace ui {
class LanguageManager;
class MainWindow;
} // namespace ui
} // namespace pos

namespace pos {
namespace app {

class AcquirerSetup;
class Autopilot;
class DemoSupervisor;
class DeviceSetup;
class EndpointProbe;
class FirstFrameWatcher;
class InstanceGuard;
class LogSink;
struct DemoEndpoints;

// Composition root of pos: data directory, single-instance guard, logging, crypto self-test, language,
// theme, main window, demo simulators and the status wiring. Owns everything it creates.
// Thread affinity: GUI thread; requires a QApplication.
class PosApplication final : public QObject
{
    Q_OBJECT
public:
    explicit PosApplication(AppOptions options, QObject* parent = nullptr);
    ~PosApplication() override;

    // Runs the start-up sequence. Returns an exit code when pos must stop now (the reason is already on
    // stderr), or nothing when the event loop should run.
    std::optional<int> start();

private:
    Result<QString> resolveDataDirectory();
    std::optional<int> refuseToStart(const Error& error, int exitCode);
    QString initialLanguage() const;
    void saveLanguage(const QString& language) const;
    void onDemoReady(const DemoEndpoints& endpoints);
    void startAutopilot();
    void openLedger();
    void backupLedgerIfDue();
    void reportLedgerProblem(const Error& error);

    AppOptions m_options;
    QString m_dataDirectory;
    std::unique_ptr<QTemporaryDir> m_demoDirectory;
    std::unique_ptr<InstanceGuard> m_instanceGuard;
    std::unique_ptr<LogSink> m_logSink;
    std::unique_ptr<TerminalStatus> m_status;
    std::unique_ptr<ui::LanguageManager> m_languages;
    std::unique_ptr<DeviceSetup> m_devices;    // before the window that shows it, after the status it writes
    std::unique_ptr<AcquirerSetup> m_acquirer; // after the devices (its engine uses the hub's PIN pad)
    std::unique_ptr<ui::MainWindow> m_window;
    storage::LedgerService* m_ledger = nullptr;
    QTimer* m_backupTimer = nullptr;
    DemoSupervisor* m_demo = nullptr;
    Autopilot* m_autopilot = nullptr;
};

} // namespace app
} // namespace pos
