// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
// hello-widgets: the bare Qt Widgets baseline of the startup benchmark. Links only Qt6::Widgets.
// With --quit-after-first-frame it exits with code 0 right after the main window's first paint,
// using the same technique as pos (app/FirstFrameWatcher).
#include <QApplication>
#include <QCoreApplication>
#include <QEvent>
#include <QLabel>
#include <QMainWindow>
#include <QObject>
#include <QTimer>

namespace {

// Exits the event loop with code 0 once the watched widget's first paint event has been handled.
class QuitAfterFirstPaint final : public QObject
{
public:
    explicit QuitAfterFirstPaint(QObject* watched, QObject* parent = nullptr) : QObject(parent)
    {
        watched->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            watched->removeEventFilter(this);
            // Queued: the rest of this paint pass (the child widgets) completes before the exit.
            QTimer::singleShot(0, this, [] { QCoreApplication::exit(0); });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_seen = false;
};

} // namespace

int main(int argc, char** argv)
{
    QApplication application(argc, argv);

    QMainWindow window;
    auto* label = new QLabel(QStringLiteral("Hello"), &window);
    window.setCentralWidget(label);
    window.resize(1280, 800);

    if (QCoreApplication::arguments().contains(QStringLiteral("--quit-after-first-frame")))
        new QuitAfterFirstPaint(&window, &application);

    window.show();
    return QApplication::exec();
}
