// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include "core/KeyTypes.h"
#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QStringView>

#include <optional>

// The F62 work-key block of the 0810 sign-on response (reference §4.3, layouts of CHF/BP — not AIA's) and
// its unwrapping under the terminal master key (TMK; §6.1). Stateless functions, thread-safe.
namespace pos {
namespace acquirer {

// Owner of clear work keys: the only way clear keys leave this module. Move-only; the keys are wiped when
// the set is destroyed, cleared, or replaced by assignment. Meant for the software key store and the host
// simulator — a terminal keeps its keys in the PIN pad.
class WorkKeySet final
{
public:
    WorkKeySet() = default;
    ~WorkKeySet();
    WorkKeySet(WorkKeySet&& other) noexcept;
    WorkKeySet& operator=(WorkKeySet&& other) noexcept;
    Q_DISABLE_COPY(WorkKeySet)

    // Copies clear keys into a new set (the caller wipes its own copies). Each key must have the length its
    // layout prescribes (see workKeyScheme()); trackKey must be empty unless the layout carries a TDK.
    static Result<WorkKeySet> fromClearKeys(WorkKeyLayout layout,
                                            QByteArrayView pinKey,
                                            QByteArrayView macKey,
                                            QByteArrayView trackKey = {});

    bool isEmpty() const { return m_pinKey.isEmpty(); }
    // Meaningful only when the set is not empty.
    WorkKeyLayout layout() const { return m_layout; }
    bool has(WorkKeyRole role) const { return !key(role).isEmpty(); }
    // The clear key, valid while this set is neither destroyed, cleared nor assigned to; empty if absent.
    QByteArrayView key(WorkKeyRole role) const;
    void clear();

private:
    WorkKeyLayout m_layout = WorkKeyLayout::TripleDes003;
    QByteArray m_pinKey;
    QByteArray m_macKey;
    QByteArray m_trackKey;
};

// What unwrapWorkKeys() found. keys is filled only when every KCV matches (check.allMatch()).
struct UnwrappedWorkKeys
{
    WorkKeyCheck check;
    WorkKeySet keys;
};

// The keys a layout carries, in F62 order, and the scheme of each:
//   Des001: PIK SingleDes, MAK SingleDes. 003/004: PIK TripleDes, MAK SingleDes (8 bytes), TDK TripleDes.
//   Sm4006: all Sm4.
QList<WorkKeyRole> workKeyRoles(WorkKeyLayout layout);
KeyScheme workKeyScheme(WorkKeyLayout layout, WorkKeyRole role);
// Total F62 length in bytes: 24, 40, 60, 60.
qsizetype workKeyBlockLength(WorkKeyLayout layout);

// The layout a 60.3 network management code selects: "001", "003", "004", and sm4Code for SM4 ([A]: "006"
// at the BP host, other acquirers may use another code). None for any other code.
std::optional<WorkKeyLayout> workKeyLayoutForCode(QStringView code, QStringView sm4Code = u"006");

// Whether a TMK of this scheme can unwrap the layout: Sm4006 needs Sm4; 003/004 need TripleDes; Des001 takes
// SingleDes (an 8-byte TMK) or TripleDes (a 16-byte TMK).
bool tmkFitsLayout(KeyScheme tmkScheme, WorkKeyLayout layout);

// Splits the block per layout, decrypts each key under the TMK (ECB, tmkScheme) and compares its KCV
// (keyCheckValue() with the key's scheme, 4 bytes) with the one received. The 8 padding bytes after the MAK
// in 003/004 are not checked. Fails (InvalidInput) when the block length does not match the layout, the TMK
// does not fit the layout or has the wrong length; a KCV mismatch is not a failure but an outcome (see
// UnwrappedWorkKeys). Clear keys exist only inside the returned set and are wiped everywhere else.
Result<UnwrappedWorkKeys>
unwrapWorkKeys(WorkKeyLayout layout, KeyScheme tmkScheme, QByteArrayView tmk, QByteArrayView block);

// The inverse, for the host simulator and tests: the F62 block carrying keys (of keys.layout()) under the
// TMK.
Result<QByteArray> buildWorkKeyBlock(KeyScheme tmkScheme, QByteArrayView tmk, const WorkKeySet& keys);

} // namespace acquirer
} // namespace pos
