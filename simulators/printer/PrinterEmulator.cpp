// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/printer/PrinterEmulator.h"

#include "simulators/printer/EscPosDecoder.h"

#include <cstring>

namespace pos {
namespace sim {
namespace {

constexpr char dle = 0x10;
constexpr char eot = 0x04;
constexpr quint8 dleEotFixedBits = 0x12;   // 0xx1xx10
constexpr quint8 asbFirstFixedBits = 0x10; // 0xx1xx00

bool is(const char* mnemonic, const char* name)
{
    return std::strcmp(mnemonic, name) == 0;
}

// Commands that put something on paper (for "an ESC @ after printed output starts a new job").
bool printsSomething(const char* mnemonic)
{
    for (const char* name :
         {"LF", "FF", "ESC d", "ESC J", "ESC *", "GS k", "GS v 0", "GS ( k", "GS ( L", "GS 8 L", "FS p"}) {
        if (is(mnemonic, name))
            return true;
    }
    return false;
}

Error usage(const QString& detail)
{
    return {ErrorCode::InvalidInput, PrinterEmulator::tr("The printer emulator options are not valid."),
            detail};
}

} // namespace

Result<PrinterFaults> parsePrinterFaults(const QString& spec)
{
    PrinterFaults faults;
    for (const QString& rawPart : spec.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString part = rawPart.trimmed();
        if (part == QLatin1String("silence")) {
            faults.silence = true;
            continue;
        }
        const qsizetype at = part.indexOf(QLatin1Char('@'));
        bool ok = false;
        const qint64 count = at > 0 ? part.mid(at + 1).toLongLong(&ok) : -1;
        if (!ok || count < 0)
            return Failure{usage(QStringLiteral("fault '%1' is not NAME@BYTES or silence").arg(part))};
        const QString name = part.left(at);
        if (name == QLatin1String("paper-out"))
            faults.paperOutAt = count;
        else if (name == QLatin1String("cover-open"))
            faults.coverOpenAt = count;
        else if (name == QLatin1String("offline"))
            faults.offlineAt = count;
        else if (name == QLatin1String("disconnect"))
            faults.disconnectAt = count;
        else
            return Failure{usage(QStringLiteral("unknown fault '%1'").arg(name))};
    }
    return faults;
}

PrinterEmulator::PrinterEmulator() : PrinterEmulator(DeviceState{}, PrinterFaults{})
{}

PrinterEmulator::PrinterEmulator(DeviceState initial, PrinterFaults faults)
    : m_state(initial)
    , m_faults(faults)
{}

Result<PrinterEmulator::DeviceState> PrinterEmulator::parseInitialState(const QString& name)
{
    DeviceState state;
    if (name == QLatin1String("paper-out"))
        state.paper = Paper::Out;
    else if (name == QLatin1String("paper-near-end"))
        state.paper = Paper::NearEnd;
    else if (name == QLatin1String("cover-open"))
        state.coverOpen = true;
    else if (name == QLatin1String("offline"))
        state.offline = true;
    else if (name != QLatin1String("ready"))
        return Failure{usage(QStringLiteral("unknown --state '%1'").arg(name))};
    return state;
}

quint8 PrinterEmulator::dleEotReply(int n) const
{
    const bool paperOut = m_state.paper == Paper::Out;
    quint8 reply = dleEotFixedBits;
    switch (n) {
    case 1:
        reply |= m_state.drawerOpen ? 0x04 : 0x00;
        reply |= canPrint() ? 0x00 : 0x08;
        break;
    case 2:
        reply |= m_state.coverOpen ? 0x04 : 0x00;
        reply |= paperOut ? 0x20 : 0x00;
        break;
    case 4:
        reply |= m_state.paper != Paper::Present ? 0x0C : 0x00;
        reply |= paperOut ? 0x60 : 0x00;
        break;
    default: break;
    }
    return reply;
}

QByteArray PrinterEmulator::asbBlock() const
{
    quint8 first = asbFirstFixedBits;
    first |= m_state.drawerOpen ? 0x04 : 0x00;
    first |= canPrint() ? 0x00 : 0x08;
    first |= m_state.coverOpen ? 0x20 : 0x00;
    quint8 paper = 0;
    paper |= m_state.paper != Paper::Present ? 0x03 : 0x00;
    paper |= m_state.paper == Paper::Out ? 0x0C : 0x00;
    QByteArray block(4, '\0');
    block[0] = static_cast<char>(first);
    block[2] = static_cast<char>(paper);
    return block;
}

PrinterEmulator::Reaction PrinterEmulator::receive(QByteArrayView bytes)
{
    Reaction reaction;
    const qint64 lostBefore = m_lost;
    consume(bytes, reaction);
    scanJob(reaction);
    if (m_lost != lostBefore)
        reaction.events.append(QStringLiteral("lost %1").arg(m_lost));
    return reaction;
}

void PrinterEmulator::consume(QByteArrayView bytes, Reaction& reaction)
{
    for (const char byte : bytes) {
        if (m_hungUp)
            return;
        ++m_received;
        // Bytes held back as a possible DLE EOT and now known to be data go through again.
        QByteArray queue(1, byte);
        while (!queue.isEmpty()) {
            const char c = queue.front();
            queue.remove(0, 1);
            if (m_dlePending.isEmpty() && c != dle) {
                appendToJob(c, reaction);
                continue;
            }
            m_dlePending.append(c);
            if (m_dlePending.size() == 2 && c != eot) {
                appendToJob(dle, reaction);
                queue.prepend(c);
                m_dlePending.clear();
            } else if (m_dlePending.size() == 3) {
                const int n = static_cast<quint8>(c);
                if (n >= 1 && n <= 4) {
                    if (!m_faults.silence)
                        reaction.reply.append(static_cast<char>(dleEotReply(n)));
                } else {
                    appendToJob(dle, reaction);
                    appendToJob(eot, reaction);
                    queue.prepend(c);
                }
                m_dlePending.clear();
            }
        }
        applyFaults(reaction);
    }
}

void PrinterEmulator::appendToJob(char byte, Reaction& reaction)
{
    if (canPrint()) {
        m_job.append(byte);
        return;
    }
    ++m_lost;
    // GS a is obeyed even now: a real printer would buffer it and run it later, the emulator discards the
    // buffer, and a driver enabling ASB while the printer is out of paper must still get its status blocks.
    m_discardTail.append(byte);
    if (m_discardTail.size() > 3)
        m_discardTail.remove(0, m_discardTail.size() - 3);
    if (m_discardTail.size() == 3 && m_discardTail.startsWith("\x1d\x61")) {
        m_asbEnabled = m_discardTail.at(2) != 0;
        if (m_asbEnabled)
            reaction.reply.append(asbBlock());
        m_discardTail.clear();
    }
}

void PrinterEmulator::applyFaults(Reaction& reaction)
{
    const auto due = [this](std::optional<qint64>& at) {
        if (!at || *at != m_received)
            return false;
        at.reset();
        return true;
    };
    if (due(m_faults.paperOutAt)) {
        scanJob(reaction);
        reaction.events.append(QStringLiteral("fault paper-out"));
        DeviceState next = m_state;
        next.paper = Paper::Out;
        changeState(next, reaction);
    }
    if (due(m_faults.coverOpenAt)) {
        scanJob(reaction);
        reaction.events.append(QStringLiteral("fault cover-open"));
        DeviceState next = m_state;
        next.coverOpen = true;
        changeState(next, reaction);
    }
    if (due(m_faults.offlineAt)) {
        scanJob(reaction);
        reaction.events.append(QStringLiteral("fault offline"));
        DeviceState next = m_state;
        next.offline = true;
        changeState(next, reaction);
    }
    if (due(m_faults.disconnectAt)) {
        scanJob(reaction);
        reaction.events.append(QStringLiteral("fault disconnect"));
        reaction.hangUp = true;
        m_hungUp = true;
    }
}

void PrinterEmulator::changeState(const DeviceState& next, Reaction& reaction)
{
    if (next == m_state)
        return;
    m_state = next;
    if (m_asbEnabled)
        reaction.reply.append(asbBlock());
}

void PrinterEmulator::scanJob(Reaction& reaction)
{
    while (m_scanned < m_job.size()) {
        const EscPosSpan span = measureEscPos(m_job, m_scanned);
        if (span.status == EscPosSpan::Status::Incomplete)
            return;
        if (span.status == EscPosSpan::Status::Unknown) {
            ++m_scanned; // a printer ignores a byte it cannot read
            continue;
        }
        const bool output = !span.mnemonic || printsSomething(span.mnemonic);
        const bool reset = span.mnemonic && is(span.mnemonic, "ESC @");
        // After a cut the job takes the commands that print nothing (FS ., ESC p ...) and ends before the
        // next output or ESC @; an ESC @ after output without a cut starts a new job as well.
        if ((m_cutEnd >= 0 && (output || reset)) || (reset && m_jobHasOutput)) {
            finishJob(m_scanned, reaction);
            continue;
        }
        const qsizetype start = m_scanned;
        m_scanned += span.length;
        if (output) {
            m_jobHasOutput = true;
            continue;
        }
        if (is(span.mnemonic, "GS V")) {
            if (m_cutEnd < 0)
                m_cutEnd = m_scanned;
        } else if (is(span.mnemonic, "GS a")) {
            m_asbEnabled = m_job.at(start + 2) != 0;
            if (m_asbEnabled)
                reaction.reply.append(asbBlock());
        } else if (is(span.mnemonic, "ESC p")) {
            if (!m_state.drawerOpen)
                reaction.events.append(QStringLiteral("drawer open"));
            DeviceState next = m_state;
            next.drawerOpen = true;
            changeState(next, reaction);
        }
    }
}

void PrinterEmulator::finishJob(qsizetype length, Reaction& reaction)
{
    if (length > 0)
        reaction.jobs.append(m_job.left(length));
    m_job.remove(0, length);
    m_scanned = 0;
    m_cutEnd = -1;
    m_jobHasOutput = false;
}

PrinterEmulator::Reaction PrinterEmulator::idle()
{
    Reaction reaction;
    if (m_cutEnd >= 0)
        finishJob(m_scanned, reaction);
    return reaction;
}

PrinterEmulator::Reaction PrinterEmulator::connectionClosed()
{
    Reaction reaction;
    const QByteArray pending = std::exchange(m_dlePending, {});
    for (const char c : pending)
        appendToJob(c, reaction);
    scanJob(reaction);
    if (!m_job.isEmpty())
        finishJob(m_job.size(), reaction);
    m_hungUp = false;
    return reaction;
}

PrinterEmulator::Reaction PrinterEmulator::control(const QString& line)
{
    Reaction reaction;
    const QString words = line.simplified().toLower();
    DeviceState next = m_state;
    if (words == QLatin1String("paper out"))
        next.paper = Paper::Out;
    else if (words == QLatin1String("paper near-end"))
        next.paper = Paper::NearEnd;
    else if (words == QLatin1String("paper in"))
        next.paper = Paper::Present;
    else if (words == QLatin1String("cover open"))
        next.coverOpen = true;
    else if (words == QLatin1String("cover close"))
        next.coverOpen = false;
    else if (words == QLatin1String("offline"))
        next.offline = true;
    else if (words == QLatin1String("online"))
        next.offline = false;
    else if (words == QLatin1String("drawer open"))
        next.drawerOpen = true;
    else if (words == QLatin1String("drawer close"))
        next.drawerOpen = false;
    else if (words == QLatin1String("unplug"))
        reaction.hangUp = true;
    else {
        reaction.events.append(QStringLiteral("error unknown control: %1").arg(words));
        return reaction;
    }
    // The state changes before the acknowledgement, so a host polling after it sees the new state.
    changeState(next, reaction);
    reaction.events.append(QStringLiteral("state %1").arg(words));
    return reaction;
}

} // namespace sim
} // namespace pos
