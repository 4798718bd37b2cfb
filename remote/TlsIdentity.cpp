#include "TlsIdentity.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "RemoteLogging.h"
#include "state/DurableFile.h"

namespace archy {

namespace {

constexpr qint64 MaxPemBytes = 1024 * 1024;

bool readPem(const QString &path, QByteArray *data, QString *error)
{
    QString readError;
    switch (DurableFile::read(path, MaxPemBytes, data, &readError)) {
    case DurableFile::ReadStatus::Ok:
        return true;
    case DurableFile::ReadStatus::Missing:
        *error = QCoreApplication::translate("archy::TlsIdentity", "%1 does not exist.").arg(path);
        return false;
    case DurableFile::ReadStatus::TooBig:
        *error = QCoreApplication::translate("archy::TlsIdentity", "%1 is too big for a PEM file.").arg(path);
        return false;
    case DurableFile::ReadStatus::Error:
        *error = readError;
        return false;
    }
    return false;
}

/// Calls @p done from the event loop unless @p receiver died meanwhile.
void deliverLater(QObject *receiver, const TlsIdentity::Done &done, const TlsIdentity &identity,
                  const QString &error)
{
    QMetaObject::invokeMethod(
        receiver, [done, identity, error] { done(identity, error); }, Qt::QueuedConnection);
}

bool renameOver(const QString &from, const QString &to, QString *error)
{
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0) {
        *error = QCoreApplication::translate("archy::TlsIdentity", "Cannot move %1 into place: %2")
                     .arg(to, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    return true;
}

} // namespace

TlsIdentity::TlsIdentity(const QSslCertificate &certificate, const QSslKey &key)
    : m_certificate(certificate), m_key(key)
{
}

TlsIdentity TlsIdentity::load(const QString &certPath, const QString &keyPath, QString *error)
{
    QString ignored;
    QString *err = error ? error : &ignored;
    QByteArray certPem;
    QByteArray keyPem;
    if (!readPem(certPath, &certPem, err) || !readPem(keyPath, &keyPem, err))
        return {};
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(certPem, QSsl::Pem);
    if (certificates.isEmpty() || certificates.first().isNull()) {
        *err =
            QCoreApplication::translate("archy::TlsIdentity", "%1 holds no PEM certificate.").arg(certPath);
        return {};
    }
    QSslKey key;
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Ec, QSsl::Rsa, QSsl::Dsa}) {
        key = QSslKey(keyPem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            break;
    }
    if (key.isNull()) {
        *err = QCoreApplication::translate("archy::TlsIdentity",
                                           "%1 holds no unencrypted PEM private key (EC or RSA).")
                   .arg(keyPath);
        return {};
    }
    return TlsIdentity(certificates.first(), key);
}

QString TlsIdentity::fingerprintOf(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return {};
    const QByteArray digest = QCryptographicHash::hash(certificate.toDer(), QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toHex(':').toUpper());
}

void TlsIdentity::ensureSelfSigned(const QString &dataDir, QObject *receiver, Done done, int timeoutMs)
{
    const QDir dir(dataDir);
    const QString certPath = dir.filePath(certFileName());
    const QString keyPath = dir.filePath(keyFileName());

    if (QFileInfo::exists(certPath)) {
        QString error;
        const TlsIdentity identity = load(certPath, keyPath, &error);
        deliverLater(receiver, done, identity, error);
        return;
    }

    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty()) {
        deliverLater(
            receiver, done, {},
            QCoreApplication::translate(
                "archy::TlsIdentity",
                "Cannot make a TLS certificate: the openssl program was not found (package openssl)."));
        return;
    }

    // The pair is made in a private (0700) directory inside the data dir, then renamed into place,
    // so a half-written or world-readable key never sits under the final names.
    auto workDir = std::make_shared<QTemporaryDir>(dir.filePath(QStringLiteral(".tls-XXXXXX")));
    if (!workDir->isValid()) {
        deliverLater(
            receiver, done, {},
            QCoreApplication::translate("archy::TlsIdentity", "Cannot make a TLS certificate in %1: %2")
                .arg(dataDir, workDir->errorString()));
        return;
    }
    const QString newKey = QDir(workDir->path()).filePath(keyFileName());
    const QString newCert = QDir(workDir->path()).filePath(certFileName());

    auto *process = new QProcess(receiver);
    auto *timer = new QTimer(process);
    timer->setSingleShot(true);
    auto finished = std::make_shared<bool>(false);
    auto finish = [=](const TlsIdentity &identity, const QString &error) {
        if (*finished)
            return;
        *finished = true;
        timer->stop();
        process->deleteLater();
        done(identity, error);
    };

    QObject::connect(timer, &QTimer::timeout, process, [process, timer] {
        if (process->state() == QProcess::NotRunning)
            return;
        // First ask, then insist: a second expiry kills it.
        if (timer->property("terminated").toBool()) {
            process->kill();
            return;
        }
        timer->setProperty("terminated", true);
        process->terminate();
        timer->start(2000);
    });
    QObject::connect(process, &QProcess::errorOccurred, process, [process, finish](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            finish({}, QCoreApplication::translate("archy::TlsIdentity", "Cannot run openssl: %1")
                           .arg(process->errorString()));
    });
    QObject::connect(process, &QProcess::finished, process, [=](int exitCode, QProcess::ExitStatus status) {
        if (status != QProcess::NormalExit || exitCode != 0) {
            const QString output = QString::fromLocal8Bit(process->readAllStandardError()).trimmed();
            finish({}, QCoreApplication::translate("archy::TlsIdentity",
                                                   "openssl could not make a certificate (exit %1): %2")
                           .arg(exitCode)
                           .arg(output.right(500)));
            return;
        }
        const QFileDevice::Permissions privateMode = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
        QString error;
        if (!QFile::setPermissions(newKey, privateMode) || !QFile::setPermissions(newCert, privateMode)) {
            finish({}, QCoreApplication::translate("archy::TlsIdentity",
                                                   "Cannot make the new TLS files private in %1.")
                           .arg(workDir->path()));
            return;
        }
        const TlsIdentity identity = load(newCert, newKey, &error);
        // Key first: a certificate under its final name always has its key.
        if (identity.isNull() || !renameOver(newKey, keyPath, &error) ||
            !renameOver(newCert, certPath, &error)) {
            finish({}, error);
            return;
        }
        DurableFile::syncDirectoryOf(certPath, &error);
        qCInfo(lcRemote).noquote() << "made a self-signed TLS certificate" << certPath << "SHA-256"
                                   << identity.fingerprint();
        (void)workDir; // keeps the work dir alive until here
        finish(identity, QString());
    });

    process->setProgram(openssl);
    process->setArguments({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                           QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                           QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                           QStringLiteral("-days"), QStringLiteral("3650"), QStringLiteral("-subj"),
                           QStringLiteral("/CN=archy-recovery"), QStringLiteral("-keyout"), newKey,
                           QStringLiteral("-out"), newCert});
    process->setStandardInputFile(QProcess::nullDevice());
    process->setStandardOutputFile(QProcess::nullDevice());
    timer->start(timeoutMs);
    // Queued so callers get back control first, as with every other async call here.
    QMetaObject::invokeMethod(
        process, [process] { process->start(); }, Qt::QueuedConnection);
}

} // namespace archy
