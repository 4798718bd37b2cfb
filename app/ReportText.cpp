#include "ReportText.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include "Logging.h"

namespace archy {

namespace {

/// Short status words for a terminal, marked for lupdate here and translated where used.
const char *const CrashLoopWord = QT_TRANSLATE_NOOP("archy::ReportText", "CRASH LOOP");
const char *const OkWord = QT_TRANSLATE_NOOP("archy::ReportText", "ok");
const char *const FailedWord = QT_TRANSLATE_NOOP("archy::ReportText", "FAILED");
const char *const WaitingWord = QT_TRANSLATE_NOOP("archy::ReportText", "waiting");
const char *const StartingWord = QT_TRANSLATE_NOOP("archy::ReportText", "starting");

/// Text from podman, a snapshot or the network, safe for a terminal: one line, no control bytes.
QString safe(const QString &text)
{
    return printableText(text, false);
}

QString stateWord(const ContainerStatus &status)
{
    const char *word = StartingWord;
    if (status.crashLoop)
        word = CrashLoopWord;
    else if (status.state == ContainerState::Running)
        word = OkWord;
    else if (status.state == ContainerState::Failed)
        word = FailedWord;
    else if (status.state == ContainerState::Waiting)
        word = WaitingWord;
    return QCoreApplication::translate("archy::ReportText", word);
}

} // namespace

void printReport(const RecoveryReport &report, bool json)
{
    QTextStream out(stdout);
    if (json) {
        out << QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented);
        return;
    }
    const CrashInfo &crash = report.crashInfo;
    if (crash.crash)
        out << QCoreApplication::translate("archy::ReportText", "Crash detected: %1").arg(safe(crash.reason))
            << '\n';
    else
        out << QCoreApplication::translate("archy::ReportText",
                                           "Clean start: the previous run shut down cleanly.")
            << '\n';
    if (!crash.snapshotWarning.isEmpty())
        out << QCoreApplication::translate("archy::ReportText", "Warning: %1")
                   .arg(safe(crash.snapshotWarning))
            << '\n';
    out << QCoreApplication::translate("archy::ReportText", "%1 of %2 containers running.")
               .arg(report.recovered())
               .arg(report.total())
        << '\n';
    for (const ContainerStatus &c : report.containers) {
        out << "  " << stateWord(c).leftJustified(10) << ' ' << safe(c.name);
        if (!c.image.isEmpty())
            out << " (" << safe(c.image) << ')';
        if (c.attempts > 1)
            out << ' '
                << QCoreApplication::translate("archy::ReportText", "[%n attempts]", nullptr, c.attempts);
        if (c.state != ContainerState::Running && !c.error.isEmpty())
            out << ": " << safe(c.error);
        else if (!c.note.isEmpty())
            out << " - " << safe(c.note);
        out << '\n';
    }
}

void printHistory(const QList<RecoveryReport> &reports, bool json)
{
    QTextStream out(stdout);
    if (json) {
        QJsonArray array;
        for (const RecoveryReport &report : reports)
            array.append(report.toJson());
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        return;
    }
    if (reports.isEmpty())
        out << QCoreApplication::translate("archy::ReportText", "No start-ups recorded yet.") << '\n';
    const QString crashWord = QCoreApplication::translate("archy::ReportText", "crash");
    const QString cleanWord = QCoreApplication::translate("archy::ReportText", "clean");
    const int kindWidth = int(qMax(crashWord.size(), cleanWord.size()));
    for (const RecoveryReport &report : reports) {
        const QString when = QDateTime::fromMSecsSinceEpoch(report.startedAtMs)
                                 .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        out << when << "  " << (report.crashInfo.crash ? crashWord : cleanWord).leftJustified(kindWidth)
            << ' '
            << QCoreApplication::translate("archy::ReportText", "%1 of %2 running")
                   .arg(report.recovered())
                   .arg(report.total());
        const QStringList failed = report.failed();
        if (!failed.isEmpty())
            out << "  "
                << QCoreApplication::translate("archy::ReportText", "failed: %1")
                       .arg(safe(failed.join(QStringLiteral(", "))));
        out << '\n';
    }
}

} // namespace archy
