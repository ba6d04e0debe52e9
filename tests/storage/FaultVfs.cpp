// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "FaultVfs.h"

#include <algorithm>
#include <cstring>

#include <sqlite3.h>

namespace pos {
namespace test {
namespace {

// Arming state. A fault of kind armedKind fires on call number firstFailing (1-based, counted from arming)
// and, persistent, on every later one.
struct State
{
    sqlite3_vfs* real = nullptr;
    FaultVfs::Counts counts;
    bool armed = false;
    FaultVfs::Kind armedKind = FaultVfs::Kind::Write;
    FaultVfs::Mode mode = FaultVfs::Mode::Single;
    qint64 firstFailing = 0;
    qint64 callsSinceArming = 0;
    bool diskFull = false;
    qint64 budgetLeft = 0;
    int injected = 0;
};

State state;

// True when this call of kind must fail.
bool shouldFail(FaultVfs::Kind kind)
{
    if (!state.armed || state.armedKind != kind)
        return false;
    const qint64 call = ++state.callsSinceArming;
    const bool fail =
        state.mode == FaultVfs::Mode::Single ? call == state.firstFailing : call >= state.firstFailing;
    if (fail)
        ++state.injected;
    return fail;
}

// The shim's file: our header followed by the real VFS's file object (szOsFile bytes).
struct FaultFile
{
    sqlite3_file base;
    sqlite3_file* real;
};

sqlite3_file* realFile(sqlite3_file* file)
{
    return reinterpret_cast<FaultFile*>(file)->real;
}

int faultClose(sqlite3_file* file)
{
    return realFile(file)->pMethods->xClose(realFile(file));
}

int faultRead(sqlite3_file* file, void* buffer, int amount, sqlite3_int64 offset)
{
    return realFile(file)->pMethods->xRead(realFile(file), buffer, amount, offset);
}

int faultWrite(sqlite3_file* file, const void* buffer, int amount, sqlite3_int64 offset)
{
    ++state.counts.writes;
    if (shouldFail(FaultVfs::Kind::Write))
        return SQLITE_IOERR_WRITE;
    if (state.diskFull && amount > state.budgetLeft) {
        ++state.injected;
        const int fits = static_cast<int>(state.budgetLeft);
        state.budgetLeft = 0;
        if (fits > 0)
            realFile(file)->pMethods->xWrite(realFile(file), buffer, fits, offset);
        state.counts.bytesWritten += fits;
        return SQLITE_FULL;
    }
    const int rc = realFile(file)->pMethods->xWrite(realFile(file), buffer, amount, offset);
    if (rc == SQLITE_OK) {
        state.counts.bytesWritten += amount;
        if (state.diskFull)
            state.budgetLeft -= amount;
    }
    return rc;
}

int faultTruncate(sqlite3_file* file, sqlite3_int64 size)
{
    return realFile(file)->pMethods->xTruncate(realFile(file), size);
}

int faultSync(sqlite3_file* file, int flags)
{
    ++state.counts.syncs;
    if (shouldFail(FaultVfs::Kind::Sync))
        return SQLITE_IOERR_FSYNC;
    return realFile(file)->pMethods->xSync(realFile(file), flags);
}

int faultFileSize(sqlite3_file* file, sqlite3_int64* size)
{
    return realFile(file)->pMethods->xFileSize(realFile(file), size);
}

int faultLock(sqlite3_file* file, int lock)
{
    return realFile(file)->pMethods->xLock(realFile(file), lock);
}

int faultUnlock(sqlite3_file* file, int lock)
{
    return realFile(file)->pMethods->xUnlock(realFile(file), lock);
}

int faultCheckReservedLock(sqlite3_file* file, int* result)
{
    return realFile(file)->pMethods->xCheckReservedLock(realFile(file), result);
}

int faultFileControl(sqlite3_file* file, int op, void* arg)
{
    return realFile(file)->pMethods->xFileControl(realFile(file), op, arg);
}

int faultSectorSize(sqlite3_file* file)
{
    return realFile(file)->pMethods->xSectorSize(realFile(file));
}

int faultDeviceCharacteristics(sqlite3_file* file)
{
    return realFile(file)->pMethods->xDeviceCharacteristics(realFile(file));
}

int faultShmMap(sqlite3_file* file, int region, int size, int extend, void volatile** address)
{
    return realFile(file)->pMethods->xShmMap(realFile(file), region, size, extend, address);
}

int faultShmLock(sqlite3_file* file, int offset, int n, int flags)
{
    return realFile(file)->pMethods->xShmLock(realFile(file), offset, n, flags);
}

void faultShmBarrier(sqlite3_file* file)
{
    realFile(file)->pMethods->xShmBarrier(realFile(file));
}

int faultShmUnmap(sqlite3_file* file, int deleteFlag)
{
    return realFile(file)->pMethods->xShmUnmap(realFile(file), deleteFlag);
}

int faultFetch(sqlite3_file* file, sqlite3_int64 offset, int amount, void** pointer)
{
    return realFile(file)->pMethods->xFetch(realFile(file), offset, amount, pointer);
}

int faultUnfetch(sqlite3_file* file, sqlite3_int64 offset, void* pointer)
{
    return realFile(file)->pMethods->xUnfetch(realFile(file), offset, pointer);
}

// One method table per io_methods version, so that the shim never claims more than the real file offers
// (version 1 has no shared memory: SQLite would then refuse WAL, as it does with the real file).
sqlite3_io_methods ioMethods[4];

void initIoMethods()
{
    for (int version = 1; version <= 3; ++version) {
        sqlite3_io_methods& m = ioMethods[version];
        m = sqlite3_io_methods{};
        m.iVersion = version;
        m.xClose = faultClose;
        m.xRead = faultRead;
        m.xWrite = faultWrite;
        m.xTruncate = faultTruncate;
        m.xSync = faultSync;
        m.xFileSize = faultFileSize;
        m.xLock = faultLock;
        m.xUnlock = faultUnlock;
        m.xCheckReservedLock = faultCheckReservedLock;
        m.xFileControl = faultFileControl;
        m.xSectorSize = faultSectorSize;
        m.xDeviceCharacteristics = faultDeviceCharacteristics;
        if (version >= 2) {
            m.xShmMap = faultShmMap;
            m.xShmLock = faultShmLock;
            m.xShmBarrier = faultShmBarrier;
            m.xShmUnmap = faultShmUnmap;
        }
        if (version >= 3) {
            m.xFetch = faultFetch;
            m.xUnfetch = faultUnfetch;
        }
    }
}

int faultOpen(sqlite3_vfs*, const char* name, sqlite3_file* file, int flags, int* outFlags)
{
    auto* wrapper = reinterpret_cast<FaultFile*>(file);
    wrapper->base.pMethods = nullptr; // SQLite calls xClose only on files whose pMethods is set
    wrapper->real = reinterpret_cast<sqlite3_file*>(wrapper + 1);
    ++state.counts.opens;
    if (shouldFail(FaultVfs::Kind::Open))
        return SQLITE_CANTOPEN;
    const int rc = state.real->xOpen(state.real, name, wrapper->real, flags, outFlags);
    if (wrapper->real->pMethods)
        wrapper->base.pMethods = &ioMethods[std::clamp(wrapper->real->pMethods->iVersion, 1, 3)];
    return rc;
}

// The VFS-level methods other than xOpen forward to the real VFS with the real VFS object.
int faultDelete(sqlite3_vfs*, const char* name, int syncDir)
{
    return state.real->xDelete(state.real, name, syncDir);
}

int faultAccess(sqlite3_vfs*, const char* name, int flags, int* result)
{
    return state.real->xAccess(state.real, name, flags, result);
}

int faultFullPathname(sqlite3_vfs*, const char* name, int size, char* out)
{
    return state.real->xFullPathname(state.real, name, size, out);
}

void* faultDlOpen(sqlite3_vfs*, const char* name)
{
    return state.real->xDlOpen(state.real, name);
}

void faultDlError(sqlite3_vfs*, int size, char* message)
{
    state.real->xDlError(state.real, size, message);
}

void (*faultDlSym(sqlite3_vfs*, void* handle, const char* symbol))(void)
{
    return state.real->xDlSym(state.real, handle, symbol);
}

void faultDlClose(sqlite3_vfs*, void* handle)
{
    state.real->xDlClose(state.real, handle);
}

int faultRandomness(sqlite3_vfs*, int size, char* out)
{
    return state.real->xRandomness(state.real, size, out);
}

int faultSleep(sqlite3_vfs*, int microseconds)
{
    return state.real->xSleep(state.real, microseconds);
}

int faultCurrentTime(sqlite3_vfs*, double* now)
{
    return state.real->xCurrentTime(state.real, now);
}

int faultGetLastError(sqlite3_vfs*, int size, char* message)
{
    return state.real->xGetLastError(state.real, size, message);
}

int faultCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* now)
{
    return state.real->xCurrentTimeInt64(state.real, now);
}

sqlite3_vfs shim;
constexpr char shimName[] = "pos-fault";

} // namespace

bool FaultVfs::install()
{
    if (state.real)
        return sqlite3_vfs_register(&shim, 1) == SQLITE_OK;
    sqlite3_vfs* real = sqlite3_vfs_find(nullptr);
    if (!real || std::strcmp(real->zName, shimName) == 0)
        return false;
    state.real = real;
    initIoMethods();
    shim = sqlite3_vfs{};
    // Version 2 at most: the system-call overrides of version 3 are for SQLite's own tests only.
    shim.iVersion = std::min(real->iVersion, 2);
    shim.szOsFile = static_cast<int>(sizeof(FaultFile)) + real->szOsFile;
    shim.mxPathname = real->mxPathname;
    shim.zName = shimName;
    shim.xOpen = faultOpen;
    shim.xDelete = faultDelete;
    shim.xAccess = faultAccess;
    shim.xFullPathname = faultFullPathname;
    shim.xDlOpen = faultDlOpen;
    shim.xDlError = faultDlError;
    shim.xDlSym = faultDlSym;
    shim.xDlClose = faultDlClose;
    shim.xRandomness = faultRandomness;
    shim.xSleep = faultSleep;
    shim.xCurrentTime = faultCurrentTime;
    shim.xGetLastError = faultGetLastError;
    if (shim.iVersion >= 2)
        shim.xCurrentTimeInt64 = faultCurrentTimeInt64;
    return sqlite3_vfs_register(&shim, 1) == SQLITE_OK;
}

void FaultVfs::setDefault(bool useShim)
{
    if (!state.real)
        return;
    sqlite3_vfs_register(useShim ? &shim : state.real, 1);
}

const char* FaultVfs::defaultName()
{
    const sqlite3_vfs* current = sqlite3_vfs_find(nullptr);
    return current ? current->zName : "";
}

FaultVfs::Counts FaultVfs::counts()
{
    return state.counts;
}

qint64 FaultVfs::count(Kind kind)
{
    switch (kind) {
    case Kind::Write: return state.counts.writes;
    case Kind::Sync: return state.counts.syncs;
    case Kind::Open: return state.counts.opens;
    }
    return 0;
}

void FaultVfs::resetCounts()
{
    state.counts = Counts{};
}

void FaultVfs::arm(Kind kind, int k, Mode mode)
{
    disarm();
    state.injected = 0;
    state.armed = k >= 1;
    state.armedKind = kind;
    state.mode = mode;
    state.firstFailing = k;
}

void FaultVfs::armDiskFull(qint64 byteBudget)
{
    disarm();
    state.injected = 0;
    state.diskFull = true;
    state.budgetLeft = std::max<qint64>(byteBudget, 0);
}

void FaultVfs::disarm()
{
    state.armed = false;
    state.diskFull = false;
    state.callsSinceArming = 0;
    state.budgetLeft = 0;
}

int FaultVfs::injectedFailures()
{
    return state.injected;
}

} // namespace test
} // namespace pos
