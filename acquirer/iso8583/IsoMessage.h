// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

#include <array>

// One CUP POS ISO 8583 message, decoded: what the codec reads and writes. Holds values only; all
// validation happens in Iso8583Codec (a message may hold anything until it is encoded).
namespace pos {
namespace acquirer {

// Field values are stored as bytes in the unit of their format, without length prefix or padding:
// - n and z: the digit string as ASCII ("021", track 2 with 'D' for the '=' separator; an encrypted track
//   also has upper-case 'A'-'F');
// - an and ans: the text bytes as on the wire (ASCII, or GBK for GBK fields; fixed fields keep their
//   trailing spaces);
// - b: the raw bytes.
class IsoMessage final
{
public:
    IsoMessage() = default;
    explicit IsoMessage(QString mti) : m_mti(std::move(mti)) {}

    // 5 bytes: 0x60, destination (NII), source.
    QByteArray tpdu() const { return m_tpdu; }
    void setTpdu(QByteArray tpdu) { m_tpdu = std::move(tpdu); }
    // 6 bytes: application type, version, terminal status / processing requirement, sub-version.
    QByteArray header() const { return m_header; }
    void setHeader(QByteArray header) { m_header = std::move(header); }
    // Low nibble of header byte 2: in a response, what the host asks the terminal to do next (§1).
    int processingRequirement() const;
    // 4 decimal digits, e.g. "0200".
    QString mti() const { return m_mti; }
    void setMti(QString mti) { m_mti = std::move(mti); }

    // Field numbers run 1..64 (primary bitmap; 1 itself is representable so the encoder can refuse it).
    // Passing a number outside that range is a programming error (asserts; ignored in release builds).
    static constexpr int maxFieldNumber = 64;

    bool hasField(int number) const { return isFieldNumber(number) && (m_present & bit(number)) != 0; }
    // Present field numbers, ascending.
    QList<int> fieldNumbers() const;
    // The stored value (see the class comment); empty when absent.
    QByteArray field(int number) const { return hasField(number) ? m_values[index(number)] : QByteArray(); }
    void setField(int number, QByteArray value);
    void removeField(int number);

    // n/z fields as text ("000000010000"); empty when absent.
    QString digits(int number) const { return QString::fromLatin1(field(number)); }
    void setDigits(int number, QStringView digits) { setField(number, digits.toLatin1()); }
    // an/ans fields decoded as GB18030 (a superset of ASCII and GBK); empty when absent.
    QString text(int number) const;
    // Stores text encoded as GB18030. For an ASCII field, or a GBK field with characters outside GBK, the
    // encoder rejects the result.
    void setText(int number, QStringView text);

    friend bool operator==(const IsoMessage& a, const IsoMessage& b);
    friend bool operator!=(const IsoMessage& a, const IsoMessage& b) { return !(a == b); }

private:
    static bool isFieldNumber(int number) { return number >= 1 && number <= maxFieldNumber; }
    static quint64 bit(int number) { return quint64(1) << (number - 1); }
    static size_t index(int number) { return static_cast<size_t>(number - 1); }

    QByteArray m_tpdu;
    QByteArray m_header;
    QString m_mti;
    std::array<QByteArray, maxFieldNumber> m_values; // field n at index n - 1; meaningful where present
    quint64 m_present = 0;                           // bit n - 1 set when field n is present
};

// GB18030 <-> QString, shared by the message, structured fields and the tool. decodeGbk() never fails:
// invalid sequences become U+FFFD (the codec validates received GBK before anyone reads it as text).
QString decodeGbk(QByteArrayView bytes);
QByteArray encodeGbk(QStringView text);

} // namespace acquirer
} // namespace pos
