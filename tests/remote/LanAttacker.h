#pragma once

// The attacks of the issue-9 security review, as a reusable object: peers that dribble endless
// HTTP headers over TLS, and peers that hold TCP, TLS or upgraded WebSocket connections open and
// silent. Dropped connections are reopened at once, so the pressure lasts as long as the attacker
// runs. Loopback only; used by tst_lanattacks and by the lanattack benchmark tool.

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>

#include <atomic>

namespace archy::test {

class LanAttacker final : public QObject
{
public:
    struct Plan
    {
        quint16 port = 0;
        int dribblers = 2;
        int halfOpenTcp = 50;
        int silentTls = 50;
        int silentUpgraded = 50;
    };

    explicit LanAttacker(const Plan &plan, QObject *parent = nullptr) : QObject(parent), m_plan(plan) {}

    /// On the attacker's thread.
    void start()
    {
        m_running = true;
        for (int i = 0; i < m_plan.dribblers; ++i)
            openDribbler();
        for (int i = 0; i < m_plan.halfOpenTcp; ++i)
            openTcp();
        for (int i = 0; i < m_plan.silentTls; ++i)
            openTls();
        for (int i = 0; i < m_plan.silentUpgraded; ++i)
            openUpgraded();
    }
    /// On the attacker's thread: closes everything, opens nothing more.
    void stop()
    {
        m_running = false;
        const QList<QObject *> children = this->children();
        for (QObject *child : children) {
            if (auto *socket = qobject_cast<QAbstractSocket *>(child))
                socket->abort();
            else if (auto *web = qobject_cast<QWebSocket *>(child))
                web->abort();
        }
        qDeleteAll(children);
    }

    std::atomic<int> opened{0};
    std::atomic<int> dribbledBytes{0};
    std::atomic<int> upgraded{0};

private:
    void again(void (LanAttacker::*open)())
    {
        if (m_running)
            QTimer::singleShot(20, this, open);
    }

    void openDribbler()
    {
        auto *socket = new QSslSocket(this);
        auto *timer = new QTimer(socket);
        timer->setInterval(5);
        connect(socket, &QSslSocket::sslErrors, socket, [socket] { socket->ignoreSslErrors(); });
        connect(socket, &QSslSocket::encrypted, socket, [socket, timer] {
            socket->write("GET / HTTP/1.1\r\nHost: x\r\n");
            timer->start();
        });
        connect(timer, &QTimer::timeout, socket, [this, socket] {
            // One header byte per TLS record: the costliest way to send a header.
            static const char header[] = "X-Dribble: yyyyyyyyyyyyyyyy\r\n";
            socket->write(header + (dribbledBytes.fetch_add(1) % (sizeof(header) - 1)), 1);
            socket->flush();
        });
        connect(socket, &QSslSocket::disconnected, this, [this, socket] {
            socket->deleteLater();
            again(&LanAttacker::openDribbler);
        });
        socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_plan.port);
        opened.fetch_add(1);
    }

    void openTcp()
    {
        auto *socket = new QTcpSocket(this);
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            socket->deleteLater();
            again(&LanAttacker::openTcp);
        });
        socket->connectToHost(QStringLiteral("127.0.0.1"), m_plan.port);
        opened.fetch_add(1);
    }

    void openTls()
    {
        auto *socket = new QSslSocket(this);
        connect(socket, &QSslSocket::sslErrors, socket, [socket] { socket->ignoreSslErrors(); });
        connect(socket, &QSslSocket::disconnected, this, [this, socket] {
            socket->deleteLater();
            again(&LanAttacker::openTls);
        });
        socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_plan.port);
        opened.fetch_add(1);
    }

    void openUpgraded()
    {
        auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
        connect(socket, &QWebSocket::sslErrors, socket, [socket] { socket->ignoreSslErrors(); });
        connect(socket, &QWebSocket::connected, this, [this] { upgraded.fetch_add(1); });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            socket->deleteLater();
            again(&LanAttacker::openUpgraded);
        });
        socket->open(QUrl(QStringLiteral("wss://127.0.0.1:%1").arg(m_plan.port)));
        opened.fetch_add(1);
    }

    Plan m_plan;
    bool m_running = false;
};

} // namespace archy::test
