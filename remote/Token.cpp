#include "Token.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>

#include "RemoteLogging.h"
#include "state/DurableFile.h"

namespace archy::Token {

namespace {
constexpr int TokenBytes = 32;

} // namespace

bool isValidToken(const QByteArray &token)
{
    if (token.size() != TokenBytes * 2)
        return false;
    for (const char c : token) {
        const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!hex)
            return false;
    }
    return true;
}

QByteArray readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("archy::Token", "Cannot read the token file %1: %2")
                         .arg(path, file.errorString());
        return {};
    }
    const QByteArray token = file.read(1024).trimmed();
    if (!isValidToken(token)) {
        if (error)
            *error = QCoreApplication::translate("archy::Token", "%1 does not hold a token (64 hex digits).")
                         .arg(path);
        return {};
    }
    return token.toLower();
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    const QByteArray da = QCryptographicHash::hash(a, QCryptographicHash::Sha256);
    const QByteArray db = QCryptographicHash::hash(b, QCryptographicHash::Sha256);
    // Equal-length digests: the loop always runs 32 rounds, whatever the inputs.
    unsigned char diff = 0;
    for (int i = 0; i < da.size(); ++i)
        diff |= static_cast<unsigned char>(da.at(i) ^ db.at(i));
    return diff == 0;
}

QByteArray ensureToken(const QString &dataDir, QString *error)
{
    const QString path = QDir(dataDir).filePath(fileName());
    QByteArray data;
    QString readError;
    switch (DurableFile::read(path, 4096, &data, &readError)) {
    case DurableFile::ReadStatus::Ok: {
        const QByteArray token = data.trimmed();
        if (!isValidToken(token)) {
            if (error)
                *error = QCoreApplication::translate(
                             "archy::Token", "%1 is not 64 hex digits; remove it to make a new token.")
                             .arg(path);
            return {};
        }
        const QFileDevice::Permissions loose = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                               QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                               QFileDevice::WriteOther | QFileDevice::ExeOther;
        if (QFile::permissions(path) & loose) {
            qCWarning(lcRemote).noquote() << "tightening the permissions of" << path << "to 0600";
            if (!QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
                if (error)
                    *error = QCoreApplication::translate(
                                 "archy::Token", "%1 is readable by others and cannot be made private.")
                                 .arg(path);
                return {};
            }
        }
        return token.toLower();
    }
    case DurableFile::ReadStatus::TooBig:
        if (error)
            *error = QCoreApplication::translate("archy::Token",
                                                 "%1 is not 64 hex digits; remove it to make a new token.")
                         .arg(path);
        return {};
    case DurableFile::ReadStatus::Error:
        if (error)
            *error = readError;
        return {};
    case DurableFile::ReadStatus::Missing:
        break;
    }

    QByteArray raw(TokenBytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(raw.data()),
                                         reinterpret_cast<quint32 *>(raw.data() + raw.size()));
    const QByteArray token = raw.toHex();
    if (!DurableFile::write(path, token + '\n', error))
        return {};
    qCInfo(lcRemote).noquote() << "made a new remote token in" << path;
    return token;
}

} // namespace archy::Token
