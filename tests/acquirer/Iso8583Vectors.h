// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "acquirer/iso8583/IsoMessage.h"

#include <QByteArray>
#include <QString>

// The byte-level examples of acquirer-protocol.md §1.1-1.3 and §6.4, typed in from the reference, and the
// same messages built field by field. Shared by the ISO 8583 tests.
namespace pos {
namespace test {

// Hex with spaces and '|' separators allowed, as the reference prints it.
inline QByteArray fromSpacedHex(const char* text)
{
    QByteArray compact(text);
    compact.removeIf([](char c) { return c == ' ' || c == '|' || c == '\n'; });
    return QByteArray::fromHex(compact);
}

// §1.1: 0800 sign-on request.
inline QByteArray signOnRequestFrame()
{
    return fromSpacedHex("003C 6000000000 603100310000 0800 0020000000C00012"
                         "000001 3132333435363738 313233343536373839303132333435"
                         "0011|000000010030 0003|303031");
}

inline acquirer::IsoMessage signOnRequestMessage()
{
    acquirer::IsoMessage message(QStringLiteral("0800"));
    message.setTpdu(fromSpacedHex("6000000000"));
    message.setHeader(fromSpacedHex("603100310000"));
    message.setDigits(11, u"000001");
    message.setText(41, u"12345678");
    message.setText(42, u"123456789012345");
    message.setDigits(60, u"00000001003");
    message.setText(63, u"001");
    return message;
}

inline QByteArray signOnKeyBlock()
{
    return fromSpacedHex(
        "CB4AB541CD5AD4FC256A882726936A5A 08D7B4FB DEB1CB75E7D12F5E 0000000000000000 0D40BFF8"
        "D0D7CB5B1A70AC6A75E0431E2A75B492 EB7A8DF9");
}

// §1.2: 0810 sign-on response with a 60-byte F62 (60.3 = 004).
inline QByteArray signOnResponseFrame()
{
    return fromSpacedHex(
        "008D 6000000003 603100310000 0810 003800010AC00014"
        "000001 093015 0115 08|00010000 303030303030303030303031 3030"
        "3132333435363738 313233343536373839303132333435"
        "0011|000000010040"
        "0060|CB4AB541CD5AD4FC256A882726936A5A 08D7B4FB DEB1CB75E7D12F5E 0000000000000000 0D40BFF8"
        "D0D7CB5B1A70AC6A75E0431E2A75B492 EB7A8DF9");
}

inline acquirer::IsoMessage signOnResponseMessage()
{
    acquirer::IsoMessage message(QStringLiteral("0810"));
    message.setTpdu(fromSpacedHex("6000000003"));
    message.setHeader(fromSpacedHex("603100310000"));
    message.setDigits(11, u"000001");
    message.setDigits(12, u"093015");
    message.setDigits(13, u"0115");
    message.setDigits(32, u"00010000");
    message.setText(37, u"000000000001");
    message.setText(39, u"00");
    message.setText(41, u"12345678");
    message.setText(42, u"123456789012345");
    message.setDigits(60, u"00000001004");
    message.setField(62, signOnKeyBlock());
    return message;
}

// §1.3: 0200 purchase, magstripe + PIN, with the CUP ECB MAC.
inline QByteArray purchaseFrame()
{
    return fromSpacedHex("007C 6000030000 603100310000 0200 702404C020C09811"
                         "16|6225880137563118 000000 000000010000 000123 2512 0210 00 06"
                         "34|6225880137563118D25122010000000000"
                         "3132333435363738 313233343536373839303132333435 313536"
                         "F770027C86263587 2600000000000000 0011|220000010000 3635393830443436");
}

inline acquirer::IsoMessage purchaseMessage()
{
    acquirer::IsoMessage message(QStringLiteral("0200"));
    message.setTpdu(fromSpacedHex("6000030000"));
    message.setHeader(fromSpacedHex("603100310000"));
    message.setDigits(2, u"6225880137563118");
    message.setDigits(3, u"000000");
    message.setDigits(4, u"000000010000");
    message.setDigits(11, u"000123");
    message.setDigits(14, u"2512");
    message.setDigits(22, u"021");
    message.setDigits(25, u"00");
    message.setDigits(26, u"06");
    message.setDigits(35, u"6225880137563118D25122010000000000");
    message.setText(41, u"12345678");
    message.setText(42, u"123456789012345");
    message.setText(49, u"156");
    message.setField(52, fromSpacedHex("F770027C86263587"));
    message.setDigits(53, u"2600000000000000");
    message.setDigits(60, u"22000001000");
    message.setText(64, u"65980D46");
    return message;
}

// §6.4: the MAC block of the §1.3 purchase (105 bytes).
inline QByteArray purchaseMacBlock()
{
    return fromSpacedHex(
        "0200702404C020C09811166225880137563118000000000000010000000123251202100006346225880137563118"
        "D251220100000000003132333435363738313233343536373839303132333435313536F770027C8626358726"
        "000000000000000011220000010000");
}

} // namespace test
} // namespace pos
