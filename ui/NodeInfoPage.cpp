#include "NodeInfoPage.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScroller>
#include <QVBoxLayout>

#include "Icons.h"
#include "TextWrap.h"
#include "recovery/RecoveryBackend.h"

namespace archy {

NodeInfoPage::NodeInfoPage(QWidget *parent)
    : QWidget(parent), m_title(new QLabel(this)), m_info(new QLabel),
      m_back(new QPushButton(icons::back(), tr("Back"), this))
{
    setObjectName(QStringLiteral("nodeInfoPage"));
    m_title->setObjectName(QStringLiteral("nodeInfoTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont f = m_title->font();
    f.setBold(true);
    m_title->setFont(f);
    m_info->setObjectName(QStringLiteral("nodeInfo"));
    m_info->setTextFormat(Qt::PlainText);
    m_info->setWordWrap(true);
    m_info->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_info->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_info);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    QScroller::grabGesture(scroll->viewport(), QScroller::LeftMouseButtonGesture);

    m_back->setObjectName(QStringLiteral("nodeInfoBackButton"));
    m_back->setAccessibleName(tr("Back to the overview"));
    m_back->setAutoDefault(false);
    connect(m_back, &QPushButton::clicked, this, &NodeInfoPage::backRequested);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_back, 1);
    bottom->addStretch(2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_title);
    layout->addWidget(scroll, 1);
    layout->addLayout(bottom);
}

NodeInfoPage::~NodeInfoPage() = default;

void NodeInfoPage::setBackend(RecoveryBackend *backend)
{
    if (m_backend)
        disconnect(m_backend, nullptr, this, nullptr);
    m_backend = backend;
    if (backend) {
        connect(backend, &RecoveryBackend::nodeIdentityChanged, this, &NodeInfoPage::refresh);
        connect(backend, &RecoveryBackend::connectionChanged, this, &NodeInfoPage::refresh);
    }
    refresh();
}

void NodeInfoPage::setEndpointInfo(const QString &text)
{
    m_endpointInfo = text;
    refresh();
}

void NodeInfoPage::setTouchSize(int touchSize)
{
    m_back->setMinimumHeight(touchSize);
    m_back->setIconSize(QSize(touchSize / 2, touchSize / 2));
}

void NodeInfoPage::refresh()
{
    const NodeIdentity identity = m_backend ? m_backend->nodeIdentity() : NodeIdentity();
    m_title->setText(identity.name.isEmpty() ? tr("This node") : tr("Node %1").arg(identity.name));
    QStringList lines;
    if (!identity.listenAddress.isEmpty())
        lines << tr("Reachable on the network at %1").arg(identity.listenAddress);
    if (!identity.fingerprint.isEmpty())
        lines << tr("Certificate fingerprint (SHA-256):") << identity.fingerprint;
    else if (m_backend && !m_backend->serverFingerprint().isEmpty())
        lines << tr("Certificate fingerprint (SHA-256):") << m_backend->serverFingerprint();
    if (identity.listenAddress.isEmpty() && identity.fingerprint.isEmpty()) {
        if (m_endpointInfo.isEmpty())
            lines << tr("Not reachable from other computers (started without --listen).");
        else
            lines << m_endpointInfo;
    }
    if (!identity.version.isEmpty())
        lines << tr("Version %1").arg(identity.version);
    if (m_backend && !m_backend->dataDir().isEmpty())
        lines << tr("State kept in %1").arg(m_backend->dataDir());
    if (m_backend && !m_backend->connectionDetail().isEmpty())
        lines << m_backend->connectionDetail();
    m_info->setText(breakableText(lines.join(QLatin1Char('\n'))));
}

void NodeInfoPage::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape || event->key() == Qt::Key_Back) {
        emit backRequested();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace archy
