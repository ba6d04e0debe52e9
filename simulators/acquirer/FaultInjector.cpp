// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "simulators/acquirer/FaultInjector.h"

#include <array>
#include <utility>

namespace pos {
namespace sim {
namespace {

constexpr std::array<std::pair<FaultKind, const char*>, 13> faultNames = {{
    {FaultKind::None, "none"},
    {FaultKind::DropRequest, "drop-request"},
    {FaultKind::DropResponse, "drop-response"},
    {FaultKind::Delay, "delay"},
    {FaultKind::LateAfterReversal, "late-after-reversal"},
    {FaultKind::Duplicate, "duplicate"},
    {FaultKind::DisconnectMidFrame, "disconnect-mid-frame"},
    {FaultKind::BadMac, "bad-mac"},
    {FaultKind::Garbage, "garbage"},
    {FaultKind::Rc68, "rc68"},
    {FaultKind::Rc91, "rc91"},
    {FaultKind::Rc96, "rc96"},
    {FaultKind::RcA0, "rcA0"},
}};

// Tolerance for probabilities such as 0.1 + 0.2 + 0.7 that sum to 1 only approximately.
constexpr double sumTolerance = 1e-9;

} // namespace

QString faultName(FaultKind kind)
{
    for (const auto& [candidate, name] : faultNames) {
        if (candidate == kind)
            return QString::fromLatin1(name);
    }
    return QString();
}

std::optional<FaultKind> faultKindFromName(QStringView name)
{
    for (const auto& [kind, candidate] : faultNames) {
        if (name == QLatin1String(candidate))
            return kind;
    }
    return std::nullopt;
}

QString faultResponseCode(FaultKind kind)
{
    switch (kind) {
    case FaultKind::Rc68: return QStringLiteral("68");
    case FaultKind::Rc91: return QStringLiteral("91");
    case FaultKind::Rc96: return QStringLiteral("96");
    case FaultKind::RcA0: return QStringLiteral("A0");
    default: return QString();
    }
}

Result<QList<FaultRule>> parseFaultSpec(QStringView spec)
{
    const QString trimmed = spec.trimmed().toString();
    if (trimmed == QLatin1String("none"))
        return QList<FaultRule>();
    if (trimmed.isEmpty())
        return fail(ErrorCode::InvalidInput, FaultInjector::tr("The fault specification is empty."),
                    QStringLiteral("empty --faults"));
    QList<FaultRule> rules;
    double sum = 0.0;
    for (const QString& rawItem : trimmed.split(QLatin1Char(','))) {
        const QString item = rawItem.trimmed();
        const qsizetype equals = item.indexOf(QLatin1Char('='));
        const QString name = (equals < 0 ? item : item.left(equals)).trimmed();
        const std::optional<FaultKind> kind = faultKindFromName(name);
        if (!kind || *kind == FaultKind::None)
            return fail(ErrorCode::InvalidInput,
                        FaultInjector::tr("Unknown fault \"%1\" in the fault specification.").arg(name),
                        QStringLiteral("unknown fault '%1'").arg(name));
        double probability = 1.0;
        if (equals >= 0) {
            bool ok = false;
            probability = item.mid(equals + 1).trimmed().toDouble(&ok);
            if (!ok || !(probability > 0.0) || probability > 1.0)
                return fail(ErrorCode::InvalidInput,
                            FaultInjector::tr("The probability of fault \"%1\" must be a number above 0 and "
                                              "at most 1.")
                                .arg(name),
                            QStringLiteral("bad probability '%1'").arg(item.mid(equals + 1)));
        }
        for (const FaultRule& rule : std::as_const(rules)) {
            if (rule.kind == *kind)
                return fail(ErrorCode::InvalidInput,
                            FaultInjector::tr("Fault \"%1\" is listed twice.").arg(name),
                            QStringLiteral("duplicate fault '%1'").arg(name));
        }
        sum += probability;
        rules.append({*kind, probability});
    }
    if (sum > 1.0 + sumTolerance)
        return fail(ErrorCode::InvalidInput,
                    FaultInjector::tr("The fault probabilities add up to more than 1."),
                    QStringLiteral("probabilities sum to %1").arg(sum));
    return rules;
}

Result<QStringList> parseFaultMtis(QStringView list)
{
    QStringList mtis;
    for (const QStringView raw : list.split(QLatin1Char(','))) {
        const QString mti = raw.trimmed().toString();
        bool digits = mti.size() == 4;
        for (const QChar c : mti)
            digits = digits && c.isDigit();
        if (!digits)
            return fail(
                ErrorCode::InvalidInput,
                FaultInjector::tr("\"%1\" is not a message type (four digits such as 0200).").arg(mti),
                QStringLiteral("bad MTI '%1' in --fault-mtis").arg(mti));
        mtis.append(mti);
    }
    return mtis;
}

FaultInjector::FaultInjector(FaultConfig config) : m_config(std::move(config)), m_random(m_config.seed)
{}

double FaultInjector::uniform()
{
    // 53 random bits → [0, 1), identical on every platform (unlike std::uniform_real_distribution).
    return static_cast<double>(m_random() >> 11) * 0x1.0p-53;
}

FaultKind FaultInjector::draw(QStringView mti)
{
    if (m_config.rules.isEmpty() || !m_config.mtis.contains(mti))
        return FaultKind::None;
    const double u = uniform();
    double cumulative = 0.0;
    for (const FaultRule& rule : std::as_const(m_config.rules)) {
        cumulative += rule.probability;
        if (u < cumulative)
            return rule.kind;
    }
    return FaultKind::None;
}

QByteArray FaultInjector::garbage()
{
    const auto length = static_cast<qsizetype>(16 + m_random() % 49);
    QByteArray bytes(length, '\0');
    for (char& byte : bytes)
        byte = static_cast<char>(m_random() & 0xFF);
    return bytes;
}

} // namespace sim
} // namespace pos
