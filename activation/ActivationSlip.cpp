// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
//
// The activation slip: proof for the merchant of which terminal, PIN pad and card activated the account, and
// the terms the acquirer returned. Masked card only.
#include "activation/ActivationService.h"
#include "core/Money.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pos {
namespace activation {

namespace {

struct SlipText
{
    Q_DECLARE_TR_FUNCTIONS(pos::activation::ActivationSlip)
};

// "50000.00 yuan": the printer's code pages have no ¥ outside Chinese mode, so the unit is written out.
QString yuan(qint64 fen)
{
    return SlipText::tr("%1 yuan").arg(Money::fromFen(fen).toDecimalString());
}

receipt::TextStyle centred(bool bold, bool doubleHeight)
{
    receipt::TextStyle style;
    style.alignment = receipt::Alignment::Centre;
    style.bold = bold;
    style.doubleHeight = doubleHeight;
    return style;
}

QString rateText(int basisPoints)
{
    return QStringLiteral("%1.%2%").arg(basisPoints / 100).arg(basisPoints % 100, 2, 10, QLatin1Char('0'));
}

// Unqualified here: Qt 6.4's lupdate takes "receipt::" before a function name for a class scope and files
// the slip's texts under the wrong context.
using SlipDocument = receipt::ReceiptDocument;

} // namespace

SlipDocument activationSlip(const TerminalActivation& record, const QString& panMasked, qint64 atMs)
{
    SlipDocument slip;
    slip.text(SlipText::tr("Terminal activation slip"), centred(true, true));
    slip.separator();
    slip.twoColumns(SlipText::tr("Merchant"), record.merchantName);
    slip.twoColumns(SlipText::tr("Merchant ID"), record.merchantId);
    slip.twoColumns(SlipText::tr("Terminal ID"), record.terminalId);
    slip.twoColumns(SlipText::tr("PIN pad"), record.pinPadSerial);
    if (!panMasked.isEmpty())
        slip.twoColumns(SlipText::tr("Card"), panMasked);
    if (!record.firstSwipeRrn.isEmpty())
        slip.twoColumns(SlipText::tr("Reference"), record.firstSwipeRrn);
    slip.twoColumns(SlipText::tr("Activated"),
                    QDateTime::fromMSecsSinceEpoch(atMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    slip.separator();
    if (record.singleLimitFen > 0)
        slip.twoColumns(SlipText::tr("Single limit"), yuan(record.singleLimitFen));
    if (record.dailyLimitFen > 0)
        slip.twoColumns(SlipText::tr("Daily limit"), yuan(record.dailyLimitFen));
    const QJsonArray fees = QJsonDocument::fromJson(record.feeScheduleJson.toUtf8()).array();
    for (const QJsonValue& value : fees) {
        const QJsonObject fee = value.toObject();
        QString rate = rateText(fee.value(QStringLiteral("rateBasisPoints")).toInt());
        if (fee.contains(QStringLiteral("capFen")))
            rate = SlipText::tr("%1, at most %2")
                       .arg(rate, yuan(qint64(fee.value(QStringLiteral("capFen")).toDouble())));
        slip.twoColumns(SlipText::tr("Fee (%1)").arg(fee.value(QStringLiteral("tender")).toString()), rate);
    }
    slip.separator();
    slip.text(SlipText::tr("This terminal is activated. Keep this slip."), centred(false, false));
    slip.feed(3);
    slip.cut();
    return slip;
}

} // namespace activation
} // namespace pos
