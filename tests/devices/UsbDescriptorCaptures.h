// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QByteArray>

// Raw USB descriptors of receipt printers, as GET_DESCRIPTOR returns them (device descriptor, then the full
// configuration blob of wTotalLength bytes). Shared by tst_usb_descriptors; fuzz/corpus/fuzz_usb_descriptors
// holds the same bytes. Hex with spaces for reading; QByteArray::fromHex skips the spaces.
namespace pos {
namespace test {

inline QByteArray hexBytes(const char* text)
{
    return QByteArray::fromHex(QByteArray(text));
}

// Xprinter XP-T58H, 0483:5743, printer class 0x07 protocol 2, bulk OUT 0x02 then bulk IN 0x81. Field by field
// from the lsusb-style dump in sintrb/USB-Printer-Descriptors README.md@1e99df8 (芯烨-XP-T58H).
inline QByteArray xprinterDevice()
{
    return hexBytes("12 01 00 02 00 00 00 40 83 04 43 57 00 02 01 02 03 01");
}
inline QByteArray xprinterConfiguration()
{
    return hexBytes("09 02 20 00 01 01 00 c0 10"
                    " 09 04 00 00 02 07 01 02 00"
                    " 07 05 02 02 40 00 00"
                    " 07 05 81 02 40 00 00");
}

// Epson TM-T88IV (UB-U05 interface, 04b8:0202): a vendor-specific interface (class and subclass 0xFF) instead
// of the printer class (apple/cups issue #3971), bulk OUT 0x01 and bulk IN 0x82 (python-escpos's defaults
// for it). Reconstructed from those descriptions, not a byte dump.
inline QByteArray epsonVendorClassDevice()
{
    return hexBytes("12 01 10 01 00 00 00 40 b8 04 02 02 00 01 01 02 03 01");
}
inline QByteArray epsonVendorClassConfiguration()
{
    return hexBytes("09 02 20 00 01 01 00 c0 32"
                    " 09 04 00 00 02 ff ff 00 00"
                    " 07 05 01 02 40 00 00"
                    " 07 05 82 02 40 00 00");
}

// DeTong DP30 label printer, 0483:5a19 (composite, device class 0xEF): interface 0 printer class protocol 1
// with bulk IN 0x81 and bulk OUT 0x01, interface 1 HID with a 9-byte HID class descriptor and interrupt
// endpoints 0x82/0x02; wTotalLength 64. From sintrb/USB-Printer-Descriptors README.md@1e99df8 (德佟-DP30S);
// the HID descriptor's bytes are not in the dump and are a typical one (report descriptor of 0x22 bytes).
inline QByteArray compositeDevice()
{
    return hexBytes("12 01 00 02 ef 02 01 40 83 04 19 5a c4 30 01 02 03 01");
}
inline QByteArray compositeConfiguration()
{
    return hexBytes("09 02 40 00 02 01 02 c0 00"
                    " 09 04 00 00 02 07 01 01 13"
                    " 07 05 81 02 40 00 00"
                    " 07 05 01 02 40 00 00"
                    " 09 04 01 00 02 03 00 00 12"
                    " 09 21 11 01 00 01 22 22 00"
                    " 07 05 82 03 40 00 01"
                    " 07 05 02 03 40 00 01");
}

// A HID barcode scanner first, then a printer interface with three alternate settings (protocol 1, 2, 3),
// the layout of USB-parallel printer adapters (usblp picks "alt 1 proto 2" on a Prolific 067b:2305,
// python-escpos issue #214). Composed for the test.
inline QByteArray hidThenAltSettingsConfiguration()
{
    return hexBytes("09 02 52 00 02 01 00 80 32"
                    " 09 04 00 00 01 03 01 01 00"
                    " 09 21 11 01 00 01 22 3f 00"
                    " 07 05 83 03 08 00 0a"
                    " 09 04 01 00 01 07 01 01 00"
                    " 07 05 02 02 40 00 00"
                    " 09 04 01 01 02 07 01 02 00"
                    " 07 05 02 02 40 00 00"
                    " 07 05 84 02 40 00 00"
                    " 09 04 01 02 00 07 01 03 00");
}

} // namespace test
} // namespace pos
