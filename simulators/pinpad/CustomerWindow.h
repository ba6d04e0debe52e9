// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "simulators/pinpad/Cardholder.h"

#include <QHash>
#include <QWidget>

class QGroupBox;
class QLabel;
class QPushButton;

namespace pos {
namespace sim {

// The customer side of the emulated PIN pad in demo mode (pos-pinpad-sim --window): the pad's display text
// and the amount, a card picker (the simulator's test cards: magstripe, IC, contactless), enabled while a
// READ_CARD is outstanding (cards of an entry the request does not allow stay disabled), and a PIN keypad
// (digits, Clear, Cancel, Enter) enabled while a GET_PIN is outstanding. Typed digits show as '*' only and
// are kept only until Enter, Cancel or the end of the question. Enter with no digits answers "no PIN";
// Enter with fewer than the minimum digits is ignored; digits beyond the maximum are ignored.
// Object names for tests: "card-LABEL", "cardCancelButton", "pinKey0".."pinKey9", "pinClearButton",
// "pinCancelButton", "pinEnterButton", "customerDisplayLabel", "customerAmountLabel", "pinEntryLabel".
// Qt Widgets only (simulators never link pos_ui). GUI thread, which is the emulator's thread.
class CustomerWindow final : public QWidget, public Cardholder
{
    Q_OBJECT
public:
    explicit CustomerWindow(QWidget* parent = nullptr);

    void askForCard(const CardQuestion& question, std::function<void(CardAnswer)> answer) override;
    void
    askForPin(const PinQuestion& question, KeyTyped keyTyped, std::function<void(PinAnswer)> answer) override;
    void questionOver() override;
    void display(const QString& line1, const QString& line2) override;

protected:
    void changeEvent(QEvent* event) override;

private:
    void presentCard(const QString& label);
    void cancelCard();
    void typeDigit(int digit);
    void clearPin();
    void cancelPin();
    void enterPin();
    void resetQuestion();
    void updateTexts();

    QLabel* m_display;
    QLabel* m_amount;
    QLabel* m_pinEntry;
    QGroupBox* m_cardBox;
    QGroupBox* m_pinBox;
    QHash<QString, QPushButton*> m_cardButtons; // by test card label
    QPushButton* m_cardCancel;
    QPushButton* m_pinClear;
    QPushButton* m_pinCancel;
    QPushButton* m_pinEnter;

    QString m_displayText; // from DISPLAY; empty: the question's own prompt or a greeting
    QString m_prompt;
    qint64 m_amountFen = 0;
    std::function<void(CardAnswer)> m_cardAnswer;
    std::function<void(PinAnswer)> m_pinAnswer;
    KeyTyped m_keyTyped;
    PinQuestion m_pinQuestion;
    QString m_digits;
};

} // namespace sim
} // namespace pos
