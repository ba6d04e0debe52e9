// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "support/EscPosTokenizer.h"

#include <QStringDecoder>

#include <algorithm>
#include <utility>

namespace pos {
namespace test {

namespace {

class Parser
{
public:
    explicit Parser(const QByteArray& bytes) : m_bytes(bytes) {}

    EscPosStream run()
    {
        while (m_pos < m_bytes.size() && m_stream.error.isEmpty())
            step();
        if (!m_text.isEmpty() || !m_line.isEmpty()) {
            flushText();
            m_stream.lines.append(m_line);
        }
        return m_stream;
    }

private:
    int byteAt(qsizetype index) const { return index < m_bytes.size() ? quint8(m_bytes.at(index)) : -1; }

    bool need(qsizetype length)
    {
        if (m_pos + length > m_bytes.size()) {
            m_stream.error = QStringLiteral("truncated command at offset %1").arg(m_pos);
            return false;
        }
        return true;
    }

    void command(const char* name, qsizetype length, int argument = -1)
    {
        if (!need(length))
            return;
        flushText();
        m_stream.commands.append(
            EscPosCommand{QString::fromLatin1(name), m_bytes.mid(m_pos, length), argument});
        m_pos += length;
    }

    void flushText()
    {
        if (m_text.isEmpty())
            return;
        if (m_chinese) {
            QStringDecoder decoder("GB18030");
            m_line += decoder.decode(m_text);
            if (decoder.hasError())
                m_stream.error = QStringLiteral("invalid GB18030 text before offset %1").arg(m_pos);
        } else {
            for (const char c : std::as_const(m_text)) {
                if (quint8(c) >= 0x80)
                    m_stream.error =
                        QStringLiteral("byte >= 0x80 outside Chinese mode before offset %1").arg(m_pos);
                m_line += QLatin1Char(c);
            }
        }
        m_text.clear();
    }

    void step()
    {
        const int b = byteAt(m_pos);
        const int b1 = byteAt(m_pos + 1);
        if (b == 0x0A) {
            command("LF", 1);
            m_stream.lines.append(m_line);
            m_line.clear();
        } else if (b == 0x1B) {
            escape(b1);
        } else if (b == 0x1D) {
            group(b1);
        } else if (b == 0x1C) {
            if (b1 == '&') {
                command("FS &", 2);
                m_chinese = true;
            } else if (b1 == '.') {
                command("FS .", 2);
                m_chinese = false;
            } else {
                unknown();
            }
        } else if (b < 0x20) {
            unknown();
        } else {
            m_text.append(char(b));
            ++m_pos;
        }
    }

    void escape(int b1)
    {
        switch (b1) {
        case '@':
            command("ESC @", 2);
            m_chinese = false;
            return;
        case 'a': return command("ESC a", 3, byteAt(m_pos + 2));
        case 'E': return command("ESC E", 3, byteAt(m_pos + 2));
        case '-': return command("ESC -", 3, byteAt(m_pos + 2));
        case 'd': return command("ESC d", 3, byteAt(m_pos + 2));
        case '!': return command("ESC !", 3, byteAt(m_pos + 2));
        case 'M': return command("ESC M", 3, byteAt(m_pos + 2));
        case 't': return command("ESC t", 3, byteAt(m_pos + 2));
        case 'p': return command("ESC p", 5, byteAt(m_pos + 2));
        default: return unknown();
        }
    }

    void group(int b1)
    {
        switch (b1) {
        case '!': return command("GS !", 3, byteAt(m_pos + 2));
        case 'h': return command("GS h", 3, byteAt(m_pos + 2));
        case 'w': return command("GS w", 3, byteAt(m_pos + 2));
        case 'H': return command("GS H", 3, byteAt(m_pos + 2));
        case 'f': return command("GS f", 3, byteAt(m_pos + 2));
        case 'V': {
            const int m = byteAt(m_pos + 2);
            return command("GS V", m >= 65 ? 4 : 3, m);
        }
        case 'k': {
            const int m = byteAt(m_pos + 2);
            if (m < 0)
                return command("GS k", 3);
            if (m <= 6) {
                qsizetype end = m_pos + 3;
                while (end < m_bytes.size() && m_bytes.at(end) != '\0')
                    ++end;
                return command("GS k", end + 1 - m_pos, m);
            }
            const int n = byteAt(m_pos + 3);
            return command("GS k", 4 + std::max(n, 0), m);
        }
        case '(': {
            if (byteAt(m_pos + 2) != 'k')
                return unknown();
            const int length = byteAt(m_pos + 3) + 256 * byteAt(m_pos + 4);
            return command("GS ( k", 5 + std::max(length, 0), byteAt(m_pos + 6));
        }
        case 'v': {
            if (byteAt(m_pos + 2) != '0' || !need(8))
                return unknown();
            const int x = byteAt(m_pos + 4) + 256 * byteAt(m_pos + 5);
            const int y = byteAt(m_pos + 6) + 256 * byteAt(m_pos + 7);
            return command("GS v 0", 8 + qsizetype(x) * y, byteAt(m_pos + 3));
        }
        default: return unknown();
        }
    }

    void unknown()
    {
        if (m_stream.error.isEmpty())
            m_stream.error = QStringLiteral("unknown command 0x%1 at offset %2")
                                 .arg(QString::fromLatin1(m_bytes.mid(m_pos, 2).toHex()))
                                 .arg(m_pos);
    }

    const QByteArray& m_bytes;
    qsizetype m_pos = 0;
    bool m_chinese = false;
    QByteArray m_text;
    QString m_line;
    EscPosStream m_stream;
};

} // namespace

QStringList EscPosStream::commandNames() const
{
    QStringList names;
    for (const EscPosCommand& c : commands)
        names.append(c.name);
    return names;
}

int EscPosStream::count(const QString& name) const
{
    int n = 0;
    for (const EscPosCommand& c : commands)
        n += c.name == name ? 1 : 0;
    return n;
}

EscPosStream tokenizeEscPos(const QByteArray& bytes)
{
    return Parser(bytes).run();
}

} // namespace test
} // namespace pos
