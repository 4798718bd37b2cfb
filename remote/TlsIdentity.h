#pragma once

#include <QSslCertificate>
#include <QSslKey>
#include <QString>

#include <functional>

class QObject;

namespace archy {

/**
 * The certificate and private key the LAN server presents. Either loaded from files the owner gave
 * (--tls-cert/--tls-key) or a self-signed pair made once in the data dir with the openssl CLI.
 * A plain value: copy it freely.
 */
class TlsIdentity final
{
public:
    using Done = std::function<void(const TlsIdentity &identity, const QString &error)>;

    TlsIdentity() = default;
    TlsIdentity(const QSslCertificate &certificate, const QSslKey &key);

    static QString certFileName() { return QStringLiteral("tls-cert.pem"); }
    static QString keyFileName() { return QStringLiteral("tls-key.pem"); }

    /// Reads a PEM certificate (the first of the file) and a PEM private key (EC or RSA). Blocking
    /// but tiny; a null identity with @p error on failure.
    static TlsIdentity load(const QString &certPath, const QString &keyPath, QString *error);

    /**
     * Makes sure @p dataDir holds tls-cert.pem and tls-key.pem (0600), running
     * `openssl req -x509 -newkey ec ...` the first time (a P-256 key, valid ten years,
     * CN=archy-recovery), then loads them. @p done is always called later from the event loop, on
     * @p receiver's thread, exactly once, unless @p receiver is destroyed first. An existing pair is
     * never overwritten; a stray key without a certificate (an interrupted first start) is.
     */
    static void ensureSelfSigned(const QString &dataDir, QObject *receiver, Done done, int timeoutMs = 60000);

    /// SHA-256 of a certificate's DER form, as uppercase hex pairs joined by ':'.
    static QString fingerprintOf(const QSslCertificate &certificate);

    bool isNull() const { return m_certificate.isNull() || m_key.isNull(); }
    QSslCertificate certificate() const { return m_certificate; }
    QSslKey privateKey() const { return m_key; }
    /// fingerprintOf(certificate()), what a client pins.
    QString fingerprint() const { return fingerprintOf(m_certificate); }

private:
    QSslCertificate m_certificate;
    QSslKey m_key;
};

} // namespace archy
