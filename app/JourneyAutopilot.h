// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <functional>

namespace pos {
namespace activation {
class ActivationService;
class OnboardingService;
} // namespace activation
namespace ui {
class MainWindow;
class OnboardingWizard;
} // namespace ui

namespace app {

// The demo's merchant journey, driven through the real widgets: the onboarding wizard page by page (typed
// values, scans attached, the acquirer's agreement signed, submitted), the simulator's approval, then the
// activation (code, PIN pad, keys, sign-on) and the first swipe on the emulated PIN pad, and the printed
// activation slip. A screenshot per wizard page and per activation state, plus the slip as the printer
// emulator rendered it. One step per timer tick, each waiting for its condition (no nested event loop);
// finished() reports the files written, or what did not happen in time.
class JourneyAutopilot final : public QObject
{
    Q_OBJECT

public:
    JourneyAutopilot(ui::MainWindow* window,
                     activation::OnboardingService& onboarding,
                     activation::ActivationService& activation,
                     QString directory,
                     QString printerJobsDirectory,
                     int firstIndex,
                     QObject* parent = nullptr);
    ~JourneyAutopilot() override;

    void start();

Q_SIGNALS:
    void finished(bool ok, const QStringList& files, const QString& error);

private:
    struct Step
    {
        QString name;
        std::function<void()> action;      // run once
        std::function<bool()> done;        // polled until true
        std::function<QWidget*()> capture; // screenshot once done (nullptr: none)
        int timeoutMs = 20000;
    };

    void buildSteps();
    void tick();
    bool save(QWidget* widget, const QString& name);
    void fillWizardPage(int page);
    void typeInto(const QString& objectName, const QString& text);
    bool nextPageReached(int page) const;
    QString writeDemoScan(const QString& name, const QString& caption) const;
    bool copySlip();

    QPointer<ui::MainWindow> m_window;
    activation::OnboardingService& m_onboarding;
    activation::ActivationService& m_activation;
    QString m_directory;
    QString m_printerJobs;
    int m_index;
    QList<Step> m_steps;
    int m_current = -1;
    bool m_actionRun = false;
    qint64 m_stepStartedMs = 0;
    QTimer m_timer;
    QStringList m_files;
    QStringList m_jobsBefore;
    ui::OnboardingWizard* m_wizard = nullptr;
};

} // namespace app
} // namespace pos
