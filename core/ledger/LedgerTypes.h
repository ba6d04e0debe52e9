// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/Money.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

// Inputs and outputs of the ledger's business events. Plain values: they cross threads by copy.
// Times are milliseconds since the Unix epoch (UTC) from the injected clock; the ledger derives the shop's
// local business date and hour from them.
namespace pos {

enum class TenderKind { Cash, Card, Qr };
QString tenderKindKey(TenderKind kind); // "cash", "card", "qr" (the ledger's column values)

enum class UserRole { Owner, Supervisor, Cashier, Installer };

enum class CashMovementKind { CashIn, CashOut, NoSale };
QString cashMovementKindKey(CashMovementKind kind); // "cash_in", "cash_out", "no_sale"
QString userRoleKey(UserRole role);

struct NewUser
{
    QString login;
    QString displayName;
    UserRole role = UserRole::Cashier;
    QByteArray credentialHash; // already derived (never a clear PIN or password)
    QByteArray credentialSalt;
    QString credentialParams; // algorithm and cost, e.g. "pbkdf2-sha256:600000"
};

struct NewProduct
{
    QString code;
    QString name;
    QString pinyinInitials;
    std::optional<qint64> categoryId;
    bool soldByWeight = false; // unit 'kg': quantities are grams (thousandths of a kg)
    Money price;
    int taxRateBp = 1300;
    qint64 stockMilli = 0;
};

struct SaleLineInput
{
    std::optional<qint64> productId;
    QString description;
    qint64 quantityMilli = 1000; // thousandths: 1000 = one piece, 1234 = 1.234 kg
    Money unitPrice;
    Money discount;    // line discount, >= 0
    int taxRateBp = 0; // tax included in the price (Chinese receipts are tax-inclusive)
};

struct TenderInput
{
    TenderKind kind = TenderKind::Cash;
    Money amount;                        // what this tender pays of the sale
    Money cashGiven;                     // cash only: handed over by the customer, >= amount
    std::optional<qint64> cardPaymentId; // card: an approved card payment (see beginCardPayment)
    std::optional<qint64> qrPaymentId;   // qr: a paid QR payment
};

struct SaleInput
{
    qint64 shiftId = 0;
    qint64 cashierId = 0;
    QList<SaleLineInput> lines;
    Money ticketDiscount;       // spread over the lines in proportion to their totals
    QList<TenderInput> tenders; // must add up to the sale total exactly
    qint64 createdMs = 0;
};

struct RefundLineInput
{
    qint64 originalLineId = 0;
    qint64 quantityMilli = 0; // how much of the original line comes back
};

struct RefundInput
{
    qint64 originalSaleId = 0;
    qint64 shiftId = 0;
    qint64 cashierId = 0;
    qint64 approvedBy = 0; // supervisor or owner who authorised the refund
    QList<RefundLineInput> lines;
    QList<TenderInput> tenders; // money going back: amounts are positive, the ledger stores them negative
    qint64 createdMs = 0;
};

struct RecordedSale
{
    qint64 saleId = 0;
    QString saleNo; // "20261122-000042": business date and the day's sequence
    Money total;
    Money tax;
    Money change; // cash handed back
};

enum class CardTransactionType { Sale, Void, Refund, Activation };
QString cardTransactionTypeKey(CardTransactionType type);

// What the acquirer engine commits before the first byte goes to the host.
struct CardIntentInput
{
    CardTransactionType type = CardTransactionType::Sale;
    Money amount;
    QString panMasked;  // first 6 and last 4 digits only, e.g. "622848******1234"
    QByteArray panHmac; // keyed hash (32 bytes) of the full PAN, for matching refunds
    int panHmacKeyId = 0;
    QString cardOrganisation;                // "CUP", "VIS", ...
    QString entryMode;                       // "swipe", "chip", "contactless", "fallback", "manual"
    std::optional<qint64> originalPaymentId; // void/refund: the payment being voided or refunded
    // What the engine needs to send the reversal (or the refund's advice) later without the card: the
    // request's non-sensitive fields. Stored with the armed recovery record; never track data, PIN block or
    // full PAN.
    QByteArray recoveryPayload;
    qint64 createdMs = 0;
};

struct CardIntent
{
    qint64 paymentId = 0;
    QString terminalId;
    QString merchantId;
    int batchNo = 0;
    int stan = 0; // 1..999999, never reused within a batch
    qint64 localMs = 0;
};

struct CardOutcome
{
    bool approved = false;
    QString responseCode; // field 39
    QString rrn;          // field 37
    QString authCode;     // field 38
    bool pinVerified = false;
    qint64 completedMs = 0;
};

// Voiding (撤销) a completed sale on the day it was made, in its still open shift: the sale stays in the
// ledger marked voided and leaves every total. Card tenders must already be voided at the host (an approved
// void payment, see beginCardPayment) and QR tenders reversed or refunded; cash goes back from the drawer.
struct VoidInput
{
    qint64 saleId = 0;
    qint64 userId = 0;     // who voids it
    qint64 approvedBy = 0; // supervisor or owner who authorised it (may equal userId for an owner)
    QString reason;
    qint64 createdMs = 0;
};

enum class QrChannel { WeChat, Alipay, UnionPay };
QString qrChannelKey(QrChannel channel); // "wechat", "alipay", "unionpay"

// Life of a QR payment (B扫C: the cashier scans the customer's payment code). Final states: Paid, NotPaid,
// Closed, Reversed, Refunded. Unknown means the outcome could not be learned; it must be queried and, unless
// paid and used, reversed.
enum class QrState { Created, UserPaying, Paid, NotPaid, Closed, Unknown, Reversed, Refunded };
QString qrStateKey(QrState state); // the ledger's column values: "created", "user_paying", ...

// What the QR client commits before it sends the payment request (intent before send, as for cards).
struct QrIntentInput
{
    bool refund = false;
    QrChannel channel = QrChannel::UnionPay;
    Money amount;
    QString outTradeNo; // the terminal's order number sent to the acquirer: 6..32 of [A-Za-z0-9_-], unique
    std::optional<qint64> originalPaymentId; // refund: the QR payment being refunded
    qint64 createdMs = 0;
};

struct QrUpdate
{
    QrState state = QrState::Created;
    QString channelOrderId; // the acquirer's or wallet's order id, once known
    qint64 updatedMs = 0;
};

// What the QR client needs to know of an earlier QR payment (to query, reverse or refund it again).
struct QrPaymentReference
{
    qint64 paymentId = 0;
    bool refund = false;
    QrChannel channel = QrChannel::UnionPay;
    Money amount;
    QString outTradeNo;
    QString state; // qrStateKey() value
    std::optional<qint64> originalPaymentId;
    QString originalOutTradeNo; // refund: the refunded payment's order number
};

struct AuditEvent
{
    qint64 createdMs = 0;
    std::optional<qint64> userId;
    QString event; // e.g. "sale.completed", "refund.approved", "user.login_failed"
    bool success = true;
    QString origin;   // "pos", "pos-tool", ...
    QString resource; // e.g. "sale:42"
    QString detail;   // never card data or secrets
};

} // namespace pos
