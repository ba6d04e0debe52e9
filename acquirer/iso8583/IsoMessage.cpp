// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/iso8583/IsoMessage.h"

#include <QStringDecoder>
#include <QStringEncoder>

namespace pos {
namespace acquirer {

int IsoMessage::processingRequirement() const
{
    return m_header.size() > 2 ? m_header.at(2) & 0x0F : 0;
}

QList<int> IsoMessage::fieldNumbers() const
{
    QList<int> numbers;
    for (int number = 1; number <= maxFieldNumber; ++number) {
        if (hasField(number))
            numbers.append(number);
    }
    return numbers;
}

void IsoMessage::setField(int number, QByteArray value)
{
    Q_ASSERT_X(isFieldNumber(number), "IsoMessage::setField", "field number outside 1..64");
    if (!isFieldNumber(number))
        return;
    m_values[index(number)] = std::move(value);
    m_present |= bit(number);
}

void IsoMessage::removeField(int number)
{
    if (!isFieldNumber(number))
        return;
    m_values[index(number)] = QByteArray();
    m_present &= ~bit(number);
}

bool operator==(const IsoMessage& a, const IsoMessage& b)
{
    if (a.m_tpdu != b.m_tpdu || a.m_header != b.m_header || a.m_mti != b.m_mti || a.m_present != b.m_present)
        return false;
    for (int number = 1; number <= IsoMessage::maxFieldNumber; ++number) {
        if (a.hasField(number) &&
            a.m_values[IsoMessage::index(number)] != b.m_values[IsoMessage::index(number)])
            return false;
    }
    return true;
}

QString IsoMessage::text(int number) const
{
    return decodeGbk(field(number));
}

void IsoMessage::setText(int number, QStringView text)
{
    setField(number, encodeGbk(text));
}

QString decodeGbk(QByteArrayView bytes)
{
    QStringDecoder decoder("GB18030");
    Q_ASSERT(decoder.isValid());
    return decoder.decode(bytes);
}

QByteArray encodeGbk(QStringView text)
{
    QStringEncoder encoder("GB18030");
    Q_ASSERT(encoder.isValid());
    return encoder.encode(text);
}

} // namespace acquirer
} // namespace pos
