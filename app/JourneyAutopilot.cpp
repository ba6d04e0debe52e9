// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "app/JourneyAutopilot.h"

#include "activation/ActivationService.h"
#include "activation/OnboardingService.h"
#include "app/AppLog.h"
#include "ui/MainWindow.h"
#include "ui/onboarding/AttachmentPicker.h"
#include "ui/onboarding/OnboardingWizard.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QImage>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QPainter>
#include <QPixmap>
#include <QTextBrowser>

namespace pos {
namespace app {

namespace {

using activation::OnboardingPage;

// The demo merchant (a valid application the simulator approves).
const QString companyName = QStringLiteral("福州测试商贸有限公司");
const QString legalName = QStringLiteral("张三");
const QString uscc = QStringLiteral("91350100M000100Y43");

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace

JourneyAutopilot::JourneyAutopilot(ui::MainWindow* window,
                                   activation::OnboardingService& onboarding,
                                   activation::ActivationService& activation,
                                   QString directory,
                                   QString printerJobsDirectory,
                                   int firstIndex,
                                   QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_onboarding(onboarding)
    , m_activation(activation)
    , m_directory(std::move(directory))
    , m_printerJobs(std::move(printerJobsDirectory))
    , m_index(firstIndex)
{
    m_timer.setInterval(200);
    connect(&m_timer, &QTimer::timeout, this, &JourneyAutopilot::tick);
}

JourneyAutopilot::~JourneyAutopilot()
{
    delete m_wizard;
}

void JourneyAutopilot::start()
{
    m_jobsBefore = QDir(m_printerJobs).entryList({QStringLiteral("*.png")}, QDir::Files);
    buildSteps();
    m_current = 0;
    m_actionRun = false;
    m_timer.start();
}

void JourneyAutopilot::buildSteps()
{
    const auto wizard = [this]() -> QWidget* { return m_wizard; };
    const auto window = [this]() -> QWidget* { return m_window; };
    m_steps.append({QStringLiteral("wizard"),
                    [this] {
                        m_wizard = new ui::OnboardingWizard(m_onboarding);
                        m_wizard->resize(960, 760);
                        m_wizard->show();
                    },
                    [this] { return m_wizard && m_wizard->isVisible() && m_wizard->currentId() >= 0; },
                    nullptr});
    for (int page = 0; page < int(OnboardingPage::Review); ++page) {
        const QString key = activation::onboardingPageKey(static_cast<OnboardingPage>(page));
        if (page == int(OnboardingPage::Agreement))
            m_steps.append({QStringLiteral("agreement-text"), [] {},
                            [this] {
                                auto* text =
                                    m_wizard->findChild<QTextBrowser*>(QStringLiteral("agreement.text"));
                                return text && !text->toPlainText().isEmpty();
                            },
                            nullptr});
        m_steps.append({QStringLiteral("fill-") + key, [this, page] { fillWizardPage(page); },
                        [this] { return m_wizard->button(QWizard::NextButton)->isEnabled(); }, wizard});
        m_steps.append({QStringLiteral("next-") + key,
                        [this] { m_wizard->button(QWizard::NextButton)->click(); },
                        [this, page] { return nextPageReached(page); }, nullptr});
    }
    m_steps.append({QStringLiteral("wizard-review"), [] {}, [] { return true; }, wizard});
    m_steps.append(
        {QStringLiteral("wizard-submitted"),
         [this] {
             if (auto* submit = m_wizard->findChild<QAbstractButton*>(QStringLiteral("review.submit")))
                 submit->click();
         },
         [this] { return m_onboarding.status() == activation::OnboardingStatus::Approved; }, wizard, 40000});
    m_steps.append({QStringLiteral("activation-approved"),
                    [this] {
                        m_wizard->hide();
                        m_window->showPage(ui::PageId::Activation);
                    },
                    [] { return true; }, window});
    m_steps.append(
        {QStringLiteral("activation-signed-on"),
         [this] {
             m_onboarding.activationCode([this](Result<QString> code) {
                 m_activation.registerTerminal(code ? code.value() : QString());
             });
         },
         [this] { return m_activation.step() == ActivationStep::SignedOn && !m_activation.isBusy(); }, window,
         40000});
    m_steps.append({QStringLiteral("activation-done"), [this] { m_activation.firstSwipe(); },
                    [this] { return m_activation.isActivated(); }, window, 40000});
    m_steps.append({QStringLiteral("activation-slip"), [] {}, [this] { return copySlip(); }, nullptr});
    m_steps.append({QStringLiteral("sell-enabled"), [this] { m_window->showPage(ui::PageId::Sell); },
                    [] { return true; }, window});
}

bool JourneyAutopilot::nextPageReached(int page) const
{
    return m_wizard->currentId() == page + 1;
}

void JourneyAutopilot::tick()
{
    if (m_current >= m_steps.size()) {
        m_timer.stop();
        Q_EMIT finished(true, m_files, {});
        return;
    }
    Step& step = m_steps[m_current];
    if (!m_actionRun) {
        m_actionRun = true;
        m_stepStartedMs = nowMs();
        step.action();
        return;
    }
    if (!step.done()) {
        if (nowMs() - m_stepStartedMs > step.timeoutMs) {
            m_timer.stop();
            Q_EMIT finished(false, m_files,
                            QStringLiteral("journey step %1 did not complete").arg(step.name));
        }
        return;
    }
    if (step.capture) {
        if (QWidget* widget = step.capture(); widget && !save(widget, step.name)) {
            m_timer.stop();
            Q_EMIT finished(false, m_files,
                            QStringLiteral("cannot write the screenshot of %1").arg(step.name));
            return;
        }
    }
    ++m_current;
    m_actionRun = false;
}

bool JourneyAutopilot::save(QWidget* widget, const QString& name)
{
    const QString file =
        QDir(m_directory)
            .filePath(QStringLiteral("%1-%2.png").arg(m_index++, 2, 10, QLatin1Char('0')).arg(name));
    if (!widget->grab().save(file, "PNG"))
        return false;
    qCInfo(lcApp) << "autopilot saved" << file;
    m_files.append(file);
    return true;
}

void JourneyAutopilot::typeInto(const QString& objectName, const QString& text)
{
    auto* edit = m_wizard->findChild<QLineEdit*>(objectName);
    if (!edit) {
        qCWarning(lcApp) << "journey: no field" << objectName;
        return;
    }
    // As a person (or an input method) types: focused, replaced, committed.
    edit->setFocus(Qt::TabFocusReason);
    edit->selectAll();
    edit->del();
    QInputMethodEvent commit;
    commit.setCommitString(text);
    QApplication::sendEvent(edit, &commit);
}

QString JourneyAutopilot::writeDemoScan(const QString& name, const QString& caption) const
{
    const QString directory = QDir(m_directory).filePath(QStringLiteral("scans"));
    QDir().mkpath(directory);
    QImage image(640, 420, QImage::Format_RGB32);
    image.fill(QColor(0xf4, 0xf1, 0xe8));
    QPainter painter(&image);
    painter.setPen(QColor(0x8a, 0x1c, 0x1c));
    painter.drawRect(10, 10, 620, 400);
    QFont font = painter.font();
    font.setPixelSize(28);
    painter.setFont(font);
    painter.drawText(image.rect(), Qt::AlignCenter, caption);
    painter.end();
    const QString path = QDir(directory).filePath(name);
    image.save(path, "PNG");
    return path;
}

void JourneyAutopilot::fillWizardPage(int page)
{
    const auto check = [this](const QString& name) {
        if (auto* box = m_wizard->findChild<QCheckBox*>(name))
            box->setChecked(true);
    };
    const auto attach = [this](const QString& name, const QString& file, const QString& caption) {
        if (auto* picker = m_wizard->findChild<ui::AttachmentPicker*>(name))
            picker->pickFile(writeDemoScan(file, caption));
    };
    switch (static_cast<OnboardingPage>(page)) {
    case OnboardingPage::Merchant: {
        typeInto(QStringLiteral("merchant.registeredName"), companyName);
        typeInto(QStringLiteral("merchant.shopName"), QStringLiteral("测试便利店"));
        typeInto(QStringLiteral("merchant.address.province"), QStringLiteral("福建省"));
        typeInto(QStringLiteral("merchant.address.city"), QStringLiteral("福州市"));
        typeInto(QStringLiteral("merchant.address.district"), QStringLiteral("鼓楼区"));
        typeInto(QStringLiteral("merchant.address.street"), QStringLiteral("五四路 1 号"));
        typeInto(QStringLiteral("merchant.contactName"), legalName);
        typeInto(QStringLiteral("merchant.mobile"), QStringLiteral("138 0013 8000"));
        if (auto* mcc = m_wizard->findChild<QComboBox*>(QStringLiteral("merchant.mcc")))
            mcc->setCurrentIndex(std::max(0, mcc->findData(QStringLiteral("5411"))));
        break;
    }
    case OnboardingPage::Licence:
        typeInto(QStringLiteral("licence.uscc"), uscc);
        typeInto(QStringLiteral("licence.name"), companyName);
        check(QStringLiteral("licence.longTerm"));
        attach(QStringLiteral("licence.documentId"), QStringLiteral("licence.png"),
               QStringLiteral("营业执照（演示）"));
        break;
    case OnboardingPage::Tax: typeInto(QStringLiteral("tax.taxId"), uscc); break;
    case OnboardingPage::LegalRepresentative:
        typeInto(QStringLiteral("legalRepresentative.name"), legalName);
        typeInto(QStringLiteral("legalRepresentative.idNumber"), QStringLiteral("110105199003071239"));
        check(QStringLiteral("legalRepresentative.idLongTerm"));
        attach(QStringLiteral("legalRepresentative.idFrontDocumentId"), QStringLiteral("id-front.png"),
               QStringLiteral("身份证人像面（演示）"));
        attach(QStringLiteral("legalRepresentative.idBackDocumentId"), QStringLiteral("id-back.png"),
               QStringLiteral("身份证国徽面（演示）"));
        break;
    case OnboardingPage::Settlement:
        typeInto(QStringLiteral("settlement.accountName"), companyName);
        typeInto(QStringLiteral("settlement.accountNumber"), QStringLiteral("35001234567890123"));
        typeInto(QStringLiteral("settlement.bank"), QStringLiteral("中国建设银行"));
        typeInto(QStringLiteral("settlement.branch"), QStringLiteral("福州五四支行"));
        break;
    case OnboardingPage::Features:
        for (const char* feature : {"features.swipe", "features.ic", "features.contactless", "features.qr"})
            check(QString::fromLatin1(feature));
        break;
    case OnboardingPage::Agreement:
        typeInto(QStringLiteral("agreement.signedName"), legalName);
        check(QStringLiteral("agreement.agreed"));
        break;
    case OnboardingPage::Review: break;
    }
    // Focus leaves the last field, so that masked fields show masked in the screenshot.
    m_wizard->button(QWizard::CancelButton)->setFocus(Qt::TabFocusReason);
}

bool JourneyAutopilot::copySlip()
{
    const QStringList jobs =
        QDir(m_printerJobs).entryList({QStringLiteral("*.png")}, QDir::Files, QDir::Name);
    for (const QString& job : jobs) {
        if (m_jobsBefore.contains(job))
            continue;
        const QString target =
            QDir(m_directory)
                .filePath(QStringLiteral("%1-activation-slip.png").arg(m_index++, 2, 10, QLatin1Char('0')));
        QFile::remove(target);
        if (!QFile::copy(QDir(m_printerJobs).filePath(job), target))
            return false;
        qCInfo(lcApp) << "autopilot saved" << target;
        m_files.append(target);
        return true;
    }
    return false;
}

} // namespace app
} // namespace pos
