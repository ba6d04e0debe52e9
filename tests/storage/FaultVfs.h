// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#pragma once

#include <QtGlobal>

namespace pos {
namespace test {

// A SQLite VFS shim for fault-injection tests (modelled on the I/O-error VFS of SQLite's own test suite). It
// wraps the real default VFS ("unix"), counts xOpen, xWrite and xSync calls (all files: database, WAL,
// temporary files) and, when armed, fails one of them or all of them from some call on, or runs a disk out
// of space after a byte budget. Disarmed, it only counts and forwards.
//
// Process-wide, static state: only for single-threaded tests, and only one connection should be doing I/O
// while a fault is armed. install() must run before the first connection is opened through it.
class FaultVfs final
{
public:
    enum class Kind {
        Write, // xWrite fails with SQLITE_IOERR_WRITE
        Sync,  // xSync fails with SQLITE_IOERR_FSYNC
        Open,  // xOpen fails with SQLITE_CANTOPEN
    };
    enum class Mode {
        Single,     // only the k-th call fails; later calls succeed again
        Persistent, // the k-th call and every later one fail, until disarm()
    };

    struct Counts
    {
        qint64 opens = 0;
        qint64 writes = 0;
        qint64 syncs = 0;
        qint64 bytesWritten = 0;
    };

    FaultVfs() = delete;

    // Registers the shim (name "pos-fault") as the default VFS of the process. Idempotent. False when the
    // real default VFS cannot be found.
    static bool install();
    // Makes the shim (true) or the real VFS it wraps (false) the default for connections opened from now on.
    static void setDefault(bool shim);
    // The name of the current default VFS ("pos-fault" or "unix").
    static const char* defaultName();

    // Calls seen since the last resetCounts().
    static Counts counts();
    static qint64 count(Kind kind);
    static void resetCounts();

    // Fails the k-th call (k >= 1, counted from now) of this kind, or every call from the k-th on.
    static void arm(Kind kind, int k, Mode mode);
    // Disk full: writes succeed while they fit into byteBudget more bytes; the write that does not fit stores
    // the part that fits (as a real full disk does) and fails with SQLITE_FULL, and so does every later
    // write, until disarm().
    static void armDiskFull(qint64 byteBudget);
    // No more faults. Counting goes on.
    static void disarm();
    // How many calls failed because of a fault since the last arm/armDiskFull.
    static int injectedFailures();
};

} // namespace test
} // namespace pos
