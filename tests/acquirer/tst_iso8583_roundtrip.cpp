// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/iso8583/Iso8583Codec.h"
#include "acquirer/iso8583/StructuredFields.h"
#include "acquirer/iso8583/TransactionCatalogue.h"
#include "support/TestSupport.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace pos;
using namespace pos::acquirer;

// Property test: seeded random messages, valid per the field table and the transaction catalogue, survive
// encode -> decode -> encode unchanged, and their structured fields parse back to what was built.
// POS_ROUNDTRIP_COUNT overrides the number of messages per transaction type (default 10000).
namespace {

constexpr int defaultCount = 10000;
constexpr quint32 baseSeed = 0x8583;

int messageCount()
{
    bool ok = false;
    const int count = qEnvironmentVariableIntValue("POS_ROUNDTRIP_COUNT", &ok);
    return ok && count > 0 ? count : defaultCount;
}

class MessageGenerator final
{
public:
    MessageGenerator(const FieldTable& table, quint32 seed) : m_table(table), m_random(seed) {}

    struct Generated
    {
        IsoMessage message;
        Field60 field60;
    };

    Generated next(const TransactionSpec& spec, bool response)
    {
        Generated generated;
        IsoMessage& message = generated.message;
        message.setMti(response ? spec.responseMti : spec.requestMti);
        message.setTpdu(QByteArray(1, '\x60') + bytes(4));
        message.setHeader(bytes(6));

        QList<int> numbers = response ? spec.responseMandatory : spec.requestMandatory;
        for (const int number : response ? spec.responseOptional : spec.requestOptional) {
            if (m_random.bounded(2) == 1)
                numbers.append(number);
        }
        for (const int number : numbers) {
            const FieldSpec* fieldSpec = m_table.spec(number);
            Q_ASSERT(fieldSpec);
            message.setField(number, randomValue(*fieldSpec));
        }

        if (!spec.processingCode.isEmpty())
            message.setDigits(IsoField::ProcessingCode, spec.processingCode);
        if (!spec.conditionCode.isEmpty())
            message.setDigits(IsoField::ConditionCode, spec.conditionCode);
        generated.field60 = randomField60(spec);
        message.setDigits(IsoField::Reserved60, generated.field60.build().value());
        if (message.hasField(IsoField::OriginalData))
            message.setDigits(IsoField::OriginalData, randomField61().build().value());
        if (message.hasField(IsoField::IcData))
            message.setField(IsoField::IcData, randomIcData());
        if (message.hasField(IsoField::AdditionalData))
            message.setDigits(IsoField::AdditionalData, randomField48(spec));
        return generated;
    }

private:
    QByteArray bytes(qsizetype count)
    {
        QByteArray result(count, '\0');
        for (char& byte : result)
            byte = static_cast<char>(m_random.bounded(256));
        return result;
    }

    QString digits(qsizetype count)
    {
        QString result(count, QLatin1Char('0'));
        for (QChar& c : result)
            c = QLatin1Char(static_cast<char>('0' + m_random.bounded(10)));
        return result;
    }

    qsizetype length(const FieldSpec& spec)
    {
        return spec.isVariable() ? m_random.bounded(spec.maxLength + 1) : spec.maxLength;
    }

    QByteArray randomValue(const FieldSpec& spec)
    {
        const qsizetype size = length(spec);
        QByteArray value;
        switch (spec.format) {
        case FieldFormat::N: return digits(size).toLatin1();
        case FieldFormat::Z:
            // A clear track (digits and the D separator) or, one time in three, an encrypted one (hex).
            value = digits(size).toLatin1();
            if (size > 0)
                value[m_random.bounded(static_cast<int>(size))] = 'D';
            if (m_random.bounded(3) == 0) {
                for (char& c : value)
                    c = "0123456789ABCDEF"[m_random.bounded(16)];
            }
            return value;
        case FieldFormat::An:
        case FieldFormat::Ans:
            while (value.size() < size) {
                const bool doubleByte = spec.encoding == TextEncoding::Gbk && size - value.size() >= 2 &&
                                        m_random.bounded(3) == 0;
                if (doubleByte) {
                    value.append(static_cast<char>(m_random.bounded(0x81, 0xFF)));
                    const int trail = m_random.bounded(0x40, 0xFE);
                    value.append(static_cast<char>(trail == 0x7F ? 0x80 : trail));
                } else {
                    value.append(static_cast<char>(m_random.bounded(0x20, 0x7F)));
                }
            }
            return value;
        case FieldFormat::B: return bytes(size);
        }
        return value;
    }

    Field60 randomField60(const TransactionSpec& spec)
    {
        Field60 field;
        field.transactionType = spec.transactionTypeCode;
        field.batchNumber = digits(6);
        field.networkCode =
            spec.networkCodes.at(m_random.bounded(static_cast<int>(spec.networkCodes.size())));
        const int optional = m_random.bounded(5); // 0..4 of 60.4-60.7
        if (optional >= 1)
            field.readCapability = digits(1);
        if (optional >= 2)
            field.icCondition = digits(1);
        if (optional >= 3)
            field.partialApproval = digits(1);
        if (optional >= 4)
            field.accountType = digits(3);
        return field;
    }

    Field61 randomField61()
    {
        Field61 field{digits(6), digits(6), {}, {}};
        if (m_random.bounded(2) == 1) {
            field.originalDate = digits(4);
            field.remainder = digits(m_random.bounded(14));
        }
        return field;
    }

    QByteArray randomIcData()
    {
        static const quint32 tags[] = {0x9F26, 0x9F27, 0x9F10, 0x9F37, 0x9F36, 0x95,   0x9A,   0x9C,
                                       0x9F02, 0x5F2A, 0x82,   0x9F1A, 0x9F03, 0x9F33, 0x9F34, 0x9F35,
                                       0x9F1E, 0x84,   0x9F09, 0x9F41, 0x91,   0xDF31, 0x8A};
        QList<TlvElement> elements;
        qsizetype total = 0;
        for (const quint32 tag : tags) {
            if (m_random.bounded(3) == 0)
                continue;
            TlvElement element;
            element.tag = tag;
            element.value = bytes(m_random.bounded(0, 20));
            const qsizetype size = (tag > 0xFF ? 2 : 1) + 1 + element.value.size();
            if (total + size > 255)
                break;
            total += size;
            elements.append(element);
        }
        return buildIcData(elements).value();
    }

    QString randomField48(const TransactionSpec& spec)
    {
        if (spec.type == TransactionType::Settlement) {
            SettlementTotals totals;
            for (SettlementTotalsPart* part : {&totals.domestic, &totals.foreign}) {
                part->debitAmountFen = digits(12).toLongLong();
                part->debitCount = digits(3).toInt();
                part->creditAmountFen = digits(12).toLongLong();
                part->creditCount = digits(3).toInt();
                part->settleFlag = digits(1).toInt();
            }
            return totals.build().value();
        }
        if (spec.type == TransactionType::BatchUploadEnd)
            return buildBatchUploadCount(m_random.bounded(10000)).value();
        return digits(2 + 40 * m_random.bounded(8)); // n2 count + 40-digit records
    }

    const FieldTable& m_table;
    QRandomGenerator m_random;
};

} // namespace

class tst_Iso8583RoundTrip final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void randomMessagesRoundTrip_data();
    void randomMessagesRoundTrip();
    void generatorIsDeterministic();

private:
    qint64 m_totalMs = 0;
};

void tst_Iso8583RoundTrip::randomMessagesRoundTrip_data()
{
    QTest::addColumn<int>("type");
    for (const TransactionSpec& spec : transactionCatalogue())
        QTest::newRow(qPrintable(spec.id)) << static_cast<int>(spec.type);
}

void tst_Iso8583RoundTrip::randomMessagesRoundTrip()
{
    QFETCH(int, type);
    const TransactionSpec& spec = transactionSpec(static_cast<TransactionType>(type));
    const Iso8583Codec codec;
    MessageGenerator generator(codec.table(), baseSeed + static_cast<quint32>(type));
    const int count = messageCount();
    QElapsedTimer timer;
    timer.start();
    for (int index = 0; index < count; ++index) {
        const bool response = index % 2 == 1;
        const MessageGenerator::Generated generated = generator.next(spec, response);
        const Result<QByteArray> frame = codec.encodeFrame(generated.message);
        if (!frame)
            QFAIL(qPrintable(u"message %1 did not encode: %2"_qs.arg(index).arg(frame.error().detail)));
        const Result<IsoMessage> decoded = codec.decodeFrame(frame.value());
        if (!decoded)
            QFAIL(qPrintable(u"message %1 did not decode: %2"_qs.arg(index).arg(decoded.error().detail)));
        if (decoded.value() != generated.message)
            QFAIL(qPrintable(u"message %1 decoded differently"_qs.arg(index)));
        const Result<QByteArray> again = codec.encodeFrame(decoded.value());
        POS_VERIFY_RESULT(again);
        if (again.value() != frame.value())
            QFAIL(qPrintable(u"message %1 re-encoded differently"_qs.arg(index)));
        const Result<Field60> field60 = Field60::parse(decoded.value().digits(IsoField::Reserved60));
        POS_VERIFY_RESULT(field60);
        if (!(field60.value() == generated.field60))
            QFAIL(qPrintable(u"message %1: field 60 parsed differently"_qs.arg(index)));
        if (decoded.value().hasField(IsoField::IcData))
            POS_VERIFY_RESULT(parseIcData(decoded.value().field(IsoField::IcData)));
    }
    m_totalMs += timer.elapsed();
    qInfo("%s: %d messages in %lld ms (all types so far: %lld ms)", qPrintable(spec.id), count,
          timer.elapsed(), m_totalMs);
}

// The same seed gives the same messages (so a failure report can be reproduced).
void tst_Iso8583RoundTrip::generatorIsDeterministic()
{
    const FieldTable table = FieldTable::cupDefault();
    const TransactionSpec& spec = transactionSpec(TransactionType::Sale);
    MessageGenerator first(table, 42);
    MessageGenerator second(table, 42);
    MessageGenerator other(table, 43);
    bool differs = false;
    for (int index = 0; index < 20; ++index) {
        const IsoMessage a = first.next(spec, false).message;
        QVERIFY(a == second.next(spec, false).message);
        differs = differs || a != other.next(spec, false).message;
    }
    QVERIFY(differs);
}

QTEST_GUILESS_MAIN(tst_Iso8583RoundTrip)
#include "tst_iso8583_roundtrip.moc"
