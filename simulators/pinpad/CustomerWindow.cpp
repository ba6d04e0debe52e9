// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/pinpad/CustomerWindow.h"

#include "core/Money.h"
#include "simulators/acquirer/TestCards.h"

#include <QEvent>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace pos {
namespace sim {
namespace {

bool entryAllowed(TestCard::Kind kind, quint8 entries)
{
    switch (kind) {
    case TestCard::Magstripe: return (entries & 0x01) != 0;
    case TestCard::Chip: return (entries & 0x02) != 0;
    case TestCard::Contactless: return (entries & 0x04) != 0;
    }
    return false;
}

} // namespace

CustomerWindow::CustomerWindow(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("customerWindow"));
    auto* layout = new QVBoxLayout(this);
    m_display = new QLabel(this);
    m_display->setObjectName(QStringLiteral("customerDisplayLabel"));
    m_display->setWordWrap(true);
    m_display->setMinimumHeight(48);
    m_amount = new QLabel(this);
    m_amount->setObjectName(QStringLiteral("customerAmountLabel"));
    layout->addWidget(m_display);
    layout->addWidget(m_amount);

    m_cardBox = new QGroupBox(this);
    m_cardBox->setObjectName(QStringLiteral("cardPicker"));
    auto* cards = new QVBoxLayout(m_cardBox);
    for (const TestCard& card : testCards()) {
        auto* button = new QPushButton(m_cardBox);
        button->setObjectName(QStringLiteral("card-") + card.label);
        m_cardButtons.insert(card.label, button);
        cards->addWidget(button);
        connect(button, &QPushButton::clicked, this, [this, label = card.label] { presentCard(label); });
    }
    m_cardCancel = new QPushButton(m_cardBox);
    m_cardCancel->setObjectName(QStringLiteral("cardCancelButton"));
    cards->addWidget(m_cardCancel);
    connect(m_cardCancel, &QPushButton::clicked, this, &CustomerWindow::cancelCard);
    layout->addWidget(m_cardBox);

    m_pinBox = new QGroupBox(this);
    m_pinBox->setObjectName(QStringLiteral("pinKeypad"));
    auto* keypad = new QGridLayout(m_pinBox);
    m_pinEntry = new QLabel(m_pinBox);
    m_pinEntry->setObjectName(QStringLiteral("pinEntryLabel"));
    m_pinEntry->setAlignment(Qt::AlignCenter);
    keypad->addWidget(m_pinEntry, 0, 0, 1, 3);
    for (int digit = 0; digit <= 9; ++digit) {
        auto* key = new QPushButton(QString::number(digit), m_pinBox);
        key->setObjectName(QStringLiteral("pinKey%1").arg(digit));
        key->setMinimumSize(56, 44);
        const int row = digit == 0 ? 4 : 1 + (digit - 1) / 3;
        const int column = digit == 0 ? 1 : (digit - 1) % 3;
        keypad->addWidget(key, row, column);
        connect(key, &QPushButton::clicked, this, [this, digit] { typeDigit(digit); });
    }
    m_pinClear = new QPushButton(m_pinBox);
    m_pinClear->setObjectName(QStringLiteral("pinClearButton"));
    m_pinCancel = new QPushButton(m_pinBox);
    m_pinCancel->setObjectName(QStringLiteral("pinCancelButton"));
    m_pinEnter = new QPushButton(m_pinBox);
    m_pinEnter->setObjectName(QStringLiteral("pinEnterButton"));
    keypad->addWidget(m_pinClear, 4, 0);
    keypad->addWidget(m_pinEnter, 4, 2);
    keypad->addWidget(m_pinCancel, 5, 0, 1, 3);
    connect(m_pinClear, &QPushButton::clicked, this, &CustomerWindow::clearPin);
    connect(m_pinCancel, &QPushButton::clicked, this, &CustomerWindow::cancelPin);
    connect(m_pinEnter, &QPushButton::clicked, this, &CustomerWindow::enterPin);
    layout->addWidget(m_pinBox);

    resetQuestion();
}

void CustomerWindow::askForCard(const CardQuestion& question, std::function<void(CardAnswer)> answer)
{
    resetQuestion();
    m_cardAnswer = std::move(answer);
    m_prompt = question.prompt;
    m_amountFen = question.amountFen;
    for (const TestCard& card : testCards())
        m_cardButtons.value(card.label)->setEnabled(entryAllowed(card.kind, question.entries));
    m_cardBox->setEnabled(true);
    updateTexts();
}

void CustomerWindow::askForPin(const PinQuestion& question,
                               KeyTyped keyTyped,
                               std::function<void(PinAnswer)> answer)
{
    resetQuestion();
    m_pinQuestion = question;
    m_keyTyped = std::move(keyTyped);
    m_pinAnswer = std::move(answer);
    m_prompt = question.prompt;
    m_amountFen = question.amountFen;
    m_pinBox->setEnabled(true);
    updateTexts();
}

void CustomerWindow::questionOver()
{
    resetQuestion();
    updateTexts();
}

void CustomerWindow::display(const QString& line1, const QString& line2)
{
    m_displayText = line2.isEmpty() ? line1 : line1 + QLatin1Char('\n') + line2;
    updateTexts();
}

void CustomerWindow::resetQuestion()
{
    m_cardAnswer = nullptr;
    m_pinAnswer = nullptr;
    m_keyTyped = nullptr;
    m_digits.fill(QLatin1Char('0')); // typed digits do not outlive the question
    m_digits.clear();
    m_prompt.clear();
    m_cardBox->setEnabled(false);
    m_pinBox->setEnabled(false);
}

void CustomerWindow::presentCard(const QString& label)
{
    if (!m_cardAnswer)
        return;
    const std::function<void(CardAnswer)> answer = std::move(m_cardAnswer);
    resetQuestion();
    updateTexts();
    answer({CardAnswer::Card, label});
}

void CustomerWindow::cancelCard()
{
    if (!m_cardAnswer)
        return;
    const std::function<void(CardAnswer)> answer = std::move(m_cardAnswer);
    resetQuestion();
    updateTexts();
    answer({CardAnswer::Cancel, QString()});
}

void CustomerWindow::typeDigit(int digit)
{
    if (!m_pinAnswer || m_digits.size() >= m_pinQuestion.maxLength)
        return;
    m_digits.append(QChar(u'0' + digit));
    m_keyTyped(DigitKey, static_cast<int>(m_digits.size()));
    updateTexts();
}

void CustomerWindow::clearPin()
{
    if (!m_pinAnswer)
        return;
    m_digits.fill(QLatin1Char('0'));
    m_digits.clear();
    m_keyTyped(ClearKey, 0);
    updateTexts();
}

void CustomerWindow::cancelPin()
{
    if (!m_pinAnswer)
        return;
    const KeyTyped keyTyped = m_keyTyped;
    const std::function<void(PinAnswer)> answer = std::move(m_pinAnswer);
    const int typed = static_cast<int>(m_digits.size());
    resetQuestion();
    updateTexts();
    keyTyped(CancelKey, typed);
    answer({PinAnswer::Cancel, QString()});
}

void CustomerWindow::enterPin()
{
    if (!m_pinAnswer)
        return;
    const int typed = static_cast<int>(m_digits.size());
    if (typed > 0 && typed < m_pinQuestion.minLength)
        return; // too short: a real pad beeps and waits
    const KeyTyped keyTyped = m_keyTyped;
    const std::function<void(PinAnswer)> answer = std::move(m_pinAnswer);
    QString digits = m_digits;
    resetQuestion();
    updateTexts();
    keyTyped(EnterKey, typed);
    if (typed == 0)
        answer({PinAnswer::NoPin, QString()});
    else
        answer({PinAnswer::Pin, digits});
    digits.fill(QLatin1Char('0'));
}

void CustomerWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        updateTexts();
    QWidget::changeEvent(event);
}

void CustomerWindow::updateTexts()
{
    setWindowTitle(tr("PIN pad — customer side"));
    QString text = m_displayText;
    if (text.isEmpty())
        text = !m_prompt.isEmpty() ? m_prompt
               : m_cardAnswer      ? tr("Swipe, insert or tap your card.")
               : m_pinAnswer       ? tr("Enter your PIN, then press Enter.")
                                   : tr("Welcome");
    m_display->setText(text);
    m_amount->setText(m_amountFen > 0 ? tr("Amount: %1").arg(Money::fromFen(m_amountFen).toDisplayString())
                                      : QString());
    m_pinEntry->setText(m_digits.isEmpty() ? tr("PIN") : QString(m_digits.size(), QLatin1Char('*')));
    m_cardBox->setTitle(tr("Card"));
    m_pinBox->setTitle(tr("PIN keypad"));
    for (const TestCard& card : testCards()) {
        const QString kind = card.kind == TestCard::Chip          ? tr("IC chip")
                             : card.kind == TestCard::Contactless ? tr("Contactless")
                                                                  : tr("Magnetic stripe");
        m_cardButtons.value(card.label)->setText(tr("%1 (%2)").arg(card.label, kind));
    }
    m_cardCancel->setText(tr("Cancel"));
    m_pinClear->setText(tr("Clear"));
    m_pinCancel->setText(tr("Cancel"));
    m_pinEnter->setText(tr("Enter"));
}

} // namespace sim
} // namespace pos
