// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "core/receipt/ReceiptDocument.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <optional>

namespace pos {
namespace receipt {

namespace {

constexpr int formatVersion = 1;

template <class... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

QString alignmentName(Alignment alignment)
{
    switch (alignment) {
    case Alignment::Left: return QStringLiteral("left");
    case Alignment::Centre: return QStringLiteral("centre");
    case Alignment::Right: return QStringLiteral("right");
    }
    return QStringLiteral("left");
}

std::optional<Alignment> alignmentFromName(const QString& name)
{
    if (name == QLatin1String("left"))
        return Alignment::Left;
    if (name == QLatin1String("centre"))
        return Alignment::Centre;
    if (name == QLatin1String("right"))
        return Alignment::Right;
    return std::nullopt;
}

QString symbologyName(BarcodeSymbology symbology)
{
    return symbology == BarcodeSymbology::Ean13 ? QStringLiteral("ean13") : QStringLiteral("code128");
}

QJsonObject blockToJson(const Block& block)
{
    return std::visit(Overloaded{
                          [](const TextBlock& b) {
                              return QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                                 {QStringLiteral("text"), b.text},
                                                 {QStringLiteral("align"), alignmentName(b.style.alignment)},
                                                 {QStringLiteral("bold"), b.style.bold},
                                                 {QStringLiteral("doubleWidth"), b.style.doubleWidth},
                                                 {QStringLiteral("doubleHeight"), b.style.doubleHeight},
                                                 {QStringLiteral("underline"), b.style.underline}};
                          },
                          [](const TwoColumnBlock& b) {
                              return QJsonObject{{QStringLiteral("type"), QStringLiteral("twoColumns")},
                                                 {QStringLiteral("label"), b.label},
                                                 {QStringLiteral("amount"), b.amount},
                                                 {QStringLiteral("bold"), b.bold},
                                                 {QStringLiteral("truncateLabel"), b.truncateLabel}};
                          },
                          [](const SeparatorBlock& b) {
                              return QJsonObject{{QStringLiteral("type"), QStringLiteral("separator")},
                                                 {QStringLiteral("character"), QString(b.character)}};
                          },
                          [](const QrCodeBlock& b) {
                              return QJsonObject{{QStringLiteral("type"), QStringLiteral("qr")},
                                                 {QStringLiteral("payload"), b.payload},
                                                 {QStringLiteral("moduleSize"), b.moduleSize}};
                          },
                          [](const BarcodeBlock& b) {
                              return QJsonObject{{QStringLiteral("type"), QStringLiteral("barcode")},
                                                 {QStringLiteral("symbology"), symbologyName(b.symbology)},
                                                 {QStringLiteral("payload"), b.payload}};
                          },
                          [](const LogoBlock& b) {
                              return QJsonObject{
                                  {QStringLiteral("type"), QStringLiteral("logo")},
                                  {QStringLiteral("width"), b.width},
                                  {QStringLiteral("height"), b.height},
                                  {QStringLiteral("rows"), QString::fromLatin1(b.rows.toBase64())}};
                          },
                          [](const FeedBlock& b) {
                              return QJsonObject{{QStringLiteral("type"), QStringLiteral("feed")},
                                                 {QStringLiteral("lines"), b.lines}};
                          },
                          [](const CutBlock& b) {
                              return QJsonObject{{QStringLiteral("type"), QStringLiteral("cut")},
                                                 {QStringLiteral("kind"), b.kind == CutKind::Full
                                                                              ? QStringLiteral("full")
                                                                              : QStringLiteral("partial")}};
                          },
                          [](const DrawerKickBlock& b) {
                              return QJsonObject{{QStringLiteral("type"), QStringLiteral("drawerKick")},
                                                 {QStringLiteral("pin"), b.pin},
                                                 {QStringLiteral("onMs"), b.onMs},
                                                 {QStringLiteral("offMs"), b.offMs}};
                          },
                      },
                      block);
}

// Reads the fields of one JSON block object; remembers the first problem for the error detail.
class FieldReader
{
public:
    FieldReader(const QJsonObject& object, qsizetype index) : m_object(object), m_index(index) {}

    QString string(const char* key, const QString& fallback = {})
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined())
            return fallback;
        if (!value.isString())
            problem(key, "is not a string");
        return value.toString();
    }
    bool boolean(const char* key)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined())
            return false;
        if (!value.isBool())
            problem(key, "is not a boolean");
        return value.toBool();
    }
    int integer(const char* key, int fallback, int minimum, int maximum)
    {
        const QJsonValue value = m_object.value(QLatin1String(key));
        if (value.isUndefined())
            return fallback;
        const double number = value.toDouble(-1e300);
        if (!value.isDouble() || number != static_cast<double>(static_cast<long long>(number)) ||
            number < minimum || number > maximum) {
            problem(key, "is not an integer in range");
            return fallback;
        }
        return static_cast<int>(number);
    }
    void problem(const char* key, const char* what)
    {
        if (m_problem.isEmpty())
            m_problem = QStringLiteral("block %1: field '%2' %3")
                            .arg(m_index)
                            .arg(QLatin1String(key), QLatin1String(what));
    }
    const QString& firstProblem() const { return m_problem; }

private:
    const QJsonObject& m_object;
    qsizetype m_index;
    QString m_problem;
};

std::optional<Block> blockFromJson(FieldReader& reader)
{
    const QString type = reader.string("type");
    if (type == QLatin1String("text")) {
        TextBlock block;
        block.text = reader.string("text");
        const std::optional<Alignment> alignment =
            alignmentFromName(reader.string("align", QStringLiteral("left")));
        if (!alignment)
            reader.problem("align", "is not left, centre or right");
        block.style.alignment = alignment.value_or(Alignment::Left);
        block.style.bold = reader.boolean("bold");
        block.style.doubleWidth = reader.boolean("doubleWidth");
        block.style.doubleHeight = reader.boolean("doubleHeight");
        block.style.underline = reader.boolean("underline");
        return block;
    }
    if (type == QLatin1String("twoColumns"))
        return TwoColumnBlock{reader.string("label"), reader.string("amount"), reader.boolean("bold"),
                              reader.boolean("truncateLabel")};
    if (type == QLatin1String("separator")) {
        const QString character = reader.string("character", QStringLiteral("-"));
        if (character.size() != 1 || character.at(0).unicode() < 0x20 || character.at(0).unicode() > 0x7e) {
            reader.problem("character", "is not one printable ASCII character");
            return SeparatorBlock{};
        }
        return SeparatorBlock{character.at(0)};
    }
    if (type == QLatin1String("qr"))
        return QrCodeBlock{reader.string("payload"), reader.integer("moduleSize", 6, 1, 16)};
    if (type == QLatin1String("barcode")) {
        const QString symbology = reader.string("symbology");
        BarcodeBlock block{BarcodeSymbology::Code128, reader.string("payload")};
        if (symbology == QLatin1String("ean13"))
            block.symbology = BarcodeSymbology::Ean13;
        else if (symbology != QLatin1String("code128"))
            reader.problem("symbology", "is not code128 or ean13");
        return block;
    }
    if (type == QLatin1String("logo")) {
        LogoBlock block;
        block.width = reader.integer("width", 0, 1, 65535);
        block.height = reader.integer("height", 0, 1, 65535);
        const QByteArray base64 = reader.string("rows").toLatin1();
        auto decoded = QByteArray::fromBase64Encoding(base64, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            reader.problem("rows", "is not base64");
        block.rows = decoded.decoded;
        if (!block.isValid())
            reader.problem("rows", "does not hold height rows of (width + 7) / 8 bytes");
        return block;
    }
    if (type == QLatin1String("feed"))
        return FeedBlock{reader.integer("lines", 1, 0, 255)};
    if (type == QLatin1String("cut")) {
        const QString kind = reader.string("kind", QStringLiteral("partial"));
        if (kind != QLatin1String("full") && kind != QLatin1String("partial"))
            reader.problem("kind", "is not full or partial");
        return CutBlock{kind == QLatin1String("full") ? CutKind::Full : CutKind::Partial};
    }
    if (type == QLatin1String("drawerKick")) {
        DrawerKickBlock block;
        block.pin = reader.integer("pin", 2, 2, 5);
        if (block.pin != 2 && block.pin != 5)
            reader.problem("pin", "is not 2 or 5");
        block.onMs = reader.integer("onMs", 120, 2, 510);
        block.offMs = reader.integer("offMs", 240, 2, 510);
        return block;
    }
    reader.problem("type", "names no known block type");
    return std::nullopt;
}

Failure invalidDocument(const QString& detail)
{
    return fail(ErrorCode::InvalidInput,
                QCoreApplication::translate("ReceiptDocument", "The stored receipt could not be read."),
                detail);
}

} // namespace

ReceiptDocument& ReceiptDocument::text(const QString& text, TextStyle style)
{
    blocks.append(TextBlock{text, style});
    return *this;
}

ReceiptDocument& ReceiptDocument::twoColumns(const QString& label, const QString& amount, bool bold)
{
    blocks.append(TwoColumnBlock{label, amount, bold, false});
    return *this;
}

ReceiptDocument& ReceiptDocument::separator(QChar character)
{
    blocks.append(SeparatorBlock{character});
    return *this;
}

ReceiptDocument& ReceiptDocument::qrCode(const QString& payload, int moduleSize)
{
    blocks.append(QrCodeBlock{payload, moduleSize});
    return *this;
}

ReceiptDocument& ReceiptDocument::barcode(BarcodeSymbology symbology, const QString& payload)
{
    blocks.append(BarcodeBlock{symbology, payload});
    return *this;
}

ReceiptDocument& ReceiptDocument::logo(int width, int height, const QByteArray& rows)
{
    blocks.append(LogoBlock{width, height, rows});
    return *this;
}

ReceiptDocument& ReceiptDocument::feed(int lines)
{
    blocks.append(FeedBlock{lines});
    return *this;
}

ReceiptDocument& ReceiptDocument::cut(CutKind kind)
{
    blocks.append(CutBlock{kind});
    return *this;
}

ReceiptDocument& ReceiptDocument::drawerKick(int pin)
{
    blocks.append(DrawerKickBlock{pin, 120, 240});
    return *this;
}

QJsonObject ReceiptDocument::toJson() const
{
    QJsonArray array;
    for (const Block& block : blocks)
        array.append(blockToJson(block));
    return QJsonObject{{QStringLiteral("version"), formatVersion}, {QStringLiteral("blocks"), array}};
}

QByteArray ReceiptDocument::toJsonBytes() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

Result<ReceiptDocument> ReceiptDocument::fromJson(const QJsonObject& object)
{
    if (object.value(QLatin1String("version")).toInt(-1) != formatVersion)
        return invalidDocument(QStringLiteral("receipt JSON: unsupported or missing version"));
    const QJsonValue blocksValue = object.value(QLatin1String("blocks"));
    if (!blocksValue.isArray())
        return invalidDocument(QStringLiteral("receipt JSON: 'blocks' is not an array"));
    const QJsonArray array = blocksValue.toArray();
    ReceiptDocument document;
    for (qsizetype index = 0; index < array.size(); ++index) {
        if (!array.at(index).isObject())
            return invalidDocument(QStringLiteral("receipt JSON: block %1 is not an object").arg(index));
        const QJsonObject blockObject = array.at(index).toObject();
        FieldReader reader(blockObject, index);
        std::optional<Block> block = blockFromJson(reader);
        if (!block || !reader.firstProblem().isEmpty())
            return invalidDocument(QStringLiteral("receipt JSON: ") + reader.firstProblem());
        document.blocks.append(std::move(*block));
    }
    return document;
}

Result<ReceiptDocument> ReceiptDocument::fromJsonBytes(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return invalidDocument(
            QStringLiteral("receipt JSON: not a JSON object (%1)").arg(error.errorString()));
    return fromJson(document.object());
}

} // namespace receipt
} // namespace pos
