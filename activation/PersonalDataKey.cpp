// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 Merchant POS contributors
#include "activation/PersonalDataKey.h"

#include "core/crypto/CryptoPrimitives.h"

#include <QDir>
#include <QFile>
#include <QUuid>

#include <openssl/rand.h>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pos {
namespace activation {
namespace {

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// Closes a POSIX descriptor on scope exit.
class Descriptor final
{
public:
    explicit Descriptor(int fd) : m_fd(fd) {}
    ~Descriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    int get() const { return m_fd; }

private:
    int m_fd;
};

} // namespace

QString personalDataKeyId(QByteArrayView key)
{
    const Result<QByteArray> mac = crypto::hmacSha256(key, "pos personal-data key id");
    return mac ? QString::fromLatin1(mac.value().left(8).toHex()) : QString();
}

FileKeyVault::FileKeyVault(QString directory, QString fileName)
    : m_directory(std::move(directory))
    , m_fileName(std::move(fileName))
{}

QString FileKeyVault::filePath() const
{
    return QDir(m_directory).filePath(m_fileName);
}

QString FileKeyVault::describe() const
{
    return QStringLiteral("file %1").arg(filePath());
}

Result<QByteArray> FileKeyVault::loadOrCreateKey()
{
    const QByteArray path = QFile::encodeName(filePath());
    struct stat info = {};
    if (::lstat(path.constData(), &info) != 0) {
        if (errno != ENOENT)
            return fail(ErrorCode::IoFailure, tr("The personal data key could not be read."),
                        QStringLiteral("lstat %1: %2").arg(filePath(), errnoText(errno)));
        if (const Result<> created = createNew(); !created)
            return Failure{created.error()};
    }
    return readExisting();
}

Result<QByteArray> FileKeyVault::readExisting() const
{
    const QByteArray path = QFile::encodeName(filePath());
    const Descriptor fd(::open(path.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (fd.get() < 0)
        return fail(ErrorCode::IoFailure, tr("The personal data key could not be read."),
                    QStringLiteral("open %1: %2").arg(filePath(), errnoText(errno)));
    struct stat info = {};
    if (::fstat(fd.get(), &info) != 0)
        return fail(ErrorCode::IoFailure, tr("The personal data key could not be read."),
                    QStringLiteral("fstat %1: %2").arg(filePath(), errnoText(errno)));
    if (!S_ISREG(info.st_mode) || info.st_uid != ::geteuid())
        return fail(
            ErrorCode::CryptoFailure,
            tr("The personal data key %1 is not a file of this user. It was not used.").arg(filePath()),
            QStringLiteral("%1: not a regular file owned by uid %2").arg(filePath()).arg(::geteuid()));
    if ((info.st_mode & (S_IRWXG | S_IRWXO)) != 0)
        return fail(ErrorCode::CryptoFailure,
                    tr("The personal data key %1 may be read by other users (permissions %2). It was not "
                       "used; restrict it to its owner (chmod 600).")
                        .arg(filePath(), QString::number(info.st_mode & 0777, 8)),
                    QStringLiteral("%1: mode %2 grants group/other access")
                        .arg(filePath(), QString::number(info.st_mode & 0777, 8)));
    if (info.st_size != personalDataKeyBytes)
        return fail(ErrorCode::CryptoFailure,
                    tr("The personal data key %1 is damaged (wrong size). It was not used.").arg(filePath()),
                    QStringLiteral("%1: %2 bytes, expected %3")
                        .arg(filePath())
                        .arg(qint64(info.st_size))
                        .arg(personalDataKeyBytes));
    QByteArray key(personalDataKeyBytes, Qt::Uninitialized);
    qsizetype got = 0;
    while (got < key.size()) {
        const ssize_t n = ::read(fd.get(), key.data() + got, size_t(key.size() - got));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            crypto::secureWipe(key);
            return fail(ErrorCode::IoFailure, tr("The personal data key could not be read."),
                        QStringLiteral("read %1: short read").arg(filePath()));
        }
        got += n;
    }
    return key;
}

Result<> FileKeyVault::createNew() const
{
    if (!QDir().mkpath(m_directory))
        return fail(ErrorCode::IoFailure, tr("The personal data key could not be created."),
                    QStringLiteral("mkpath %1 failed").arg(m_directory));
    const QByteArray directory = QFile::encodeName(m_directory);
    ::chmod(directory.constData(), 0700);
    const QString temporary =
        QDir(m_directory)
            .filePath(
                QStringLiteral(".%1.%2.tmp").arg(m_fileName, QUuid::createUuid().toString(QUuid::Id128)));
    const QByteArray temporaryPath = QFile::encodeName(temporary);
    QByteArray key(personalDataKeyBytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(key.data()), int(key.size())) != 1)
        return fail(ErrorCode::CryptoFailure, tr("The personal data key could not be created."),
                    QStringLiteral("RAND_bytes failed"));
    Result<> written;
    {
        const Descriptor fd(
            ::open(temporaryPath.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
        if (fd.get() < 0) {
            written = fail(ErrorCode::IoFailure, tr("The personal data key could not be created."),
                           QStringLiteral("create %1: %2").arg(temporary, errnoText(errno)));
        } else if (::fchmod(fd.get(), 0600) != 0 ||
                   ::write(fd.get(), key.constData(), size_t(key.size())) != ssize_t(key.size()) ||
                   ::fsync(fd.get()) != 0) {
            written = fail(ErrorCode::IoFailure, tr("The personal data key could not be created."),
                           QStringLiteral("write %1: %2").arg(temporary, errnoText(errno)));
        }
    }
    crypto::secureWipe(key);
    if (written) {
        // link() never replaces: when another process created the key first, its key wins.
        const QByteArray finalPath = QFile::encodeName(filePath());
        if (::link(temporaryPath.constData(), finalPath.constData()) != 0 && errno != EEXIST)
            written = fail(ErrorCode::IoFailure, tr("The personal data key could not be created."),
                           QStringLiteral("link %1: %2").arg(filePath(), errnoText(errno)));
        const Descriptor dir(::open(directory.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        if (dir.get() >= 0)
            ::fsync(dir.get());
    }
    ::unlink(temporaryPath.constData());
    return written;
}

} // namespace activation
} // namespace pos
