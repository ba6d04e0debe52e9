// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

// Typing into a real line edit as a person does, for the offscreen GUI tests. Header-only.
#include <QApplication>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QTest>

namespace pos {
namespace test {

// Replaces edit's text: its window made active (a closed file dialog may leave none active), the field
// focused, its text selected and erased, then text typed as keys (ASCII) or committed by the input method
// (Chinese; QTest::keyClicks sends Latin-1 only), so textEdited and the focus handling run as for a user.
// Fails the calling test (QVERIFY/QCOMPARE) when the field cannot take the text.
inline void typeLikeAUser(QLineEdit* edit, const QString& text)
{
    QVERIFY2(edit, qPrintable(text));
    QVERIFY2(edit->isEnabled(), qPrintable(edit->objectName()));
    if (!edit->window()->isActiveWindow()) {
        edit->window()->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(edit->window()));
    }
    edit->setFocus(Qt::TabFocusReason);
    QVERIFY2(edit->hasFocus(), qPrintable(edit->objectName()));
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    bool ascii = true;
    for (QChar c : text)
        ascii = ascii && c.unicode() < 0x80;
    if (ascii) {
        QTest::keyClicks(edit, text);
    } else {
        QInputMethodEvent commit;
        commit.setCommitString(text);
        QApplication::sendEvent(edit, &commit);
    }
    QCOMPARE(edit->text(), text);
}

} // namespace test
} // namespace pos
