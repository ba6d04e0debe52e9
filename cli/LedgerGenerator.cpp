// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "cli/LedgerGenerator.h"

#include "storage/Ledger.h"
#include "storage/sqlite/SqliteDatabase.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QList>
#include <QSet>

#include <algorithm>
#include <random>

namespace pos {
namespace cli {
namespace {

// Deterministic on every platform: std::mt19937_64's output is fixed by the standard, and everything derived
// from it here is integer arithmetic (the standard distributions are not portable).
class GeneratorRandom final
{
public:
    explicit GeneratorRandom(quint64 seed) : m_engine(seed) {}
    qint64 below(qint64 n) { return n <= 1 ? 0 : static_cast<qint64>(m_engine() % static_cast<quint64>(n)); }
    qint64 between(qint64 low, qint64 high) { return low + below(high - low + 1); }
    bool chance(int perTenThousand) { return below(10000) < perTenThousand; }
    // An index into weights, with probability proportional to its weight.
    int weighted(const QList<int>& weights)
    {
        int total = 0;
        for (int weight : weights)
            total += weight;
        qint64 pick = below(total);
        for (int i = 0; i < weights.size(); ++i) {
            if (pick < weights.at(i))
                return i;
            pick -= weights.at(i);
        }
        return static_cast<int>(weights.size()) - 1;
    }

private:
    std::mt19937_64 m_engine;
};

struct GeneratedProduct
{
    qint64 id = 0;
    QString name;
    Money price;
    bool byWeight = false;
    int taxRateBp = 1300;
};

struct GeneratedCard
{
    QString panMasked;
    QByteArray panHmac;
    QString organisation;
};

// A recent sale that may still be (partly) refunded.
struct RefundableSale
{
    qint64 saleId = 0;
    TenderKind kind = TenderKind::Cash; // how the largest part was paid: the refund goes back the same way
    qint64 cardPaymentId = 0;
    int card = 0;
    qint64 qrPaymentId = 0;
    QrChannel qrChannel = QrChannel::WeChat;
    Money electronic; // the card or QR part
    Money cash;       // the cash part (kept by the till)
};

struct GeneratedShift
{
    qint64 id = 0;
    qint64 cashierId = 0;
    Money openingFloat;
    Money cash;       // net cash tendered
    qint64 endMs = 0; // when the shift closes
};

class LedgerGenerator final
{
public:
    static constexpr int eventsPerCommit = 2000;
    static constexpr int productCount = 20000;
    static constexpr int cashierCount = 5;

    LedgerGenerator(storage::Ledger& ledger, const GeneratorOptions& options)
        : m_ledger(ledger)
        , m_options(options)
        , m_random(options.seed)
        , m_firstDay(options.end.addDays(1 - options.days))
    {}

    Result<> run()
    {
        if (const Result<> set = m_ledger.inOneTransaction([this] { return setUpShop(); }); !set)
            return set;
        ++m_stats.commits;
        planDays();
        while (m_day < m_options.days) {
            const Result<> chunk = m_ledger.inOneTransaction([this]() -> Result<> {
                for (int events = 0; events < eventsPerCommit && m_day < m_options.days;) {
                    const Result<int> done = nextEvent();
                    if (!done)
                        return Failure{done.error()};
                    events += done.value();
                }
                return {};
            });
            if (!chunk)
                return chunk;
            ++m_stats.commits;
        }
        return {};
    }

    const GeneratorStats& stats() const { return m_stats; }
    QDate firstDay() const { return m_firstDay; }

private:
    qint64 localMs(QDate day, int hour, int minute, int second, int ms) const
    {
        return QDateTime(day, QTime(hour, minute, second, ms)).toMSecsSinceEpoch();
    }

    Result<> setUpShop()
    {
        const qint64 t0 = localMs(m_firstDay, 6, 0, 0, 0);
        if (const Result<> identity = m_ledger.setTerminalIdentity(QStringLiteral("10293847"),
                                                                   QStringLiteral("898310048161234"), t0);
            !identity)
            return identity;
        static const char* const cashierNames[cashierCount] = {"王芳", "李娜", "张伟", "刘洋", "陈静"};
        for (int i = 0; i <= cashierCount; ++i) {
            const bool owner = i == cashierCount;
            const QByteArray login =
                owner ? QByteArrayLiteral("owner") : QByteArrayLiteral("cashier") + QByteArray::number(i + 1);
            const NewUser user{QString::fromLatin1(login),
                               owner ? QStringLiteral("赵敏") : QString::fromUtf8(cashierNames[i]),
                               owner ? UserRole::Owner : UserRole::Cashier,
                               QCryptographicHash::hash(QByteArray(QByteArrayLiteral("credential:") + login),
                                                        QCryptographicHash::Sha256),
                               QCryptographicHash::hash(QByteArray(QByteArrayLiteral("salt:") + login),
                                                        QCryptographicHash::Sha256)
                                   .left(16),
                               QStringLiteral("pbkdf2-sha256:600000")};
            const Result<qint64> id = m_ledger.addUser(user, t0);
            if (!id)
                return Failure{id.error()};
            (owner ? m_owner : m_cashiers[i]) = id.value();
        }

        static const char* const categoryNames[] = {
            "饮料", "零食", "乳制品", "粮油", "调味品",   "方便食品", "冷冻食品", "蔬菜",     "水果", "肉禽",
            "水产", "熟食", "烟酒",   "日化", "个人护理", "纸品",     "清洁用品", "母婴",     "文具", "家居",
            "厨具", "烘焙", "糖果",   "茶叶", "咖啡冲饮", "面包",     "宠物用品", "电池电器", "酒水", "其他"};
        constexpr int categoryCount = int(std::size(categoryNames));
        // Fresh food: some products are sold by weight; food is taxed at 9 %, the rest at 13 %.
        const QSet<int> fresh = {7, 8, 9, 10, 11};
        const QSet<int> food = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 21, 22, 23, 24, 25};
        // No Ledger API for categories yet: written directly, in this transaction.
        const Result<storage::SqliteStatement*> category =
            m_ledger.database().prepare(QStringLiteral("INSERT INTO categories (id, name) VALUES (?, ?)"));
        if (!category)
            return Failure{category.error()};
        for (int c = 0; c < categoryCount; ++c) {
            category.value()->reset();
            category.value()->bind(1, c + 1).bind(2, QString::fromUtf8(categoryNames[c]));
            if (const Result<> ran = category.value()->run(); !ran)
                return ran;
        }

        m_products.reserve(productCount);
        for (int i = 1; i <= productCount; ++i) {
            const int c = static_cast<int>(m_random.below(categoryCount));
            const bool byWeight = fresh.contains(c) && m_random.chance(3000);
            // Prices in 10-fen steps: mostly cheap everyday goods, a long tail up to 299.00.
            qint64 priceFen = 0;
            if (byWeight) {
                priceFen = m_random.between(40, 980) * 10; // per kg
            } else {
                const int band = m_random.weighted({68, 22, 7, 3});
                const qint64 bands[][2] = {{10, 200}, {200, 600}, {600, 1500}, {1500, 2990}};
                priceFen = m_random.between(bands[band][0], bands[band][1]) * 10;
            }
            GeneratedProduct product{0, QStringLiteral("商品%1").arg(i, 5, 10, QLatin1Char('0')),
                                     Money::fromFen(priceFen), byWeight, food.contains(c) ? 900 : 1300};
            NewProduct row;
            row.code = QStringLiteral("%1").arg(100000 + i);
            row.name = product.name;
            row.pinyinInitials = QStringLiteral("sp");
            row.categoryId = c + 1;
            row.soldByWeight = byWeight;
            row.price = product.price;
            row.taxRateBp = product.taxRateBp;
            row.stockMilli = byWeight ? 500'000 : 1'000'000;
            const Result<qint64> id = m_ledger.addProduct(row, t0);
            if (!id)
                return Failure{id.error()};
            product.id = id.value();
            // EAN-13 with a Chinese (69x) prefix and its check digit.
            QString barcode =
                QStringLiteral("69%1").arg(10'000'000'000LL + i * 37LL, 10, 10, QLatin1Char('0'));
            int sum = 0;
            for (int d = 0; d < 12; ++d)
                sum += (barcode.at(d).unicode() - '0') * (d % 2 == 0 ? 1 : 3);
            barcode += QChar(u'0' + (10 - sum % 10) % 10);
            if (const Result<> added = m_ledger.addBarcode(barcode, product.id); !added)
                return added;
            m_products.append(product);
        }
        // Popularity: rank r (0 = best seller) maps to a shuffled product, so best sellers span categories.
        m_popularity.resize(productCount);
        for (int i = 0; i < productCount; ++i)
            m_popularity[i] = i;
        for (int i = productCount - 1; i > 0; --i)
            std::swap(m_popularity[i], m_popularity[static_cast<int>(m_random.below(i + 1))]);

        static const char* const prefixes[][2] = {{"622848", "CUP"}, {"622202", "CUP"}, {"621700", "CUP"},
                                                  {"622588", "CUP"}, {"623668", "CUP"}, {"625807", "CUP"},
                                                  {"436742", "VIS"}, {"518710", "MCC"}};
        for (int i = 0; i < 3000; ++i) {
            const int p = m_random.weighted({30, 25, 15, 10, 8, 6, 4, 2});
            const qint64 last4 = m_random.below(10000);
            GeneratedCard card{QStringLiteral("%1******%2")
                                   .arg(QLatin1String(prefixes[p][0]))
                                   .arg(last4, 4, 10, QLatin1Char('0')),
                               // A dummy keyed hash: 32 bytes, never derived from a real card number.
                               QCryptographicHash::hash(
                                   QByteArray(QByteArrayLiteral("generated-card:") + QByteArray::number(i)),
                                   QCryptographicHash::Sha256),
                               QString::fromLatin1(prefixes[p][1])};
            m_cards.append(card);
        }
        return {};
    }

    // How many sales each day gets: weekends are busier, each day varies a little; exactly m_options.sales.
    void planDays()
    {
        QList<qint64> weights;
        qint64 total = 0;
        for (int d = 0; d < m_options.days; ++d) {
            const int dow = m_firstDay.addDays(d).dayOfWeek();
            const qint64 weight = (dow >= 6 ? 130 : dow == 5 ? 112 : 100) * 100 + m_random.between(-900, 900);
            weights.append(weight);
            total += weight;
        }
        qint64 assigned = 0;
        QList<QPair<qint64, int>> remainders;
        for (int d = 0; d < m_options.days; ++d) {
            const qint64 exact = m_options.sales * weights.at(d);
            m_salesPerDay.append(exact / total);
            assigned += exact / total;
            remainders.append({exact % total, d});
        }
        std::stable_sort(remainders.begin(), remainders.end(),
                         [](const auto& a, const auto& b) { return a.first > b.first; });
        for (qint64 i = 0; i < m_options.sales - assigned; ++i)
            ++m_salesPerDay[remainders.at(i).second];
    }

    enum class EventKind { OpenShift, Sale, CloseShift };
    struct Event
    {
        qint64 ms = 0;
        EventKind kind = EventKind::Sale;
        int slot = 0; // the till (0, 1): which of the two cashiers on duty
    };

    // The events of day m_day: two tills, a morning shift (07:00-15:00) and an evening shift (15:00-23:00)
    // with other cashiers each day; sales peak at noon and in the evening.
    void planDay()
    {
        const QDate day = m_firstDay.addDays(m_day);
        static const QList<int> hourWeights = {3, 5, 6,  8,  12, 16, 12, 6,
                                               5, 6, 10, 15, 13, 8,  5,  2}; // 07..22
        QList<Event> sales;
        for (qint64 i = 0; i < m_salesPerDay.at(m_day); ++i) {
            const int hour = 7 + m_random.weighted(hourWeights);
            const qint64 second = m_random.below(3600);
            const qint64 ms = localMs(day, hour, static_cast<int>(second / 60), static_cast<int>(second % 60),
                                      static_cast<int>(m_random.below(1000)));
            sales.append({ms, EventKind::Sale, static_cast<int>(m_random.below(2))});
        }
        std::stable_sort(sales.begin(), sales.end(),
                         [](const Event& a, const Event& b) { return a.ms < b.ms; });
        const qint64 afternoon = localMs(day, 15, 0, 0, 0);
        m_events.clear();
        for (int slot = 0; slot < 2; ++slot)
            m_events.append({localMs(day, 7, 0, 0, 0) - 60'000 + slot, EventKind::OpenShift, slot});
        qsizetype next = 0;
        for (; next < sales.size() && sales.at(next).ms < afternoon; ++next)
            m_events.append(sales.at(next));
        for (int slot = 0; slot < 2; ++slot)
            m_events.append({afternoon + slot, EventKind::CloseShift, slot});
        for (int slot = 0; slot < 2; ++slot)
            m_events.append({afternoon + 10 + slot, EventKind::OpenShift, slot + 2});
        for (; next < sales.size(); ++next) {
            Event evening = sales.at(next);
            evening.slot += 2;
            m_events.append(evening);
        }
        for (int slot = 0; slot < 2; ++slot)
            m_events.append({localMs(day, 23, 0, 0, 0) + slot, EventKind::CloseShift, slot + 2});
        m_nextEvent = 0;
        m_dayPlanned = true;
    }

    // Processes the next event; returns how many business events it recorded.
    Result<int> nextEvent()
    {
        if (!m_dayPlanned)
            planDay();
        const Event event = m_events.at(m_nextEvent++);
        Result<int> done = 1;
        switch (event.kind) {
        case EventKind::OpenShift: done = openShift(event); break;
        case EventKind::CloseShift: done = closeShift(event); break;
        case EventKind::Sale: done = sale(event); break;
        }
        if (m_nextEvent >= m_events.size()) {
            ++m_day;
            m_dayPlanned = false;
        }
        return done;
    }

    Result<int> openShift(const Event& event)
    {
        // Slots 0, 1 in the morning and 2, 3 in the evening: four different cashiers, rotating daily.
        const qint64 cashier = m_cashiers[(m_day + event.slot) % cashierCount];
        const Money openingFloat = Money::fromFen(50000);
        const Result<qint64> shift = m_ledger.openShift(cashier, openingFloat, event.ms);
        if (!shift)
            return Failure{shift.error()};
        const QDate day = m_firstDay.addDays(m_day);
        m_tills[event.slot % 2] = {shift.value(), cashier, openingFloat, Money(),
                                   event.slot < 2 ? localMs(day, 15, 0, 0, 0) : localMs(day, 23, 0, 0, 0)};
        ++m_stats.shifts;
        return 1;
    }

    Result<int> closeShift(const Event& event)
    {
        const GeneratedShift& till = m_tills[event.slot % 2];
        const Money expected = till.openingFloat + till.cash;
        // Now and then the drawer is a few yuan short.
        const Money counted =
            m_random.chance(500) ? expected - Money::fromFen(m_random.between(1, 20) * 100) : expected;
        if (const Result<qint64> z = m_ledger.closeShift(till.id, counted, event.ms); !z)
            return Failure{z.error()};
        return 1;
    }

    Result<qint64> approvedCard(CardTransactionType type,
                                Money amount,
                                int card,
                                std::optional<qint64> original,
                                qint64 ms,
                                bool decline)
    {
        CardIntentInput intent;
        intent.type = type;
        intent.amount = amount;
        intent.panMasked = m_cards.at(card).panMasked;
        intent.panHmac = m_cards.at(card).panHmac;
        intent.panHmacKeyId = 1;
        intent.cardOrganisation = m_cards.at(card).organisation;
        const int mode = m_random.weighted({62, 33, 5});
        intent.entryMode = mode == 0   ? QStringLiteral("contactless")
                           : mode == 1 ? QStringLiteral("chip")
                                       : QStringLiteral("swipe");
        intent.originalPaymentId = original;
        intent.createdMs = ms - 4000;
        const Result<CardIntent> begun = m_ledger.beginCardPayment(intent);
        if (!begun)
            return Failure{begun.error()};
        CardOutcome outcome;
        outcome.approved = !decline;
        outcome.responseCode = decline ? (m_random.chance(5000) ? QStringLiteral("51") : QStringLiteral("55"))
                                       : QStringLiteral("00");
        if (!decline) {
            outcome.rrn = QStringLiteral("%1%2")
                              .arg(m_firstDay.addDays(m_day).dayOfYear(), 3, 10, QLatin1Char('0'))
                              .arg(begun.value().stan, 9, 10, QLatin1Char('0'));
            outcome.authCode = QStringLiteral("%1").arg(m_random.below(1'000'000), 6, 10, QLatin1Char('0'));
        }
        outcome.pinVerified = mode != 0 || amount.fen() > 100'000;
        outcome.completedMs = ms - 4000 + m_random.between(900, 3500);
        if (const Result<> completed = m_ledger.completeCardPayment(begun.value().paymentId, outcome);
            !completed)
            return Failure{completed.error()};
        return begun.value().paymentId;
    }

    // A QR payment through the ledger's QR API as the QR client makes it: the intent, then "paid" with the
    // wallet's order id once the customer confirmed (a few seconds later).
    Result<qint64>
    paidQr(bool refund, QrChannel channel, Money amount, std::optional<qint64> original, qint64 ms)
    {
        ++m_qrSequence;
        const Result<qint64> payment = m_ledger.beginQrPayment(
            {refund, channel, amount,
             QStringLiteral("POS10293847-%1").arg(m_qrSequence, 8, 10, QLatin1Char('0')), original,
             ms - 3000});
        if (!payment)
            return payment;
        const QString orderId = QStringLiteral("%1%2")
                                    .arg(qrChannelKey(channel).left(2).toUpper())
                                    .arg(m_qrSequence * 7919 % 100'000'000, 8, 16, QLatin1Char('0'));
        if (const Result<> paid =
                m_ledger.updateQrPayment(payment.value(), {QrState::Paid, orderId, ms - 1000});
            !paid)
            return Failure{paid.error()};
        return payment;
    }

    QrChannel qrChannel()
    {
        const int channel = m_random.weighted({55, 40, 5});
        return channel == 0 ? QrChannel::WeChat : channel == 1 ? QrChannel::Alipay : QrChannel::UnionPay;
    }

    Result<int> sale(const Event& event)
    {
        GeneratedShift& till = m_tills[event.slot % 2];
        SaleInput sale;
        sale.shiftId = till.id;
        sale.cashierId = till.cashierId;
        sale.createdMs = event.ms;
        const int lineCount = 1 + m_random.weighted({30, 22, 16, 11, 8, 5, 4, 4});
        Money subtotal;
        for (int l = 0; l < lineCount; ++l) {
            // Skewed popularity: the product of three uniform draws favours the best sellers strongly.
            qint64 rank = m_random.below(productCount);
            rank = m_random.below(rank + 1);
            rank = m_random.below(rank + 1);
            const GeneratedProduct& product = m_products.at(m_popularity.at(static_cast<int>(rank)));
            const qint64 quantity = product.byWeight ? m_random.between(150, 2500)
                                                     : 1000 * (1 + m_random.weighted({75, 17, 5, 2, 1}));
            SaleLineInput line{product.id, product.name, quantity, product.price, Money(), product.taxRateBp};
            const Money gross = product.price.times(quantity, Rounding::HalfUp);
            if (m_random.chance(400))
                line.discount = gross.percentage(1000, Rounding::HalfUp); // 10 % off this line
            subtotal += gross - line.discount;
            sale.lines.append(line);
        }
        int choice = m_random.weighted({45, 35, 20});
        TenderKind kind = choice == 0 ? TenderKind::Qr : choice == 1 ? TenderKind::Card : TenderKind::Cash;
        // Cash customers often get the odd fen knocked off (抹零).
        if (kind == TenderKind::Cash && subtotal.fen() > 1000 && m_random.chance(3000))
            sale.ticketDiscount = Money::fromFen(subtotal.fen() % 10);
        const Money total = subtotal - sale.ticketDiscount;

        // Sometimes part in cash, the rest by QR or card.
        RefundableSale refundable;
        Money rest = total;
        if (total.fen() >= 5000 && m_random.chance(300)) {
            const Money cashPart =
                Money::fromFen(std::min<qint64>(total.fen() - 100, m_random.between(1, 5) * 1000));
            sale.tenders.append({TenderKind::Cash, cashPart, Money(), std::nullopt, std::nullopt});
            till.cash += cashPart;
            refundable.cash += cashPart;
            rest -= cashPart;
            ++m_stats.cashTenders;
            ++m_stats.splitSales;
            if (kind == TenderKind::Cash)
                kind = TenderKind::Qr;
        }
        refundable.kind = kind;
        int events = 1;
        if (kind == TenderKind::Card && !rest.isZero()) {
            const int card = static_cast<int>(m_random.below(m_cards.size()));
            if (m_random.chance(300)) {
                // Declined (insufficient funds, wrong PIN): the customer pays by QR instead.
                const Result<qint64> declined = approvedCard(CardTransactionType::Sale, rest, card,
                                                             std::nullopt, event.ms - 20'000, true);
                if (!declined)
                    return Failure{declined.error()};
                ++m_stats.declinedCards;
                events += 2;
                kind = TenderKind::Qr;
                refundable.kind = kind;
            } else {
                const Result<qint64> payment =
                    approvedCard(CardTransactionType::Sale, rest, card, std::nullopt, event.ms, false);
                if (!payment)
                    return Failure{payment.error()};
                sale.tenders.append({TenderKind::Card, rest, Money(), payment.value(), std::nullopt});
                refundable.cardPaymentId = payment.value();
                refundable.card = card;
                ++m_stats.cardTenders;
                events += 2;
            }
        }
        if (kind == TenderKind::Qr && !rest.isZero()) {
            const QrChannel channel = qrChannel();
            const Result<qint64> payment = paidQr(false, channel, rest, std::nullopt, event.ms);
            if (!payment)
                return Failure{payment.error()};
            sale.tenders.append({TenderKind::Qr, rest, Money(), std::nullopt, payment.value()});
            refundable.qrPaymentId = payment.value();
            refundable.qrChannel = channel;
            ++m_stats.qrTenders;
        }
        if (kind == TenderKind::Cash && !rest.isZero()) {
            Money given = rest;
            if (!m_random.chance(3000)) {
                static const qint64 notes[] = {1000, 2000, 5000, 10000};
                const qint64 note = notes[m_random.below(4)];
                given = Money::fromFen((rest.fen() + note - 1) / note * note);
            }
            sale.tenders.append({TenderKind::Cash, rest, given, std::nullopt, std::nullopt});
            till.cash += rest;
            refundable.cash += rest;
            ++m_stats.cashTenders;
        }
        const Result<RecordedSale> recorded = m_ledger.recordSale(sale);
        if (!recorded)
            return Failure{recorded.error()};
        ++m_stats.sales;
        refundable.saleId = recorded.value().saleId;
        if (refundable.kind != TenderKind::Cash)
            refundable.electronic = total - refundable.cash;

        // About 0.5 % of sales are voided (撤销) a little later at the same till, before anything else.
        if (m_random.chance(50)) {
            const qint64 at = std::min(event.ms + m_random.between(20'000, 60'000), till.endMs - 1000);
            const Result<int> voided = voidSale(till, refundable, std::max(at, event.ms + 1));
            if (!voided)
                return Failure{voided.error()};
            return events + voided.value();
        }
        m_recent.append(refundable);
        if (m_recent.size() > 400)
            m_recent.removeFirst();

        // About 2 % of sales are followed by a refund of some earlier sale at the same till.
        if (m_random.chance(200) && m_recent.size() > 1) {
            const qint64 at = std::min(event.ms + m_random.between(30'000, 90'000), till.endMs - 1000);
            const Result<int> refunded = refund(till, std::max(at, event.ms + 1));
            if (!refunded)
                return Failure{refunded.error()};
            events += refunded.value();
        }
        return events;
    }

    // Voids a sale as the till does: the card payment is voided at the host first (a new approved 'void'
    // payment), a QR payment reversed, the cash handed back; then the sale itself.
    Result<int> voidSale(GeneratedShift& till, const RefundableSale& sale, qint64 ms)
    {
        int events = 1;
        if (sale.kind == TenderKind::Card && sale.cardPaymentId != 0) {
            const Result<qint64> hostVoid = approvedCard(CardTransactionType::Void, sale.electronic,
                                                         sale.card, sale.cardPaymentId, ms - 5000, false);
            if (!hostVoid)
                return Failure{hostVoid.error()};
            events += 2;
        } else if (sale.kind == TenderKind::Qr && sale.qrPaymentId != 0) {
            if (const Result<> reversed =
                    m_ledger.updateQrPayment(sale.qrPaymentId, {QrState::Reversed, {}, ms - 2000});
                !reversed)
                return Failure{reversed.error()};
            ++events;
        }
        if (const Result<> voided =
                m_ledger.voidSale({sale.saleId, till.cashierId, m_owner, QStringLiteral("顾客取消"), ms});
            !voided)
            return Failure{voided.error()};
        till.cash -= sale.cash;
        ++m_stats.voids;
        return events;
    }

    // A partial refund (one or two lines, part of the quantity) of a recent, not yet refunded sale, paid back
    // the way it was paid.
    Result<int> refund(GeneratedShift& till, qint64 ms)
    {
        const qsizetype pick = m_random.below(m_recent.size() - 1); // never the sale just rung up
        const RefundableSale original = m_recent.takeAt(pick);
        RefundInput refund;
        refund.originalSaleId = original.saleId;
        refund.shiftId = till.id;
        refund.cashierId = till.cashierId;
        refund.approvedBy = m_owner;
        refund.createdMs = ms;
        const Result<storage::SqliteStatement*> lines = m_ledger.database().prepare(
            QStringLiteral("SELECT id, quantity_milli, quantity_milli % 1000 != 0 OR quantity_milli < 1000 "
                           "FROM sale_lines WHERE sale_id = ? ORDER BY line_no"));
        if (!lines)
            return Failure{lines.error()};
        lines.value()->bind(1, original.saleId);
        QList<RefundLineInput> candidates;
        QList<bool> weighed;
        for (;;) {
            const Result<bool> row = lines.value()->step();
            if (!row) {
                lines.value()->reset();
                return Failure{row.error()};
            }
            if (!row.value())
                break;
            candidates.append({lines.value()->int64(0), lines.value()->int64(1)});
            weighed.append(lines.value()->int64(2) != 0);
        }
        lines.value()->reset();
        const int wanted = candidates.size() > 1 && m_random.chance(2000) ? 2 : 1;
        for (int i = 0; i < wanted && !candidates.isEmpty(); ++i) {
            const qsizetype at = m_random.below(candidates.size());
            RefundLineInput line = candidates.takeAt(at);
            const bool byWeight = weighed.takeAt(at);
            if (!byWeight && line.quantityMilli > 1000)
                line.quantityMilli = 1000 * m_random.between(1, line.quantityMilli / 1000 - 1);
            else if (byWeight && line.quantityMilli >= 200 && m_random.chance(5000))
                line.quantityMilli /= 2;
            refund.lines.append(line);
        }
        const Result<Money> quote = m_ledger.quoteRefund(refund);
        if (!quote)
            return Failure{quote.error()};
        if (quote.value().isZero())
            return 0;
        int events = 1;
        // Money goes back the way it came: electronically up to what the card or QR paid, the rest in cash.
        const Money electronic = std::min(quote.value(), original.electronic);
        const Money cash = quote.value() - electronic;
        if (original.kind == TenderKind::Card && original.cardPaymentId != 0 && !electronic.isZero()) {
            const Result<qint64> payment = approvedCard(CardTransactionType::Refund, electronic,
                                                        original.card, original.cardPaymentId, ms, false);
            if (!payment)
                return Failure{payment.error()};
            refund.tenders.append({TenderKind::Card, electronic, Money(), payment.value(), std::nullopt});
            events += 2;
        } else if (original.kind == TenderKind::Qr && original.qrPaymentId != 0 && !electronic.isZero()) {
            const Result<qint64> payment =
                paidQr(true, original.qrChannel, electronic, original.qrPaymentId, ms);
            if (!payment)
                return Failure{payment.error()};
            refund.tenders.append({TenderKind::Qr, electronic, Money(), std::nullopt, payment.value()});
            events += 2;
        }
        const Money cashBack = refund.tenders.isEmpty() ? quote.value() : cash;
        if (!cashBack.isZero()) {
            refund.tenders.append({TenderKind::Cash, cashBack, Money(), std::nullopt, std::nullopt});
            till.cash -= cashBack;
        }
        const Result<RecordedSale> recorded = m_ledger.recordRefund(refund);
        if (!recorded)
            return Failure{recorded.error()};
        ++m_stats.refunds;
        return events;
    }

    storage::Ledger& m_ledger;
    GeneratorOptions m_options;
    GeneratorRandom m_random;
    QDate m_firstDay;
    qint64 m_cashiers[cashierCount] = {};
    qint64 m_owner = 0;
    QList<GeneratedProduct> m_products;
    QList<int> m_popularity;
    QList<GeneratedCard> m_cards;
    QList<qint64> m_salesPerDay;
    QList<Event> m_events;
    qsizetype m_nextEvent = 0;
    bool m_dayPlanned = false;
    int m_day = 0;
    GeneratedShift m_tills[2];
    QList<RefundableSale> m_recent;
    qint64 m_qrSequence = 0;
    GeneratorStats m_stats;
};

} // namespace

Result<GeneratedLedger> generateLedger(storage::Ledger& ledger, const GeneratorOptions& options)
{
    LedgerGenerator generator(ledger, options);
    if (const Result<> generated = generator.run(); !generated)
        return Failure{generated.error()};
    return GeneratedLedger{generator.stats(), generator.firstDay(), LedgerGenerator::productCount};
}

} // namespace cli
} // namespace pos
