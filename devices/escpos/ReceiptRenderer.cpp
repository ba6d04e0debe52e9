// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "devices/escpos/ReceiptRenderer.h"

#include "core/receipt/TextLayout.h"
#include "devices/escpos/EscPosBuilder.h"

#include <utility>

namespace pos {
namespace devices {

namespace {

using receipt::Alignment;

constexpr int barcodeHeightDots = 80;
constexpr int barcodeModuleDots = 2;
constexpr int tearOffFeedLines = 4;

struct PrinterState
{
    Alignment alignment = Alignment::Left;
    bool bold = false;
    bool underline = false;
    bool doubleWidth = false;
    bool doubleHeight = false;
    bool chinese = false;
    bool barcodeSetUp = false;
};

EscPosBuilder::Alignment toBuilder(Alignment alignment)
{
    switch (alignment) {
    case Alignment::Centre: return EscPosBuilder::Alignment::Centre;
    case Alignment::Right: return EscPosBuilder::Alignment::Right;
    case Alignment::Left: break;
    }
    return EscPosBuilder::Alignment::Left;
}

bool isAscii(QStringView text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

bool isPrintableAscii(QStringView text)
{
    for (const QChar c : text) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7E)
            return false;
    }
    return true;
}

// One document's rendering pass: the builder, the tracked printer modes and the laid-out lines.
class RenderPass
{
public:
    explicit RenderPass(const PrinterProfile& profile) : m_profile(profile) { m_builder.initialize(); }

    void setStyle(const receipt::TextStyle& style)
    {
        if (style.alignment != m_state.alignment) {
            m_builder.align(toBuilder(style.alignment));
            m_state.alignment = style.alignment;
        }
        if (style.bold != m_state.bold) {
            m_builder.bold(style.bold);
            m_state.bold = style.bold;
        }
        if (style.underline != m_state.underline) {
            m_builder.underline(style.underline ? 1 : 0);
            m_state.underline = style.underline;
        }
        if (style.doubleWidth != m_state.doubleWidth || style.doubleHeight != m_state.doubleHeight) {
            m_builder.characterSize(style.doubleWidth ? 2 : 1, style.doubleHeight ? 2 : 1);
            m_state.doubleWidth = style.doubleWidth;
            m_state.doubleHeight = style.doubleHeight;
        }
    }

    void setAlignment(Alignment alignment)
    {
        if (alignment != m_state.alignment) {
            m_builder.align(toBuilder(alignment));
            m_state.alignment = alignment;
        }
    }

    // Characters this profile cannot print replaced by '?'; control characters dropped.
    QString printable(const QString& line) const
    {
        if (isPrintableAscii(line))
            return line;
        QString result;
        for (const char32_t codePoint : line.toUcs4()) {
            if (codePoint < 0x20 || codePoint == 0x7F)
                continue;
            const bool representable =
                codePoint < 0x80 || (m_profile.chineseMode && (m_profile.gb18030FourByte ||
                                                               !EscPosBuilder::isGb18030FourByte(codePoint)));
            if (representable)
                result += QString::fromUcs4(&codePoint, 1);
            else
                result += QLatin1Char('?');
        }
        return result;
    }

    Result<void> line(const QString& text)
    {
        const QString line = printable(text);
        if (!isAscii(line)) {
            if (!m_state.chinese) {
                m_builder.chineseMode(true);
                m_state.chinese = true;
            }
            if (Result<void> written = m_builder.chineseText(line); !written)
                return written;
        } else if (Result<void> written = m_builder.asciiText(line); !written) {
            return written;
        }
        m_builder.lineFeed();
        m_lines.append(line);
        return {};
    }

    Result<void> lines(const QStringList& texts)
    {
        for (const QString& text : texts) {
            if (Result<void> written = line(text); !written)
                return written;
        }
        return {};
    }

    int columns(bool doubleWidth) const
    {
        return doubleWidth ? m_profile.columnsFontA / 2 : m_profile.columnsFontA;
    }

    Result<void> render(const receipt::Block& block);

    RenderedReceipt finish()
    {
        if (m_state.chinese)
            m_builder.chineseMode(false);
        return RenderedReceipt{m_builder.takeBytes(), m_lines};
    }

private:
    Result<void> renderText(const receipt::TextBlock& block)
    {
        setStyle(block.style);
        return lines(receipt::wrapToWidth(block.text, columns(block.style.doubleWidth)));
    }
    Result<void> renderTwoColumns(const receipt::TwoColumnBlock& block)
    {
        receipt::TextStyle style;
        style.bold = block.bold;
        setStyle(style);
        return lines(receipt::twoColumns(block.label, block.amount, columns(false), block.truncateLabel));
    }
    Result<void> renderSeparator(const receipt::SeparatorBlock& block)
    {
        setStyle({});
        return line(QString(columns(false), block.character));
    }
    Result<void> renderTextFallback(const QString& payload)
    {
        receipt::TextStyle style;
        style.alignment = Alignment::Centre;
        setStyle(style);
        return lines(receipt::wrapToWidth(payload, columns(false)));
    }
    Result<void> renderQrCode(const receipt::QrCodeBlock& block)
    {
        if (!m_profile.qrCode)
            return renderTextFallback(block.payload);
        setAlignment(Alignment::Centre);
        return m_builder.qrCode(block.payload.toUtf8(), block.moduleSize,
                                EscPosBuilder::QrErrorCorrection::Medium);
    }
    Result<void> renderBarcode(const receipt::BarcodeBlock& block)
    {
        if (!m_profile.barcodeB)
            return renderTextFallback(block.payload);
        setAlignment(Alignment::Centre);
        if (!m_state.barcodeSetUp) {
            m_builder.barcodeHeight(barcodeHeightDots)
                .barcodeModuleWidth(barcodeModuleDots)
                .barcodeHri(EscPosBuilder::HriPosition::Below);
            m_state.barcodeSetUp = true;
        }
        const auto type = block.symbology == receipt::BarcodeSymbology::Ean13
                              ? EscPosBuilder::BarcodeType::Ean13
                              : EscPosBuilder::BarcodeType::Code128;
        return m_builder.barcode(type, block.payload.toLatin1());
    }
    Result<void> renderLogo(const receipt::LogoBlock& block)
    {
        if (!m_profile.rasterImage)
            return {};
        if (!block.isValid() || block.width > m_profile.dotsPerLine)
            return fail(ErrorCode::InvalidInput,
                        ReceiptRenderer::tr("The receipt logo does not fit this printer."),
                        QStringLiteral("logo %1x%2 dots, printer line %3 dots")
                            .arg(block.width)
                            .arg(block.height)
                            .arg(m_profile.dotsPerLine));
        setAlignment(Alignment::Centre);
        return m_builder.rasterImage(block.width, block.height, block.rows, m_profile.rasterBandRows);
    }
    void renderCut(const receipt::CutBlock& block)
    {
        if (!m_profile.fullCut && !m_profile.partialCut) {
            m_builder.feedLines(tearOffFeedLines);
            return;
        }
        const bool full = block.kind == receipt::CutKind::Full ? m_profile.fullCut : !m_profile.partialCut;
        m_builder.cut(full ? EscPosBuilder::Cut::Full : EscPosBuilder::Cut::Partial);
    }

    const PrinterProfile& m_profile;
    EscPosBuilder m_builder;
    PrinterState m_state;
    QStringList m_lines;
};

template <class... Ts>
struct Overloaded : Ts...
{
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

Result<void> RenderPass::render(const receipt::Block& block)
{
    return std::visit(Overloaded{
                          [this](const receipt::TextBlock& b) { return renderText(b); },
                          [this](const receipt::TwoColumnBlock& b) { return renderTwoColumns(b); },
                          [this](const receipt::SeparatorBlock& b) { return renderSeparator(b); },
                          [this](const receipt::QrCodeBlock& b) { return renderQrCode(b); },
                          [this](const receipt::BarcodeBlock& b) { return renderBarcode(b); },
                          [this](const receipt::LogoBlock& b) { return renderLogo(b); },
                          [this](const receipt::FeedBlock& b) {
                              m_builder.feedLines(b.lines);
                              return Result<void>{};
                          },
                          [this](const receipt::CutBlock& b) {
                              renderCut(b);
                              return Result<void>{};
                          },
                          [this](const receipt::DrawerKickBlock& b) {
                              if (m_profile.drawerKick)
                                  m_builder.drawerKick(b.pin, b.onMs, b.offMs);
                              return Result<void>{};
                          },
                      },
                      block);
}

} // namespace

ReceiptRenderer::ReceiptRenderer(PrinterProfile profile) : m_profile(std::move(profile))
{}

Result<RenderedReceipt> ReceiptRenderer::render(const receipt::ReceiptDocument& document) const
{
    RenderPass pass(m_profile);
    for (const receipt::Block& block : document.blocks) {
        if (Result<void> rendered = pass.render(block); !rendered)
            return Failure{rendered.error()};
    }
    return pass.finish();
}

} // namespace devices
} // namespace pos
