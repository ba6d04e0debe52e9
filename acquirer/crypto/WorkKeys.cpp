// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "acquirer/crypto/WorkKeys.h"

#include "acquirer/crypto/SchemeCipher.h"
#include "acquirer/crypto/ScopedWipe.h"
#include "core/crypto/CryptoPrimitives.h"

#include <QCoreApplication>

#include <utility>

namespace pos {
namespace acquirer {
namespace {

struct WorkKeyText
{
    Q_DECLARE_TR_FUNCTIONS(pos::acquirer::WorkKeys)
};

// Zero bytes after the MAK ciphertext: the 8-byte DES MAK of 003/004 occupies a 16-byte slot.
qsizetype paddingAfter(WorkKeyLayout layout, WorkKeyRole role)
{
    const bool doubleLengthSlot =
        layout == WorkKeyLayout::TripleDes003 || layout == WorkKeyLayout::TripleDesTrack004;
    return doubleLengthSlot && role == WorkKeyRole::Mac ? 8 : 0;
}

Result<void> checkTmk(WorkKeyLayout layout, KeyScheme tmkScheme, QByteArrayView tmk)
{
    if (!tmkFitsLayout(tmkScheme, layout))
        return fail(ErrorCode::InvalidInput,
                    WorkKeyText::tr("The master key does not match the key algorithm of the sign-on."),
                    QStringLiteral("%1 TMK cannot carry layout %2")
                        .arg(keySchemeName(tmkScheme), workKeyLayoutName(layout)));
    if (tmk.size() != keyLength(tmkScheme))
        return fail(ErrorCode::InvalidInput, WorkKeyText::tr("The master key has the wrong length."),
                    QStringLiteral("%1 TMK must be %2 bytes, got %3")
                        .arg(keySchemeName(tmkScheme))
                        .arg(keyLength(tmkScheme))
                        .arg(tmk.size()));
    return {};
}

} // namespace

WorkKeySet::~WorkKeySet()
{
    clear();
}

WorkKeySet::WorkKeySet(WorkKeySet&& other) noexcept
    : m_layout(other.m_layout)
    , m_pinKey(std::exchange(other.m_pinKey, {}))
    , m_macKey(std::exchange(other.m_macKey, {}))
    , m_trackKey(std::exchange(other.m_trackKey, {}))
{}

WorkKeySet& WorkKeySet::operator=(WorkKeySet&& other) noexcept
{
    if (this != &other) {
        clear();
        m_layout = other.m_layout;
        m_pinKey = std::exchange(other.m_pinKey, {});
        m_macKey = std::exchange(other.m_macKey, {});
        m_trackKey = std::exchange(other.m_trackKey, {});
    }
    return *this;
}

Result<WorkKeySet> WorkKeySet::fromClearKeys(WorkKeyLayout layout,
                                             QByteArrayView pinKey,
                                             QByteArrayView macKey,
                                             QByteArrayView trackKey)
{
    WorkKeySet set;
    set.m_layout = layout;
    const QList<WorkKeyRole> roles = workKeyRoles(layout);
    for (const WorkKeyRole role : {WorkKeyRole::Pin, WorkKeyRole::Mac, WorkKeyRole::Track}) {
        const QByteArrayView given =
            role == WorkKeyRole::Pin ? pinKey : (role == WorkKeyRole::Mac ? macKey : trackKey);
        const qsizetype expected = roles.contains(role) ? keyLength(workKeyScheme(layout, role)) : 0;
        if (given.size() != expected)
            return fail(ErrorCode::InvalidInput, WorkKeyText::tr("A work key has the wrong length."),
                        QStringLiteral("%1 of layout %2 must be %3 bytes, got %4")
                            .arg(workKeyRoleName(role), workKeyLayoutName(layout))
                            .arg(expected)
                            .arg(given.size()));
    }
    set.m_pinKey = pinKey.toByteArray();
    set.m_macKey = macKey.toByteArray();
    set.m_trackKey = trackKey.toByteArray();
    return set;
}

QByteArrayView WorkKeySet::key(WorkKeyRole role) const
{
    switch (role) {
    case WorkKeyRole::Pin: return m_pinKey;
    case WorkKeyRole::Mac: return m_macKey;
    case WorkKeyRole::Track: return m_trackKey;
    }
    Q_UNREACHABLE();
}

void WorkKeySet::clear()
{
    crypto::secureWipe(m_pinKey);
    crypto::secureWipe(m_macKey);
    crypto::secureWipe(m_trackKey);
}

QList<WorkKeyRole> workKeyRoles(WorkKeyLayout layout)
{
    if (layout == WorkKeyLayout::Des001 || layout == WorkKeyLayout::TripleDes003)
        return {WorkKeyRole::Pin, WorkKeyRole::Mac};
    return {WorkKeyRole::Pin, WorkKeyRole::Mac, WorkKeyRole::Track};
}

KeyScheme workKeyScheme(WorkKeyLayout layout, WorkKeyRole role)
{
    switch (layout) {
    case WorkKeyLayout::Des001: return KeyScheme::SingleDes;
    case WorkKeyLayout::TripleDes003:
    case WorkKeyLayout::TripleDesTrack004:
        return role == WorkKeyRole::Mac ? KeyScheme::SingleDes : KeyScheme::TripleDes;
    case WorkKeyLayout::Sm4006: return KeyScheme::Sm4;
    }
    Q_UNREACHABLE();
}

qsizetype workKeyBlockLength(WorkKeyLayout layout)
{
    qsizetype length = 0;
    for (const WorkKeyRole role : workKeyRoles(layout))
        length += keyLength(workKeyScheme(layout, role)) + paddingAfter(layout, role) + workKeyKcvLength;
    return length;
}

std::optional<WorkKeyLayout> workKeyLayoutForCode(QStringView code, QStringView sm4Code)
{
    if (code == sm4Code)
        return WorkKeyLayout::Sm4006;
    if (code == u"001")
        return WorkKeyLayout::Des001;
    if (code == u"003")
        return WorkKeyLayout::TripleDes003;
    if (code == u"004")
        return WorkKeyLayout::TripleDesTrack004;
    return std::nullopt;
}

bool tmkFitsLayout(KeyScheme tmkScheme, WorkKeyLayout layout)
{
    switch (layout) {
    case WorkKeyLayout::Des001: return tmkScheme != KeyScheme::Sm4;
    case WorkKeyLayout::TripleDes003:
    case WorkKeyLayout::TripleDesTrack004: return tmkScheme == KeyScheme::TripleDes;
    case WorkKeyLayout::Sm4006: return tmkScheme == KeyScheme::Sm4;
    }
    Q_UNREACHABLE();
}

Result<UnwrappedWorkKeys>
unwrapWorkKeys(WorkKeyLayout layout, KeyScheme tmkScheme, QByteArrayView tmk, QByteArrayView block)
{
    if (const Result<void> checked = checkTmk(layout, tmkScheme, tmk); !checked)
        return Failure{checked.error()};
    if (block.size() != workKeyBlockLength(layout))
        return fail(ErrorCode::InvalidInput,
                    WorkKeyText::tr("The work-key block of the sign-on response has the wrong length."),
                    QStringLiteral("F62 of layout %1 must be %2 bytes, got %3")
                        .arg(workKeyLayoutName(layout))
                        .arg(workKeyBlockLength(layout))
                        .arg(block.size()));

    UnwrappedWorkKeys unwrapped;
    unwrapped.check.layout = layout;
    QByteArray clearKeys[3]; // indexed by role; wiped on every path
    const ScopedWipe wipePin(clearKeys[0]);
    const ScopedWipe wipeMac(clearKeys[1]);
    const ScopedWipe wipeTrack(clearKeys[2]);
    qsizetype offset = 0;
    for (const WorkKeyRole role : workKeyRoles(layout)) {
        const KeyScheme scheme = workKeyScheme(layout, role);
        const QByteArrayView cipherText = block.sliced(offset, keyLength(scheme));
        offset += keyLength(scheme) + paddingAfter(layout, role);
        const QByteArrayView receivedKcv = block.sliced(offset, workKeyKcvLength);
        offset += workKeyKcvLength;

        Result<QByteArray> decrypted = decryptBlocks(tmkScheme, tmk, cipherText);
        if (!decrypted)
            return Failure{decrypted.error()};
        QByteArray& clearKey = clearKeys[static_cast<int>(role)];
        clearKey = std::move(decrypted).value();
        const Result<QByteArray> computedKcv = keyCheckValue(scheme, clearKey);
        if (!computedKcv)
            return Failure{computedKcv.error()};
        unwrapped.check.keys.append({role, receivedKcv.toByteArray(), computedKcv.value()});
    }
    if (unwrapped.check.allMatch()) {
        Result<WorkKeySet> keys = WorkKeySet::fromClearKeys(layout, clearKeys[0], clearKeys[1], clearKeys[2]);
        if (!keys)
            return Failure{keys.error()};
        unwrapped.keys = std::move(keys).value();
    }
    return unwrapped;
}

Result<QByteArray> buildWorkKeyBlock(KeyScheme tmkScheme, QByteArrayView tmk, const WorkKeySet& keys)
{
    if (keys.isEmpty())
        return fail(ErrorCode::InvalidInput, WorkKeyText::tr("There are no work keys to send."),
                    QStringLiteral("empty work-key set"));
    const WorkKeyLayout layout = keys.layout();
    if (const Result<void> checked = checkTmk(layout, tmkScheme, tmk); !checked)
        return Failure{checked.error()};
    QByteArray block;
    block.reserve(workKeyBlockLength(layout));
    for (const WorkKeyRole role : workKeyRoles(layout)) {
        const QByteArrayView clearKey = keys.key(role);
        const Result<QByteArray> cipherText = encryptBlocks(tmkScheme, tmk, clearKey);
        if (!cipherText)
            return cipherText;
        const Result<QByteArray> kcv = keyCheckValue(workKeyScheme(layout, role), clearKey);
        if (!kcv)
            return kcv;
        block.append(cipherText.value());
        block.append(QByteArray(paddingAfter(layout, role), '\0'));
        block.append(kcv.value());
    }
    return block;
}

} // namespace acquirer
} // namespace pos
