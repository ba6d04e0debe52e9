// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/printer/ReceiptRasterizer.h"

#include "simulators/printer/BarcodeModules.h"
#include "simulators/printer/EscPosDecoder.h"

#include <QFont>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QSaveFile>

#include <algorithm>

namespace pos {
namespace sim {
namespace {

constexpr int cellHeight = 24;
constexpr int narrowCell = 12;
constexpr int wideCell = 24;
constexpr int defaultLinePitch = 30;
constexpr int cutStripHeight = 12;

struct Glyph
{
    char32_t codePoint = 0;
    int cellWidth = narrowCell;
    int widthScale = 1;
    int heightScale = 1;
    bool bold = false;
    int underline = 0;
};

// Lays the decoded stream out as horizontal strips (one per printed line, symbol, image, feed or cut) and
// keeps the text output alongside.
class Page
{
public:
    explicit Page(int paperDots) : m_paperDots(paperDots), m_areaWidth(paperDots)
    {
        m_font = QFont(ReceiptRasterizer::fontFamily());
        m_font.setPixelSize(22);
        m_font.setStyleStrategy(QFont::NoAntialias);
        m_boldFont = m_font;
        m_boldFont.setBold(true);
    }

    void run(const EscPosDecoded& decoded)
    {
        for (const EscPosItem& item : decoded.items) {
            if (item.kind == EscPosItem::Kind::Text)
                addText(item);
            else
                command(item);
        }
        flushLine(false);
    }

    RasterizedReceipt finish()
    {
        RasterizedReceipt result;
        QImage page(m_paperDots, std::max(m_height, 1), QImage::Format_RGB32);
        page.fill(Qt::white);
        QPainter painter(&page);
        int y = 0;
        for (const QImage& strip : std::as_const(m_strips)) {
            painter.drawImage(0, y, strip);
            y += strip.height();
        }
        painter.end();
        result.image = page.convertToFormat(QImage::Format_Mono, Qt::ThresholdDither);
        result.textLines = m_text;
        result.qrAreas = m_qrAreas;
        result.barcodeAreas = m_barcodeAreas;
        return result;
    }

private:
    void resetModes()
    {
        m_alignment = 0;
        m_bold = false;
        m_underline = 0;
        m_widthScale = 1;
        m_heightScale = 1;
        m_leftMargin = 0;
        m_areaWidth = m_paperDots;
        m_linePitch = defaultLinePitch;
        m_barcodeHeight = 162;
        m_barcodeModule = 3;
        m_hri = 0;
        m_qrModule = 3;
        m_qrEcc = 49;
        m_qrData.clear();
    }

    void addText(const EscPosItem& item)
    {
        for (const char32_t codePoint : item.text.toUcs4()) {
            Glyph glyph{codePoint,    item.chinese && codePoint > 0x7F ? wideCell : narrowCell,
                        m_widthScale, m_heightScale,
                        m_bold,       m_underline};
            const int width = glyph.cellWidth * glyph.widthScale;
            if (!m_line.isEmpty() && m_lineWidth + width > m_areaWidth)
                flushLine(false); // the printer wraps a full line
            m_line.append(glyph);
            m_lineWidth += width;
            m_lineText += QString::fromUcs4(&codePoint, 1);
        }
    }

    void command(const EscPosItem& item)
    {
        const QString& name = item.mnemonic;
        const int n = item.parameter(0, 0);
        const auto twoByte = [&item] { return item.parameter(0, 0) + 256 * item.parameter(1, 0); };
        if (name == QLatin1String("LF")) {
            flushLine(true);
        } else if (name == QLatin1String("FF")) {
            flushLine(false);
        } else if (name == QLatin1String("ESC @")) {
            m_line.clear(); // ESC @ clears the print buffer
            m_lineWidth = 0;
            m_lineText.clear();
            resetModes();
        } else if (name == QLatin1String("ESC !")) {
            m_bold = n & 0x08;
            m_heightScale = n & 0x10 ? 2 : 1;
            m_widthScale = n & 0x20 ? 2 : 1;
            m_underline = n & 0x80 ? 1 : 0;
        } else if (name == QLatin1String("ESC E") || name == QLatin1String("ESC G")) {
            m_bold = n & 1;
        } else if (name == QLatin1String("ESC -")) {
            m_underline = std::clamp(n >= 48 ? n - 48 : n, 0, 2);
        } else if (name == QLatin1String("GS !")) {
            m_widthScale = ((n >> 4) & 7) + 1;
            m_heightScale = (n & 7) + 1;
        } else if (name == QLatin1String("ESC a")) {
            m_alignment = std::clamp(n >= 48 ? n - 48 : n, 0, 2);
        } else if (name == QLatin1String("ESC 2")) {
            m_linePitch = defaultLinePitch;
        } else if (name == QLatin1String("ESC 3")) {
            m_linePitch = n;
        } else if (name == QLatin1String("ESC d")) {
            flushLine(false);
            feed(n * m_linePitch);
        } else if (name == QLatin1String("ESC J")) {
            flushLine(false);
            feed(n);
        } else if (name == QLatin1String("GS L")) {
            m_leftMargin = std::clamp(twoByte(), 0, m_paperDots - narrowCell);
            m_areaWidth = std::min(m_areaWidth, m_paperDots - m_leftMargin);
        } else if (name == QLatin1String("GS W")) {
            m_areaWidth = std::clamp(twoByte(), narrowCell, m_paperDots - m_leftMargin);
        } else if (name == QLatin1String("GS h")) {
            m_barcodeHeight = std::max(n, 1);
        } else if (name == QLatin1String("GS w")) {
            m_barcodeModule = std::clamp(n, 1, 6);
        } else if (name == QLatin1String("GS H")) {
            m_hri = std::clamp(n >= 48 ? n - 48 : n, 0, 3);
        } else if (name == QLatin1String("GS k")) {
            flushLine(false);
            barcode(item);
        } else if (name == QLatin1String("GS ( k")) {
            qrFunction(item);
        } else if (name == QLatin1String("GS v 0")) {
            flushLine(false);
            raster(item);
        } else if (name == QLatin1String("GS V")) {
            flushLine(false);
            if (item.parameters.size() == 2)
                feed(item.parameter(1, 0));
            cut();
        }
        // Anything else (ESC t, FS &, ESC p, GS a, DLE ...) changes nothing on paper.
    }

    int alignedX(int width) const
    {
        const int free = std::max(m_areaWidth - width, 0);
        return m_leftMargin + (m_alignment == 1 ? free / 2 : m_alignment == 2 ? free : 0);
    }

    void addStrip(const QImage& strip, bool image = false)
    {
        m_strips.append(strip);
        m_height += strip.height();
        if (!image)
            m_lastImageLine = -1;
    }

    QImage blankStrip(int height) const
    {
        QImage strip(m_paperDots, std::max(height, 1), QImage::Format_RGB32);
        strip.fill(Qt::white);
        return strip;
    }

    void feed(int dots)
    {
        if (dots > 0)
            addStrip(blankStrip(dots));
    }

    void flushLine(bool evenIfEmpty)
    {
        if (m_line.isEmpty() && !evenIfEmpty)
            return;
        int tallest = cellHeight;
        for (const Glyph& glyph : std::as_const(m_line))
            tallest = std::max(tallest, cellHeight * glyph.heightScale);
        const int height = std::max(tallest + (m_linePitch - cellHeight), tallest);
        QImage strip = blankStrip(height);
        QPainter painter(&strip);
        painter.setPen(Qt::black);
        int x = alignedX(m_lineWidth);
        for (const Glyph& glyph : std::as_const(m_line)) {
            const int cellWidth = glyph.cellWidth * glyph.widthScale;
            const int top = tallest - cellHeight * glyph.heightScale;
            const QFont& font = glyph.bold ? m_boldFont : m_font;
            const QString character = QString::fromUcs4(&glyph.codePoint, 1);
            // A glyph wider than its cell (m, W in a proportional font) is squeezed, as printer fonts are
            // fixed.
            const qreal advance = QFontMetricsF(font).horizontalAdvance(character);
            const qreal squeeze = advance > glyph.cellWidth ? glyph.cellWidth / advance : 1.0;
            painter.save();
            painter.translate(x, top);
            painter.scale(glyph.widthScale * squeeze, glyph.heightScale);
            painter.setFont(font);
            painter.drawText(QRectF(0, 0, glyph.cellWidth / squeeze, cellHeight), Qt::AlignCenter, character);
            painter.restore();
            if (glyph.underline > 0)
                painter.fillRect(x, tallest - glyph.underline, cellWidth, glyph.underline, Qt::black);
            x += cellWidth;
        }
        painter.end();
        addStrip(strip);
        m_text.append(m_lineText);
        m_line.clear();
        m_lineWidth = 0;
        m_lineText.clear();
    }

    void drawHri(const QString& text, int centreX)
    {
        QImage strip = blankStrip(cellHeight + 6);
        QPainter painter(&strip);
        painter.setFont(m_font);
        painter.setPen(Qt::black);
        const int width = static_cast<int>(text.size()) * narrowCell;
        painter.drawText(QRect(centreX - width / 2, 3, width, cellHeight), Qt::AlignCenter, text);
        painter.end();
        addStrip(strip);
    }

    void barcode(const EscPosItem& item)
    {
        const int type = item.parameter(0, 0);
        std::optional<BarcodeSymbol> symbol;
        QString label;
        if (type == 73) {
            symbol = code128Symbol(item.data);
            label = QStringLiteral("CODE128");
        } else if (type == 67 || type == 2) {
            symbol = ean13Symbol(item.data);
            label = QStringLiteral("EAN13");
        }
        if (!symbol) {
            const QString data = QString::fromLatin1(item.data);
            m_text.append(QStringLiteral("[BARCODE %1: %2]").arg(type).arg(data));
            addTextStrip(data);
            return;
        }
        const int width = static_cast<int>(symbol->modules.size()) * m_barcodeModule;
        const int x = alignedX(width);
        if (m_hri == 1 || m_hri == 3)
            drawHri(symbol->humanReadable, x + width / 2);
        QImage strip = blankStrip(m_barcodeHeight);
        QPainter painter(&strip);
        for (qsizetype i = 0; i < symbol->modules.size(); ++i) {
            if (symbol->modules.at(i))
                painter.fillRect(x + static_cast<int>(i) * m_barcodeModule, 0, m_barcodeModule,
                                 m_barcodeHeight, Qt::black);
        }
        painter.end();
        m_barcodeAreas.append(QRect(x, m_height, width, m_barcodeHeight));
        addStrip(strip);
        if (m_hri == 2 || m_hri == 3)
            drawHri(symbol->humanReadable, x + width / 2);
        m_text.append(QStringLiteral("[%1: %2]").arg(label, symbol->humanReadable));
    }

    // A line of plain text outside the normal flow (a symbol the emulator cannot draw).
    void addTextStrip(const QString& text)
    {
        QImage strip = blankStrip(defaultLinePitch);
        QPainter painter(&strip);
        painter.setFont(m_font);
        painter.setPen(Qt::black);
        const int width = static_cast<int>(text.size()) * narrowCell;
        painter.drawText(QRect(alignedX(width), 0, width, cellHeight), Qt::AlignCenter, text);
        painter.end();
        addStrip(strip);
    }

    void qrFunction(const EscPosItem& item)
    {
        if (item.parameter(2) != 0x31)
            return; // not a QR code function (PDF417 and others are not drawn)
        const int function = item.parameter(3);
        const int argument = item.data.isEmpty() ? -1 : static_cast<quint8>(item.data.at(0));
        if (function == 0x43 && argument >= 1 && argument <= 16) {
            m_qrModule = argument;
        } else if (function == 0x45 && argument >= 48 && argument <= 51) {
            m_qrEcc = argument;
        } else if (function == 0x50) {
            m_qrData = item.data;
        } else if (function == 0x51) {
            flushLine(false);
            printQr();
        }
    }

    void printQr()
    {
        const std::optional<QrMatrix> matrix = qrMatrix(m_qrData, m_qrEcc);
        if (!matrix)
            return; // nothing stored, or too much: a printer prints nothing
        const int side = matrix->size * m_qrModule;
        const int x = alignedX(side);
        QImage strip = blankStrip(side);
        QPainter painter(&strip);
        for (int row = 0; row < matrix->size; ++row) {
            for (int column = 0; column < matrix->size; ++column) {
                if (matrix->dark(column, row))
                    painter.fillRect(x + column * m_qrModule, row * m_qrModule, m_qrModule, m_qrModule,
                                     Qt::black);
            }
        }
        painter.end();
        m_qrAreas.append(QRect(x, m_height, side, side));
        addStrip(strip);
        m_text.append(QStringLiteral("[QR: %1]").arg(QString::fromUtf8(m_qrData)));
    }

    void raster(const EscPosItem& item)
    {
        const int mode = item.parameter(0, 0) % 48;
        const int widthBytes = item.parameter(1, 0) + 256 * item.parameter(2, 0);
        const int rows = item.parameter(3, 0) + 256 * item.parameter(4, 0);
        if (widthBytes == 0 || rows == 0)
            return;
        const int scaleX = mode & 1 ? 2 : 1;
        const int scaleY = mode & 2 ? 2 : 1;
        const int width = widthBytes * 8;
        const int x = alignedX(width * scaleX);
        QImage strip = blankStrip(rows * scaleY);
        QPainter painter(&strip);
        for (int row = 0; row < rows; ++row) {
            for (int column = 0; column < width; ++column) {
                const qsizetype index = qsizetype(row) * widthBytes + column / 8;
                if (static_cast<quint8>(item.data.at(index)) & (0x80 >> (column % 8)))
                    painter.fillRect(x + column * scaleX, row * scaleY, scaleX, scaleY, Qt::black);
            }
        }
        painter.end();
        if (m_lastImageLine >= 0 && m_lastImageWidth == width * scaleX) {
            m_lastImageHeight += rows * scaleY;
            m_text[m_lastImageLine] =
                QStringLiteral("[IMAGE %1x%2]").arg(m_lastImageWidth).arg(m_lastImageHeight);
        } else {
            m_lastImageWidth = width * scaleX;
            m_lastImageHeight = rows * scaleY;
            m_text.append(QStringLiteral("[IMAGE %1x%2]").arg(m_lastImageWidth).arg(m_lastImageHeight));
            m_lastImageLine = static_cast<int>(m_text.size()) - 1;
        }
        addStrip(strip, true);
    }

    void cut()
    {
        QImage strip = blankStrip(cutStripHeight);
        QPainter painter(&strip);
        for (int x = 0; x < m_paperDots; x += 12)
            painter.fillRect(x, cutStripHeight / 2, 8, 1, Qt::black);
        painter.end();
        addStrip(strip);
        m_text.append(QStringLiteral("[CUT]"));
    }

    const int m_paperDots;
    QFont m_font;
    QFont m_boldFont;

    int m_alignment = 0;
    bool m_bold = false;
    int m_underline = 0;
    int m_widthScale = 1;
    int m_heightScale = 1;
    int m_leftMargin = 0;
    int m_areaWidth;
    int m_linePitch = defaultLinePitch;
    int m_barcodeHeight = 162;
    int m_barcodeModule = 3;
    int m_hri = 0;
    int m_qrModule = 3;
    int m_qrEcc = 49;
    QByteArray m_qrData;

    QList<Glyph> m_line;
    int m_lineWidth = 0;
    QString m_lineText;

    QList<QImage> m_strips;
    int m_height = 0;
    QStringList m_text;
    QList<QRect> m_qrAreas;
    QList<QRect> m_barcodeAreas;
    int m_lastImageLine = -1;
    int m_lastImageWidth = 0;
    int m_lastImageHeight = 0;
};

} // namespace

std::optional<int> ReceiptRasterizer::paperDotsFor(const QString& profile)
{
    if (profile == QLatin1String("58mm"))
        return dots58mm;
    if (profile == QLatin1String("80mm"))
        return dots80mm;
    return std::nullopt;
}

Result<RasterizedReceipt> ReceiptRasterizer::render(QByteArrayView escPos) const
{
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return Failure{Error{ErrorCode::Internal, tr("The receipt cannot be drawn in this program."),
                             QStringLiteral("ReceiptRasterizer needs a QGuiApplication for its fonts")}};
    const EscPosDecoded decoded = decodeEscPos(escPos);
    Page page(m_paperDots);
    page.run(decoded);
    RasterizedReceipt result = page.finish();
    result.decodeError = decoded.error;
    return result;
}

Result<void>
ReceiptRasterizer::save(const RasterizedReceipt& receipt, const QString& pngPath, const QString& textPath)
{
    const auto failed = [](const QString& path, const QString& why) {
        return Failure{Error{ErrorCode::IoFailure, tr("The printed receipt could not be saved."),
                             QStringLiteral("cannot write %1: %2").arg(path, why)}};
    };
    QSaveFile png(pngPath);
    if (!png.open(QIODevice::WriteOnly) || !receipt.image.save(&png, "PNG") || !png.commit())
        return failed(pngPath, png.errorString());
    QSaveFile text(textPath);
    QByteArray utf8;
    for (const QString& line : receipt.textLines)
        utf8 += line.toUtf8() + '\n';
    if (!text.open(QIODevice::WriteOnly) || text.write(utf8) != utf8.size() || !text.commit())
        return failed(textPath, text.errorString());
    return {};
}

} // namespace sim
} // namespace pos
