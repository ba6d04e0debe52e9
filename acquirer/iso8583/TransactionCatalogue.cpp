// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/iso8583/TransactionCatalogue.h"

#include <algorithm>

namespace pos {
namespace acquirer {
namespace {

// Fields whose presence depends on how the card was read and whether a PIN was entered: PAN and expiry
// (manual/IC), card sequence number (IC), PIN capture code, tracks, PIN block, security control, IC data.
const QList<int> cardOptional = {2, 14, 23, 26, 35, 36, 52, 53, 55};

const QList<int> financialResponseMandatory = {3, 4, 11, 25, 39, 41, 42, 49, 60};
// 12/13/32/37 come with most responses but a decline may leave them out; 64 when the host MACs the response.
const QList<int> financialResponseOptional = {2, 12, 13, 14, 15, 23, 32, 37, 38, 43, 44, 55, 61, 63, 64};

const QList<int> managementResponseMandatory = {11, 39, 41, 42, 60};

QStringList codes(std::initializer_list<const char*> values)
{
    QStringList list;
    for (const char* value : values)
        list.append(QLatin1String(value));
    return list;
}

TransactionSpec financial(TransactionType type,
                          const char* id,
                          const char* requestMti,
                          const char* processingCode,
                          const char* conditionCode,
                          const char* transactionTypeCode,
                          QList<int> requestMandatory,
                          QList<int> requestOptional)
{
    TransactionSpec spec;
    spec.type = type;
    spec.id = QLatin1String(id);
    spec.requestMti = QLatin1String(requestMti);
    spec.responseMti = spec.requestMti;
    spec.responseMti[2] = QLatin1Char(static_cast<char>(spec.requestMti.at(2).toLatin1() + 1));
    spec.processingCode = QLatin1String(processingCode);
    spec.conditionCode = QLatin1String(conditionCode);
    spec.transactionTypeCode = QLatin1String(transactionTypeCode);
    spec.networkCodes = codes({"000"});
    spec.requestCarriesMac = true;
    spec.requestMandatory = std::move(requestMandatory);
    spec.requestOptional = std::move(requestOptional);
    spec.responseMandatory = financialResponseMandatory;
    spec.responseOptional = financialResponseOptional;
    return spec;
}

TransactionSpec management(TransactionType type,
                           const char* id,
                           const char* requestMti,
                           QStringList networkCodes,
                           QList<int> requestMandatory,
                           QList<int> requestOptional,
                           QList<int> responseOptional)
{
    TransactionSpec spec;
    spec.type = type;
    spec.id = QLatin1String(id);
    spec.requestMti = QLatin1String(requestMti);
    spec.responseMti = spec.requestMti;
    spec.responseMti[2] = QLatin1Char(static_cast<char>(spec.requestMti.at(2).toLatin1() + 1));
    spec.transactionTypeCode = QStringLiteral("00");
    spec.networkCodes = std::move(networkCodes);
    spec.requestMandatory = std::move(requestMandatory);
    spec.requestOptional = std::move(requestOptional);
    spec.responseMandatory = managementResponseMandatory;
    spec.responseOptional = std::move(responseOptional);
    return spec;
}

QList<TransactionSpec> buildCatalogue()
{
    using T = TransactionType;
    QList<TransactionSpec> catalogue;

    catalogue << management(T::SignOn, "sign-on", "0800", codes({"003", "001", "004", "006"}),
                            {11, 41, 42, 60, 63}, {}, {12, 13, 32, 37, 62});
    catalogue << management(T::SignOff, "sign-off", "0820", codes({"002"}), {11, 41, 42, 60}, {},
                            {12, 13, 32, 37});
    catalogue << management(T::EchoTest, "echo-test", "0820", codes({"301"}), {11, 41, 42, 60}, {},
                            {12, 13, 32, 37});

    TransactionSpec balance =
        financial(T::BalanceInquiry, "balance-inquiry", "0200", "310000", "00", "01",
                  {3, 11, 22, 25, 26, 41, 42, 49, 52, 53, 60, 64}, {2, 14, 23, 35, 36, 55});
    balance.responseMandatory.removeOne(4);
    balance.responseOptional << 4 << 54;
    catalogue << balance;

    catalogue << financial(T::Sale, "sale", "0200", "000000", "00", "22",
                           {3, 4, 11, 22, 25, 41, 42, 49, 60, 64}, cardOptional);
    catalogue << financial(T::SaleVoid, "sale-void", "0200", "200000", "00", "23",
                           {3, 4, 11, 22, 25, 37, 41, 42, 49, 60, 61, 64}, cardOptional + QList<int>{38});
    catalogue << financial(T::Refund, "refund", "0220", "200000", "00", "25",
                           {3, 4, 11, 22, 25, 37, 41, 42, 49, 60, 61, 63, 64}, {2, 14, 23, 35, 36, 55});
    catalogue << financial(T::PreAuth, "pre-auth", "0100", "030000", "06", "10",
                           {3, 4, 11, 22, 25, 41, 42, 49, 60, 64}, cardOptional);
    catalogue << financial(T::PreAuthVoid, "pre-auth-void", "0100", "200000", "06", "11",
                           {3, 4, 11, 22, 25, 38, 41, 42, 49, 60, 61, 64}, cardOptional);
    catalogue << financial(T::PreAuthCompletion, "pre-auth-completion", "0200", "000000", "06", "20",
                           {3, 4, 11, 22, 25, 38, 41, 42, 49, 60, 61, 64}, cardOptional);
    catalogue << financial(T::PreAuthCompletionVoid, "pre-auth-completion-void", "0200", "200000", "06", "21",
                           {3, 4, 11, 22, 25, 37, 38, 41, 42, 49, 60, 61, 64}, cardOptional);
    catalogue << financial(T::PreAuthCompletionAdvice, "pre-auth-completion-advice", "0220", "000000", "06",
                           "24", {3, 4, 11, 22, 25, 38, 41, 42, 49, 60, 61, 64}, {2, 14, 23, 35, 36, 55});
    catalogue << financial(T::OfflineSale, "offline-sale", "0220", "000000", "00", "30",
                           {3, 4, 11, 22, 25, 41, 42, 49, 60, 63, 64}, {2, 14, 23, 35, 36, 38, 55});

    TransactionSpec reversal = financial(T::Reversal, "reversal", "0400", "000000", "00", "22",
                                         {3, 4, 11, 22, 25, 39, 41, 42, 49, 60, 64}, {2, 14, 23, 38, 55, 61});
    reversal.copiesOriginalCodes = true;
    catalogue << reversal;

    catalogue << management(T::Settlement, "settlement", "0500", codes({"201"}), {11, 41, 42, 48, 49, 60, 63},
                            {}, {12, 13, 15, 32, 37, 48, 49, 63});
    catalogue.last().responseMandatory << 48;
    catalogue.last().responseOptional.removeOne(48);
    catalogue << management(T::BatchUpload, "batch-upload", "0320", codes({"201", "203", "205"}),
                            {11, 41, 42, 60}, {2, 3, 4, 14, 22, 23, 48, 55}, {12, 13});
    catalogue << management(T::BatchUploadEnd, "batch-upload-end", "0320", codes({"202", "207"}),
                            {11, 41, 42, 48, 60}, {}, {12, 13, 48});
    catalogue << management(T::ScriptResultAdvice, "script-result-advice", "0620", codes({"951"}),
                            {11, 22, 37, 41, 42, 49, 55, 60, 61}, {2, 3, 4, 14, 23, 32}, {12, 13});
    for (TransactionSpec& spec : catalogue) {
        std::sort(spec.requestMandatory.begin(), spec.requestMandatory.end());
        std::sort(spec.requestOptional.begin(), spec.requestOptional.end());
        std::sort(spec.responseMandatory.begin(), spec.responseMandatory.end());
        std::sort(spec.responseOptional.begin(), spec.responseOptional.end());
    }
    return catalogue;
}

} // namespace

const QList<TransactionSpec>& transactionCatalogue()
{
    static const QList<TransactionSpec> catalogue = buildCatalogue();
    return catalogue;
}

const TransactionSpec& transactionSpec(TransactionType type)
{
    const QList<TransactionSpec>& catalogue = transactionCatalogue();
    const auto index = static_cast<qsizetype>(type);
    Q_ASSERT(index >= 0 && index < catalogue.size() && catalogue.at(index).type == type);
    return catalogue.at(index);
}

} // namespace acquirer
} // namespace pos
