// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// The CUP POS transaction catalogue of acquirer-protocol.md §5 as data: which MTIs, codes and fields each
// transaction uses. The transaction engine builds requests and checks responses from it; tests generate
// valid random messages from it.
namespace pos {
namespace acquirer {

enum class TransactionType {
    SignOn,
    SignOff,
    EchoTest,
    BalanceInquiry,
    Sale,
    SaleVoid,
    Refund,
    PreAuth,
    PreAuthVoid,
    PreAuthCompletion,
    PreAuthCompletionVoid,
    PreAuthCompletionAdvice,
    OfflineSale,
    Reversal,
    Settlement,
    BatchUpload,
    BatchUploadEnd,
    ScriptResultAdvice,
};

struct TransactionSpec
{
    TransactionType type = TransactionType::Sale;
    QString id;                  // stable, untranslated: "sale", "sign-on", ...
    QString requestMti;          // "0200"
    QString responseMti;         // "0210"
    QString processingCode;      // F3; empty when the message has no F3
    QString conditionCode;       // F25; empty when the message has no F25
    QString transactionTypeCode; // 60.1
    // 60.3 defaults and alternatives, first = default (sign-on: 003 = 3DES keys).
    QStringList networkCodes;
    // Reversal only: F3, F25 and 60.1 are copied from the original; the values above are those of a sale.
    bool copiesOriginalCodes = false;
    bool requestCarriesMac = false; // F64 on the request (responses: whenever 39 = 00 and the host MACs)
    QList<int> requestMandatory;    // fields every request has (F64 included when requestCarriesMac)
    QList<int> requestOptional;     // fields a request may have (card-entry and PIN dependent, IC data, ...)
    QList<int> responseMandatory;
    QList<int> responseOptional;
};

// Every entry, in TransactionType order.
const QList<TransactionSpec>& transactionCatalogue();
const TransactionSpec& transactionSpec(TransactionType type);

} // namespace acquirer
} // namespace pos
