// Renders the main window with a scripted FakeBackend to a PNG (docs/screenshots/), offscreen.
// Usage: archy-ui-demo --mode desktop|kiosk --size 1280x800 --out file.png [--history] [--nodes]
#include <QApplication>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QTimer>
#include <QTreeWidget>

#include "ContainerView.h"
#include "FakeBackend.h"
#include "HistoryView.h"
#include "DesktopWindow.h"
#include "KioskWindow.h"
#include "MainWindow.h"
#include "NodeList.h"
#include "ProgressDelegate.h"

using namespace archy;
using namespace archy::test;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("archy-ui-demo"));

    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption modeOption(QStringLiteral("mode"), QStringLiteral("desktop or kiosk"),
                                        QStringLiteral("mode"), QStringLiteral("desktop"));
    const QCommandLineOption sizeOption(QStringLiteral("size"), QStringLiteral("WxH"), QStringLiteral("size"),
                                        QStringLiteral("1280x800"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("PNG to write"),
                                       QStringLiteral("file"));
    const QCommandLineOption historyOption(QStringLiteral("history"),
                                           QStringLiteral("Show the history page"));
    const QCommandLineOption cleanOption(QStringLiteral("clean"), QStringLiteral("Clean start, no crash"));
    const QCommandLineOption nodesOption(
        QStringLiteral("nodes"),
        QStringLiteral("Desktop node list: this node, a connected and a refused one"));
    parser.addOptions({modeOption, sizeOption, outOption, historyOption, cleanOption, nodesOption});
    parser.process(app);

    const QStringList wh = parser.value(sizeOption).split(QLatin1Char('x'));
    const QSize size(wh.value(0).toInt(), wh.value(1).toInt());
    const WindowMode mode =
        parser.value(modeOption) == QLatin1String("kiosk") ? WindowMode::Kiosk : WindowMode::Desktop;

    FakeBackend backend;
    backend.setDataDir(QStringLiteral("/var/lib/archy-recovery"));
    RecoveryReport report = parser.isSet(cleanOption) ? makeCleanReport() : makeCrashReport();
    if (!parser.isSet(cleanOption)) {
        report.crashInfo.snapshotWarning.clear();
        // A note and a crash loop, so the pictures show both.
        report.containers[0].note = QStringLiteral("Healthy.");
        ContainerStatus loop =
            makeStatus(QStringLiteral("nbxplorer"), ContainerState::Failed,
                       QStringLiteral("Keeps stopping within a minute of being started (3 times "
                                      "in a row); it is not restarted automatically any more."),
                       3);
        loop.crashLoop = true;
        report.containers.append(loop);
    }
    backend.setReport(report);
    backend.setBusy(!parser.isSet(cleanOption));

    const std::unique_ptr<MainWindow> ownedWindow = MainWindow::create(&backend, mode);
    MainWindow &window = *ownedWindow;
    // What the app passes when the agent listens on the LAN (the kiosk shows it under the history).
    window.setEndpointInfo(QStringLiteral("LAN: wss://0.0.0.0:8443 · certificate SHA-256 B4:E2:") +
                           QStringLiteral("26:").repeated(29) + QStringLiteral("94"));
    window.resize(size);
    window.show();
    // Freeze the busy animation at a pleasant spot.
    window.containerView()->progressDelegate()->setAnimationPhase(0.45);

    // Two more nodes: one connected with a clean start, one whose certificate changed.
    FakeBackend pantry;
    pantry.presetConnection(RecoveryBackend::Connection::Connected,
                            QStringLiteral("Connected to wss://pantry.local:8443 (agent 0.1.0)"));
    pantry.setReport(makeCleanReport());
    FakeBackend attic;
    const QString pinned =
        QStringLiteral("3F:9A:") + QStringLiteral("C4:").repeated(29) + QStringLiteral("7E");
    const QString presented =
        QStringLiteral("B4:E2:") + QStringLiteral("26:").repeated(29) + QStringLiteral("94");
    attic.presetConnection(
        RecoveryBackend::Connection::Refused,
        QStringLiteral(
            "The agent's certificate CHANGED - refusing to connect to wss://attic.local:8443. Expected "
            "SHA-256 %1 but the server presented %2. If the agent was reinstalled, compare the new "
            "fingerprint with the one its screen shows and pin it again; otherwise someone may be "
            "intercepting the connection.")
            .arg(pinned, presented));
    auto *desktop = qobject_cast<DesktopWindow *>(&window);
    if (parser.isSet(nodesOption) && desktop) {
        desktop->nodeList()->addBackend(QStringLiteral("pantry"), &pantry,
                                        QStringLiteral("wss://pantry.local:8443"));
        desktop->nodeList()->addBackend(QStringLiteral("attic"), &attic,
                                        QStringLiteral("wss://attic.local:8443"));
        desktop->nodeDock()->show();
        desktop->nodeList()->setCurrentRow(0);
    }

    if (parser.isSet(historyOption)) {
        window.showHistory();
        RecoveryReport older = makeCleanReport();
        older.startedAtMs = 1699000000000;
        RecoveryReport oldest = makeCrashReport();
        oldest.startedAtMs = 1698000000000;
        for (ContainerStatus &c : oldest.containers)
            c.state = ContainerState::Running;
        emit backend.historyLoaded({report, older, oldest});
        window.historyView()->showReport(0);
        window.historyView()->reportList()->setCurrentItem(
            window.historyView()->reportList()->topLevelItem(0));
    }

    QTimer::singleShot(300, &app, [&] {
        window.containerView()->progressDelegate()->setAnimationPhase(0.45);
        const QImage image = window.grab().toImage();
        const QString out = parser.value(outOption);
        if (out.isEmpty() || !image.save(out)) {
            qCritical("could not write %s", qPrintable(out));
            QCoreApplication::exit(1);
            return;
        }
        QCoreApplication::exit(0);
    });
    return QApplication::exec();
}
