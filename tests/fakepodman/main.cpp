// fakepodman: a stand-in for `podman` (4.3.1) in tests. Everything is driven by environment
// variables so a test only has to point the agent's --podman option at this binary.
//
//   FAKE_PODMAN_LOG=FILE
//       Every invocation appends one line to FILE: its arguments (argv[1..]) as a compact JSON
//       array, written with O_APPEND in a single write(). Logged before anything else happens
//       (also for hang/crash modes).
//   FAKE_PODMAN_PIDFILE=FILE
//       Every invocation appends "PID\n" to FILE right after logging.
//   FAKE_PODMAN_STATE=FILE
//       JSON {"containers":[{"name":"web","image":"img","state":"running|exited|created",
//       "labels":{..}, optional "id", "exitCode", "health":"healthy|unhealthy", "command":[..],
//       "logs":["line", ...]}]}.
//       Read by ps/inspect/healthcheck/logs; start/restart -> running, stop/kill -> exited,
//       rm -> removed (rewritten atomically under FILE.lock). Missing variable/file = no containers.
//   FAKE_PODMAN_NAMES_AS_STRING=1
//       `ps --format json` prints "Names" as a string instead of an array (older podman).
//   FAKE_PODMAN_MODE=sub=mode[,sub=mode...]
//       Overrides the behaviour of subcommand `sub` (ps, start, stop, kill, restart, rm, inspect,
//       logs, events, healthcheck, version (also --version), info, or * for all; an exact sub wins over *).
//       mode: fail:CODE:MESSAGE  MESSAGE (may be empty) + "\n" to stderr, exit CODE
//             hang               sleep until killed (SIGTERM works)
//             hang-ignore-term   same, but SIGTERM (and SIGINT/SIGHUP) ignored: needs SIGKILL
//             garbage            non-JSON bytes (incl. invalid UTF-8 and a NUL) on stdout, exit 0
//             slow:MS            sleep MS milliseconds, then behave normally
//             huge               64 MiB of (valid) JSON array on stdout, exit 0
//             crash              abort() (SIGABRT, no core file)
//       A comma only starts a new entry when followed by `word=`, so messages may contain commas.
//   FAKE_PODMAN_FAIL_NAMES=a,b
//       `start` of these containers (by name) fails: exit 125, stderr
//       `Error: unable to start container "<ID>": runc: runc create failed: ...` (podman prints
//       the full ID here, not the name). Other names given in the same call still start.
//   FAKE_PODMAN_FAIL_TIMES=name:N[,name2:M]
//       The first N starts of `name` fail like FAIL_NAMES, later ones succeed. Counters are kept
//       in FAKE_PODMAN_STATE + ".failcount" (needs FAKE_PODMAN_STATE; delete it to reset).
//   FAKE_PODMAN_EVENTS=FILE
//       `events`: print FILE's complete lines, then keep following FILE (lines appended later are
//       printed within ~50 ms) until killed. Without it `events` prints nothing and stays alive.
//       `--stream=false` prints what is there and exits 0.
//   FAKE_PODMAN_HANG_MAX_SEC=N
//       Safety net for hang / hang-ignore-term / events: exit(124) after N seconds
//       (default 600, 0 = really forever) so a broken test cannot leave immortal processes.
//
// Like podman 4.3.1: `--version` -> "podman version 4.3.1"; `start A B` with an unknown name
// starts nothing and fails with `Error: no container with name or ID "X" found: no such
// container` (exit 125); `ps --filter status=...` implies --all; in ps templates `{{.State}}`
// is the human status ("Up 5 seconds ago") while JSON "State" is "running"; global options
// before the subcommand and a leading `container` are accepted.

#include <QByteArray>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QMap>
#include <QRegularExpression>
#include <QSaveFile>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <ctime>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

const QLatin1String kVersion("4.3.1");

QString env(const char *name)
{
    return qEnvironmentVariable(name);
}

void writeFd(int fd, const QByteArray &data)
{
    const char *p = data.constData();
    qsizetype left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, static_cast<size_t>(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        p += n;
        left -= n;
    }
}

void out(const QString &s)
{
    writeFd(STDOUT_FILENO, s.toUtf8());
}

void err(const QString &s)
{
    writeFd(STDERR_FILENO, s.toUtf8());
}

void appendToFile(const QString &path, const QByteArray &line)
{
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return;
    // One write() so concurrent invocations never interleave inside a line.
    [[maybe_unused]] const ssize_t n = ::write(fd, line.constData(), static_cast<size_t>(line.size()));
    ::close(fd);
}

void sleepMs(qint64 ms)
{
    if (ms <= 0)
        return;
    timespec ts{static_cast<time_t>(ms / 1000), static_cast<long>((ms % 1000) * 1000000)};
    while (::nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

qint64 hangMaxSeconds()
{
    bool ok = false;
    const qint64 v = env("FAKE_PODMAN_HANG_MAX_SEC").toLongLong(&ok);
    return ok && v >= 0 ? v : 600;
}

qint64 monotonicMs()
{
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<qint64>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

[[noreturn]] void hangForever()
{
    const qint64 max = hangMaxSeconds();
    const qint64 start = monotonicMs();
    for (;;) {
        sleepMs(100);
        if (max > 0 && monotonicMs() - start >= max * 1000)
            ::_exit(124);
    }
}

QString shortId(const QString &id)
{
    return id.left(12);
}

QString sha256Hex(const QString &s)
{
    return QString::fromLatin1(QCryptographicHash::hash(s.toUtf8(), QCryptographicHash::Sha256).toHex());
}

// ---------------------------------------------------------------------------------------------
// Mode handling

QString modeFor(const QString &sub)
{
    const QString spec = env("FAKE_PODMAN_MODE");
    if (spec.isEmpty())
        return {};
    static const QRegularExpression entryStart(QStringLiteral("^\\s*([A-Za-z*-]+)=(.*)$"),
                                               QRegularExpression::DotMatchesEverythingOption);
    QList<QPair<QString, QString>> entries;
    for (const QString &part : spec.split(QLatin1Char(','))) {
        const auto m = entryStart.match(part);
        if (m.hasMatch())
            entries.append({m.captured(1), m.captured(2)});
        else if (!entries.isEmpty())
            entries.last().second += QLatin1Char(',') + part;
    }
    QString star;
    bool haveStar = false;
    for (const auto &e : entries) {
        if (e.first == sub)
            return e.second;
        if (e.first == QLatin1String("*") && !haveStar) {
            star = e.second;
            haveStar = true;
        }
    }
    return star;
}

[[noreturn]] void emitHuge()
{
    // A valid JSON array of ps-like objects, ~64 MiB in total.
    const qint64 target = 64LL * 1024 * 1024;
    const QByteArray pad(1000, 'x');
    QByteArray chunk;
    qint64 written = 0;
    int i = 0;
    writeFd(STDOUT_FILENO, QByteArrayLiteral("[\n"));
    written += 2;
    while (written < target) {
        chunk.clear();
        while (chunk.size() < 1024 * 1024) {
            if (i > 0)
                chunk += ",\n";
            chunk += "{\"Names\":[\"huge-" + QByteArray::number(i) +
                     "\"],\"Image\":\"localhost/huge:latest\","
                     "\"State\":\"running\",\"Id\":\"" +
                     sha256Hex(QString::number(i)).toLatin1() + "\",\"Labels\":{\"pad\":\"" + pad + "\"}}";
            ++i;
        }
        writeFd(STDOUT_FILENO, chunk);
        written += chunk.size();
    }
    writeFd(STDOUT_FILENO, QByteArrayLiteral("\n]\n"));
    ::_exit(0);
}

// Applies FAKE_PODMAN_MODE for `sub`; returns only if normal behaviour should follow.
void applyMode(const QString &sub)
{
    const QString mode = modeFor(sub);
    if (mode.isEmpty())
        return;
    if (mode.startsWith(QLatin1String("fail:")) || mode == QLatin1String("fail")) {
        const QString rest = mode.mid(5);
        const qsizetype colon = rest.indexOf(QLatin1Char(':'));
        bool ok = false;
        const int code = (colon < 0 ? rest : rest.left(colon)).toInt(&ok);
        const QString message = colon < 0 ? QString() : rest.mid(colon + 1);
        if (!message.isEmpty())
            err(message + QLatin1Char('\n'));
        ::_exit(ok ? code : 125);
    }
    if (mode == QLatin1String("hang"))
        hangForever();
    if (mode == QLatin1String("hang-ignore-term")) {
        ::signal(SIGTERM, SIG_IGN);
        ::signal(SIGINT, SIG_IGN);
        ::signal(SIGHUP, SIG_IGN);
        hangForever();
    }
    if (mode == QLatin1String("garbage")) {
        QByteArray g("this is {not json\n");
        g += "\xff\xfe garbage ]]] \"unterminated\n";
        g += '\0';
        g += "{\"Names\": [\"half\"\n<html>502 Bad Gateway</html>\n";
        writeFd(STDOUT_FILENO, g);
        ::_exit(0);
    }
    if (mode.startsWith(QLatin1String("slow:"))) {
        sleepMs(mode.mid(5).toLongLong());
        return;
    }
    if (mode == QLatin1String("huge"))
        emitHuge();
    if (mode == QLatin1String("crash")) {
        rlimit rl{0, 0};
        ::setrlimit(RLIMIT_CORE, &rl);
        std::abort();
    }
    err(QStringLiteral("fakepodman: unknown FAKE_PODMAN_MODE mode \"%1\" for %2\n").arg(mode, sub));
    ::_exit(99);
}

// ---------------------------------------------------------------------------------------------
// State

struct Store
{
    QString path;
    int lockFd = -1;
    QJsonArray containers;

    explicit Store(QString p) : path(std::move(p)) {}
    ~Store() { unlock(); }

    void lock()
    {
        if (path.isEmpty() || lockFd >= 0)
            return;
        lockFd = ::open(QFile::encodeName(path + QLatin1String(".lock")).constData(),
                        O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (lockFd >= 0)
            ::flock(lockFd, LOCK_EX);
    }
    void unlock()
    {
        if (lockFd >= 0) {
            ::flock(lockFd, LOCK_UN);
            ::close(lockFd);
            lockFd = -1;
        }
    }

    void load()
    {
        containers = {};
        if (path.isEmpty())
            return;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return;
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &pe);
        if (pe.error != QJsonParseError::NoError) {
            err(QStringLiteral("fakepodman: cannot parse %1: %2\n").arg(path, pe.errorString()));
            ::_exit(98);
        }
        containers = doc.object().value(QLatin1String("containers")).toArray();
    }

    void save()
    {
        if (path.isEmpty())
            return;
        QJsonObject root;
        root.insert(QStringLiteral("containers"), containers);
        QSaveFile f(path);
        if (f.open(QIODevice::WriteOnly)) {
            f.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
            f.commit();
        }
    }

    static QString nameOf(const QJsonObject &c) { return c.value(QLatin1String("name")).toString(); }
    static QString idOf(const QJsonObject &c)
    {
        const QString id = c.value(QLatin1String("id")).toString();
        return id.isEmpty() ? sha256Hex(nameOf(c)) : id;
    }
    static QString stateOf(const QJsonObject &c)
    {
        const QString s = c.value(QLatin1String("state")).toString();
        return s.isEmpty() ? QStringLiteral("created") : s;
    }

    // By exact name, full ID or unique ID prefix; -1 if unknown.
    int find(const QString &ref) const
    {
        if (ref.isEmpty())
            return -1;
        for (int i = 0; i < containers.size(); ++i)
            if (nameOf(containers.at(i).toObject()) == ref)
                return i;
        int found = -1;
        for (int i = 0; i < containers.size(); ++i) {
            if (idOf(containers.at(i).toObject()).startsWith(ref)) {
                if (found >= 0)
                    return -1;
                found = i;
            }
        }
        return found;
    }

    QJsonObject at(int i) const { return containers.at(i).toObject(); }
    void set(int i, const QJsonObject &o) { containers.replace(i, o); }
};

QString noSuchContainer(const QString &ref)
{
    return QStringLiteral("Error: no container with name or ID \"%1\" found: no such container\n").arg(ref);
}

QString statusString(const QJsonObject &c)
{
    const QString state = Store::stateOf(c);
    if (state == QLatin1String("running")) {
        QString s = QStringLiteral("Up 5 seconds ago");
        const QString health = c.value(QLatin1String("health")).toString();
        if (!health.isEmpty())
            s += QStringLiteral(" (%1)").arg(health);
        return s;
    }
    if (state == QLatin1String("exited"))
        return QStringLiteral("Exited (%1) 5 seconds ago").arg(c.value(QLatin1String("exitCode")).toInt());
    if (state == QLatin1String("created"))
        return QStringLiteral("Created");
    return state.left(1).toUpper() + state.mid(1);
}

QJsonValue labelsOf(const QJsonObject &c)
{
    const QJsonObject l = c.value(QLatin1String("labels")).toObject();
    return l.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(l);
}

QJsonArray commandOf(const QJsonObject &c)
{
    const QJsonArray cmd = c.value(QLatin1String("command")).toArray();
    return cmd.isEmpty() ? QJsonArray{QStringLiteral("sleep"), QStringLiteral("100000")} : cmd;
}

QStringList toStringList(const QJsonArray &a)
{
    QStringList l;
    for (const auto &v : a)
        l << v.toString();
    return l;
}

qint64 fakePid(const QJsonObject &c)
{
    return 1000 + static_cast<qint64>(qHash(Store::nameOf(c)) % 30000);
}

// ---------------------------------------------------------------------------------------------
// Minimal Go-template rendering: {{.A.B}}, {{json .A}}, {{json .}}, {{index .A "k"}}

QString goValue(const QJsonValue &v, const QString &lastKey)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (d == static_cast<double>(static_cast<qint64>(d)))
            return QString::number(static_cast<qint64>(d));
        return QString::number(d);
    }
    case QJsonValue::Array: {
        QStringList parts;
        for (const auto &e : v.toArray())
            parts << goValue(e, {});
        return QLatin1Char('[') + parts.join(QLatin1Char(' ')) + QLatin1Char(']');
    }
    case QJsonValue::Object: {
        QStringList parts;
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            parts << it.key() + QLatin1Char(':') + goValue(it.value(), it.key());
        return QStringLiteral("map[") + parts.join(QLatin1Char(' ')) + QLatin1Char(']');
    }
    case QJsonValue::Null:
        return lastKey == QLatin1String("Labels") ? QStringLiteral("map[]") : QStringLiteral("<nil>");
    case QJsonValue::Undefined:
        return QStringLiteral("<no value>");
    }
    return {};
}

QJsonValue lookupPath(const QJsonObject &data, const QString &path, QString *lastKey)
{
    if (path == QLatin1String("."))
        return data;
    QJsonValue cur = data;
    const QStringList keys = path.mid(1).split(QLatin1Char('.'), Qt::SkipEmptyParts);
    for (const QString &k : keys) {
        cur = cur.toObject().value(k);
        *lastKey = k;
    }
    return cur;
}

QString jsonOf(const QJsonValue &v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isString()) {
        const QByteArray wrapped = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
    }
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("null");
    return goValue(v, {});
}

QString renderTemplate(const QString &fmt, const QJsonObject &data)
{
    static const QRegularExpression action(QStringLiteral("\\{\\{-?\\s*(.*?)\\s*-?\\}\\}"));
    static const QRegularExpression indexRe(QStringLiteral("^index\\s+(\\S+)\\s+\"([^\"]*)\"$"));
    QString result;
    qsizetype pos = 0;
    auto it = action.globalMatch(fmt);
    while (it.hasNext()) {
        const auto m = it.next();
        result += fmt.mid(pos, m.capturedStart() - pos);
        pos = m.capturedEnd();
        const QString a = m.captured(1);
        QString lastKey;
        if (a.startsWith(QLatin1String("json "))) {
            result += jsonOf(lookupPath(data, a.mid(5).trimmed(), &lastKey));
        } else if (const auto im = indexRe.match(a); im.hasMatch()) {
            const QJsonValue v = lookupPath(data, im.captured(1), &lastKey).toObject().value(im.captured(2));
            result += v.isUndefined() ? QString() : goValue(v, {});
        } else if (a.startsWith(QLatin1Char('.'))) {
            result += goValue(lookupPath(data, a, &lastKey), lastKey);
        }
    }
    result += fmt.mid(pos);
    result.replace(QLatin1String("\\t"), QLatin1String("\t"));
    result.replace(QLatin1String("\\n"), QLatin1String("\n"));
    return result;
}

// ---------------------------------------------------------------------------------------------
// Option helpers

// Takes the value of --opt VALUE / --opt=VALUE / -o VALUE at args[i]; returns true if args[i]
// was that option (and advances i past a separate value).
bool takeValue(const QStringList &args, int &i, const QStringList &names, QString *value)
{
    const QString &a = args.at(i);
    for (const QString &n : names) {
        if (a == n) {
            *value = i + 1 < args.size() ? args.at(i + 1) : QString();
            ++i;
            return true;
        }
        if (n.startsWith(QLatin1String("--")) && a.startsWith(n + QLatin1Char('='))) {
            *value = a.mid(n.size() + 1);
            return true;
        }
    }
    return false;
}

QString isoTime(qint64 secs)
{
    // toUTC(): Qt 6.4's QTimeZone::utc() prints "+00:00" where podman (and Qt::UTC) print "Z".
    return QDateTime::fromSecsSinceEpoch(secs, QTimeZone::utc()).toUTC().toString(Qt::ISODate);
}

// ---------------------------------------------------------------------------------------------
// Subcommands

QJsonObject psJson(const QJsonObject &c)
{
    const QString id = Store::idOf(c);
    const QString state = Store::stateOf(c);
    const qint64 created = c.value(QLatin1String("created")).toInteger(1795842871);
    QJsonObject o;
    o.insert(QStringLiteral("AutoRemove"), false);
    o.insert(QStringLiteral("Command"), commandOf(c));
    o.insert(QStringLiteral("CreatedAt"), QStringLiteral("5 seconds ago"));
    o.insert(QStringLiteral("Exited"), state == QLatin1String("exited"));
    o.insert(QStringLiteral("ExitedAt"), state == QLatin1String("exited") ? created + 10 : -62135596800LL);
    o.insert(QStringLiteral("ExitCode"), c.value(QLatin1String("exitCode")).toInt());
    o.insert(QStringLiteral("Id"), id);
    o.insert(QStringLiteral("Image"), c.value(QLatin1String("image")).toString());
    o.insert(QStringLiteral("ImageID"), sha256Hex(c.value(QLatin1String("image")).toString()));
    o.insert(QStringLiteral("IsInfra"), false);
    o.insert(QStringLiteral("Labels"), labelsOf(c));
    o.insert(QStringLiteral("Mounts"), QJsonArray());
    if (env("FAKE_PODMAN_NAMES_AS_STRING") == QLatin1String("1"))
        o.insert(QStringLiteral("Names"), Store::nameOf(c));
    else
        o.insert(QStringLiteral("Names"), QJsonArray{Store::nameOf(c)});
    o.insert(QStringLiteral("Namespaces"), QJsonObject());
    o.insert(QStringLiteral("Networks"), QJsonArray());
    o.insert(QStringLiteral("Pid"), state == QLatin1String("running") ? fakePid(c) : 0);
    o.insert(QStringLiteral("Pod"), QString());
    o.insert(QStringLiteral("PodName"), QString());
    o.insert(QStringLiteral("Ports"), QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("Size"), QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("StartedAt"), state == QLatin1String("created") ? -62135596800LL : created + 1);
    o.insert(QStringLiteral("State"), state);
    o.insert(QStringLiteral("Status"), statusString(c));
    o.insert(QStringLiteral("Created"), created);
    return o;
}

QJsonObject psTemplateData(const QJsonObject &c, bool noTrunc)
{
    const QString id = Store::idOf(c);
    QJsonObject o = psJson(c);
    o.insert(QStringLiteral("ID"), noTrunc ? id : shortId(id));
    o.insert(QStringLiteral("Names"), Store::nameOf(c));
    o.insert(QStringLiteral("State"), statusString(c)); // podman 4.3 templates: human string
    o.insert(QStringLiteral("Command"), toStringList(commandOf(c)).join(QLatin1Char(' ')));
    o.insert(QStringLiteral("Ports"), QString());
    o.insert(QStringLiteral("Size"), QString());
    return o;
}

bool matchesFilters(const QJsonObject &c, const QMap<QString, QStringList> &filters)
{
    for (auto it = filters.begin(); it != filters.end(); ++it) {
        const QString &key = it.key();
        const QStringList &values = it.value();
        if (key == QLatin1String("label")) { // all label filters must match
            const QJsonObject labels = c.value(QLatin1String("labels")).toObject();
            for (const QString &v : values) {
                const qsizetype eq = v.indexOf(QLatin1Char('='));
                const QString k = eq < 0 ? v : v.left(eq);
                if (!labels.contains(k))
                    return false;
                if (eq >= 0 && labels.value(k).toString() != v.mid(eq + 1))
                    return false;
            }
            continue;
        }
        bool any = false; // same key: any value may match
        for (const QString &v : values) {
            if (key == QLatin1String("status"))
                any = Store::stateOf(c) == v;
            else if (key == QLatin1String("name"))
                any = QRegularExpression(v).match(Store::nameOf(c)).hasMatch();
            else if (key == QLatin1String("id"))
                any = Store::idOf(c).startsWith(v);
            else if (key == QLatin1String("ancestor"))
                any = c.value(QLatin1String("image")).toString().contains(v);
            if (any)
                break;
        }
        if (!any)
            return false;
    }
    return true;
}

int cmdPs(const QStringList &args)
{
    bool all = false, quiet = false, noTrunc = false, noHeading = false;
    QString format;
    QMap<QString, QStringList> filters;
    static const QStringList knownFilters{QStringLiteral("status"), QStringLiteral("name"),
                                          QStringLiteral("label"), QStringLiteral("id"),
                                          QStringLiteral("ancestor")};
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        QString v;
        if (takeValue(args, i, {QStringLiteral("--format")}, &format))
            continue;
        if (takeValue(args, i, {QStringLiteral("--filter"), QStringLiteral("-f")}, &v)) {
            const qsizetype eq = v.indexOf(QLatin1Char('='));
            const QString key = eq < 0 ? v : v.left(eq);
            if (eq < 0 || !knownFilters.contains(key)) {
                err(QStringLiteral("Error: invalid filter \"%1\"\n").arg(v));
                return 125;
            }
            filters[key] << v.mid(eq + 1);
            continue;
        }
        if (takeValue(args, i, {QStringLiteral("--sort"), QStringLiteral("--last"), QStringLiteral("-n")},
                      &v))
            continue;
        if (a == QLatin1String("--all"))
            all = true;
        else if (a == QLatin1String("--quiet"))
            quiet = true;
        else if (a == QLatin1String("--no-trunc"))
            noTrunc = true;
        else if (a == QLatin1String("--noheading"))
            noHeading = true;
        else if (a.startsWith(QLatin1Char('-')) && !a.startsWith(QLatin1String("--"))) {
            if (a.contains(QLatin1Char('a')))
                all = true;
            if (a.contains(QLatin1Char('q')))
                quiet = true;
        }
    }
    if (filters.contains(QStringLiteral("status")))
        all = true;

    Store store(env("FAKE_PODMAN_STATE"));
    store.lock();
    store.load();
    store.unlock();
    QList<QJsonObject> selected;
    for (int i = 0; i < store.containers.size(); ++i) {
        const QJsonObject c = store.at(i);
        if (!all && Store::stateOf(c) != QLatin1String("running"))
            continue;
        if (matchesFilters(c, filters))
            selected << c;
    }

    if (format == QLatin1String("json")) {
        QJsonArray arr;
        for (const auto &c : selected)
            arr.append(psJson(c));
        out(QString::fromUtf8(QJsonDocument(arr).toJson(QJsonDocument::Indented)));
        return 0;
    }
    if (quiet) {
        for (const auto &c : selected)
            out((noTrunc ? Store::idOf(c) : shortId(Store::idOf(c))) + QLatin1Char('\n'));
        return 0;
    }
    if (!format.isEmpty()) {
        if (format.startsWith(QLatin1String("table"))) {
            format = format.mid(5).trimmed();
        }
        for (const auto &c : selected)
            out(renderTemplate(format, psTemplateData(c, noTrunc)) + QLatin1Char('\n'));
        return 0;
    }
    const QString row = QStringLiteral("%1  %2  %3  %4  %5  %6  %7\n");
    if (!noHeading)
        out(row.arg(QStringLiteral("CONTAINER ID"), QStringLiteral("IMAGE"), QStringLiteral("COMMAND"),
                    QStringLiteral("CREATED"), QStringLiteral("STATUS"), QStringLiteral("PORTS"),
                    QStringLiteral("NAMES")));
    for (const auto &c : selected) {
        const QJsonObject d = psTemplateData(c, noTrunc);
        out(row.arg(d.value(QLatin1String("ID")).toString(), d.value(QLatin1String("Image")).toString(),
                    d.value(QLatin1String("Command")).toString(),
                    d.value(QLatin1String("CreatedAt")).toString(),
                    d.value(QLatin1String("Status")).toString(), QString(), Store::nameOf(c)));
    }
    return 0;
}

// Splits "name:N,name2:M" into a map.
QHash<QString, int> parseFailTimes()
{
    QHash<QString, int> result;
    for (const QString &part : env("FAKE_PODMAN_FAIL_TIMES").split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype colon = part.lastIndexOf(QLatin1Char(':'));
        if (colon <= 0)
            continue;
        result.insert(part.left(colon).trimmed(), part.mid(colon + 1).trimmed().toInt());
    }
    return result;
}

// Returns true if this start attempt of `name` must fail (and counts it).
bool consumeFailTime(const QString &name, const QString &statePath)
{
    const QHash<QString, int> failTimes = parseFailTimes();
    if (!failTimes.contains(name) || statePath.isEmpty())
        return false;
    const QString counterPath = statePath + QLatin1String(".failcount");
    QJsonObject counters;
    {
        QFile f(counterPath);
        if (f.open(QIODevice::ReadOnly))
            counters = QJsonDocument::fromJson(f.readAll()).object();
    }
    const int used = counters.value(name).toInt();
    if (used >= failTimes.value(name))
        return false;
    counters.insert(name, used + 1);
    QSaveFile f(counterPath);
    if (f.open(QIODevice::WriteOnly)) {
        f.write(QJsonDocument(counters).toJson(QJsonDocument::Compact));
        f.commit();
    }
    return true;
}

QString startFailure(const QString &id)
{
    return QStringLiteral("Error: unable to start container \"%1\": runc: runc create failed: unable to "
                          "start container process: "
                          "exec: \"/entrypoint.sh\": stat /entrypoint.sh: no such file or directory: OCI "
                          "runtime attempted to "
                          "invoke a command that was not found\n")
        .arg(id);
}

// Collects container references (non-option args; everything after "--"). Options in
// `valueOpts` consume the next argument.
QStringList collectRefs(const QStringList &args, const QStringList &valueOpts, bool *all,
                        bool *ignore = nullptr, bool dashAIsAll = true)
{
    QStringList refs;
    bool endOfOpts = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (endOfOpts) {
            refs << a;
            continue;
        }
        if (a == QLatin1String("--")) {
            endOfOpts = true;
            continue;
        }
        QString v;
        if (takeValue(args, i, valueOpts, &v))
            continue;
        if (a == QLatin1String("--all") || (dashAIsAll && a == QLatin1String("-a")))
            *all = true;
        else if (ignore && (a == QLatin1String("--ignore") || a == QLatin1String("-i")))
            *ignore = true;
        else if (!a.startsWith(QLatin1Char('-')))
            refs << a;
    }
    return refs;
}

int cmdStart(const QStringList &args)
{
    bool all = false;
    QStringList refs =
        collectRefs(args, {QStringLiteral("--detach-keys"), QStringLiteral("--filter"), QStringLiteral("-f")},
                    &all, nullptr,
                    /*dashAIsAll=*/false); // start -a is --attach
    Store store(env("FAKE_PODMAN_STATE"));
    store.lock();
    store.load();
    if (all) {
        for (int i = 0; i < store.containers.size(); ++i)
            if (Store::stateOf(store.at(i)) != QLatin1String("running"))
                refs << Store::nameOf(store.at(i));
    }
    if (refs.isEmpty()) {
        err(QStringLiteral("Error: start requires at least one argument\n"));
        return 125;
    }
    // podman 4.3 looks every name up first: one unknown name and nothing is started.
    for (const QString &r : refs) {
        if (store.find(r) < 0) {
            err(noSuchContainer(r));
            return 125;
        }
    }
    const QStringList failNames = env("FAKE_PODMAN_FAIL_NAMES").split(QLatin1Char(','), Qt::SkipEmptyParts);
    int rc = 0;
    for (const QString &r : refs) {
        const int idx = store.find(r);
        QJsonObject c = store.at(idx);
        const QString name = Store::nameOf(c);
        if (Store::stateOf(c) != QLatin1String("running") &&
            (failNames.contains(name) || consumeFailTime(name, store.path))) {
            err(startFailure(Store::idOf(c)));
            rc = 125;
            continue;
        }
        c.insert(QStringLiteral("state"), QStringLiteral("running"));
        c.insert(QStringLiteral("exitCode"), 0);
        store.set(idx, c);
        out(r + QLatin1Char('\n'));
    }
    store.save();
    return rc;
}

// stop, kill, restart, rm
int cmdChangeState(const QString &sub, const QStringList &args)
{
    bool all = false, ignore = false, force = false;
    QString signal;
    const QStringList valueOpts{QStringLiteral("--time"),    QStringLiteral("-t"),
                                QStringLiteral("--signal"),  QStringLiteral("-s"),
                                QStringLiteral("--cidfile"), QStringLiteral("--filter")};
    for (int i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--"))
            break;
        if (takeValue(args, i, {QStringLiteral("--signal"), QStringLiteral("-s")}, &signal))
            continue;
        if (args.at(i) == QLatin1String("-f") || args.at(i) == QLatin1String("--force"))
            force = true;
    }
    QStringList refs = collectRefs(args, valueOpts, &all, &ignore);
    Store store(env("FAKE_PODMAN_STATE"));
    store.lock();
    store.load();
    if (all) {
        for (int i = 0; i < store.containers.size(); ++i)
            refs << Store::nameOf(store.at(i));
    }
    if (refs.isEmpty() && !all) {
        err(QStringLiteral("Error: you must provide at least one container name or ID\n"));
        return 125;
    }
    if (!ignore) {
        for (const QString &r : refs) {
            if (store.find(r) < 0) {
                err(noSuchContainer(r));
                return 125;
            }
        }
    }
    int rc = 0;
    QList<int> toRemove;
    for (const QString &r : refs) {
        const int idx = store.find(r);
        if (idx < 0)
            continue;
        QJsonObject c = store.at(idx);
        const bool running = Store::stateOf(c) == QLatin1String("running");
        if (sub == QLatin1String("kill")) {
            if (!running) {
                err(QStringLiteral("Error: can only kill running containers. %1 is in state %2: container "
                                   "state improper\n")
                        .arg(Store::idOf(c), Store::stateOf(c)));
                rc = 125;
                continue;
            }
            static const QStringList harmless{
                QStringLiteral("0"),       QStringLiteral("HUP"),     QStringLiteral("SIGHUP"),
                QStringLiteral("USR1"),    QStringLiteral("SIGUSR1"), QStringLiteral("USR2"),
                QStringLiteral("SIGUSR2"), QStringLiteral("WINCH"),   QStringLiteral("SIGWINCH")};
            if (!harmless.contains(signal.toUpper())) {
                c.insert(QStringLiteral("state"), QStringLiteral("exited"));
                c.insert(QStringLiteral("exitCode"), 137);
            }
        } else if (sub == QLatin1String("stop")) {
            if (running) {
                c.insert(QStringLiteral("state"), QStringLiteral("exited"));
                c.insert(QStringLiteral("exitCode"), 137);
            }
        } else if (sub == QLatin1String("restart")) {
            c.insert(QStringLiteral("state"), QStringLiteral("running"));
            c.insert(QStringLiteral("exitCode"), 0);
        } else if (sub == QLatin1String("rm")) {
            if (running && !force) {
                err(QStringLiteral("Error: cannot remove container %1 as it is running - running or paused "
                                   "containers cannot be "
                                   "removed without force: container state improper\n")
                        .arg(Store::idOf(c)));
                rc = 2;
                continue;
            }
            toRemove << idx;
            out(r + QLatin1Char('\n'));
            continue;
        }
        store.set(idx, c);
        out(r + QLatin1Char('\n'));
    }
    std::sort(toRemove.begin(), toRemove.end());
    for (auto it = toRemove.crbegin(); it != toRemove.crend(); ++it)
        store.containers.removeAt(*it);
    store.save();
    return rc;
}

QJsonObject inspectJson(const QJsonObject &c)
{
    const QString id = Store::idOf(c);
    const QString state = Store::stateOf(c);
    const QJsonArray cmd = commandOf(c);
    const qint64 created = c.value(QLatin1String("created")).toInteger(1795842871);
    QJsonObject health;
    health.insert(QStringLiteral("Status"), c.value(QLatin1String("health")).toString());
    health.insert(QStringLiteral("FailingStreak"),
                  c.value(QLatin1String("health")).toString() == QLatin1String("unhealthy") ? 1 : 0);
    health.insert(QStringLiteral("Log"), QJsonValue(QJsonValue::Null));
    QJsonObject st;
    st.insert(QStringLiteral("OciVersion"), QStringLiteral("1.0.2-dev"));
    st.insert(QStringLiteral("Status"), state);
    st.insert(QStringLiteral("Running"), state == QLatin1String("running"));
    st.insert(QStringLiteral("Paused"), false);
    st.insert(QStringLiteral("Restarting"), false);
    st.insert(QStringLiteral("OOMKilled"), false);
    st.insert(QStringLiteral("Dead"), false);
    st.insert(QStringLiteral("Pid"), state == QLatin1String("running") ? fakePid(c) : 0);
    st.insert(QStringLiteral("ExitCode"), c.value(QLatin1String("exitCode")).toInt());
    st.insert(QStringLiteral("Error"), QString());
    st.insert(QStringLiteral("StartedAt"), state == QLatin1String("created")
                                               ? QStringLiteral("0001-01-01T00:00:00Z")
                                               : isoTime(created + 1));
    st.insert(QStringLiteral("FinishedAt"), state == QLatin1String("exited")
                                                ? isoTime(created + 10)
                                                : QStringLiteral("0001-01-01T00:00:00Z"));
    st.insert(QStringLiteral("Health"), health);
    QJsonObject config;
    config.insert(QStringLiteral("Hostname"), shortId(id));
    config.insert(QStringLiteral("Image"), c.value(QLatin1String("image")).toString());
    config.insert(QStringLiteral("Labels"), labelsOf(c));
    config.insert(QStringLiteral("Cmd"), cmd);
    QJsonObject restart;
    restart.insert(QStringLiteral("Name"), c.value(QLatin1String("restartPolicy")).toString());
    restart.insert(QStringLiteral("MaximumRetryCount"), 0);
    QJsonObject hostConfig;
    hostConfig.insert(QStringLiteral("RestartPolicy"), restart);
    QJsonObject o;
    o.insert(QStringLiteral("Id"), id);
    o.insert(QStringLiteral("Created"), isoTime(created));
    o.insert(QStringLiteral("Path"), cmd.isEmpty() ? QString() : cmd.first().toString());
    o.insert(QStringLiteral("Args"), QJsonArray::fromStringList(toStringList(cmd).mid(1)));
    o.insert(QStringLiteral("State"), st);
    o.insert(QStringLiteral("Image"), sha256Hex(c.value(QLatin1String("image")).toString()));
    o.insert(QStringLiteral("ImageName"), c.value(QLatin1String("image")).toString());
    o.insert(QStringLiteral("Name"), Store::nameOf(c));
    o.insert(QStringLiteral("RestartCount"), 0);
    o.insert(QStringLiteral("Config"), config);
    o.insert(QStringLiteral("HostConfig"), hostConfig);
    return o;
}

int cmdInspect(const QStringList &args, bool containerOnly)
{
    QString format;
    QStringList refs;
    bool endOfOpts = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        QString v;
        if (endOfOpts) {
            refs << a;
        } else if (a == QLatin1String("--")) {
            endOfOpts = true;
        } else if (takeValue(args, i, {QStringLiteral("--format"), QStringLiteral("-f")}, &format)) {
        } else if (takeValue(args, i, {QStringLiteral("--type"), QStringLiteral("-t")}, &v)) {
            if (v == QLatin1String("container"))
                containerOnly = true;
        } else if (!a.startsWith(QLatin1Char('-'))) {
            refs << a;
        }
    }
    if (refs.isEmpty()) {
        err(QStringLiteral("Error: no names or ids specified\n"));
        return 125;
    }
    Store store(env("FAKE_PODMAN_STATE"));
    store.lock();
    store.load();
    store.unlock();
    int rc = 0;
    QJsonArray found;
    QString errors;
    for (const QString &r : refs) {
        const int idx = store.find(r);
        if (idx < 0) {
            errors += containerOnly
                          ? QStringLiteral("Error: inspecting object: no such container %1\n").arg(r)
                          : QStringLiteral("Error: inspecting object: no such object: \"%1\"\n").arg(r);
            rc = 125;
            continue;
        }
        found.append(inspectJson(store.at(idx)));
    }
    if (format.isEmpty() || format == QLatin1String("json")) {
        out(QString::fromUtf8(QJsonDocument(found).toJson(QJsonDocument::Indented)));
    } else {
        for (const auto &v : found)
            out(renderTemplate(format, v.toObject()) + QLatin1Char('\n'));
    }
    err(errors);
    return rc;
}

int cmdHealthcheck(const QStringList &args)
{
    QStringList rest = args;
    if (!rest.isEmpty() && rest.first() == QLatin1String("run"))
        rest.removeFirst();
    bool all = false;
    const QStringList refs = collectRefs(rest, {}, &all);
    if (refs.size() != 1) {
        err(QStringLiteral("Error: accepts 1 arg(s), received %1\n").arg(refs.size()));
        return 125;
    }
    Store store(env("FAKE_PODMAN_STATE"));
    store.lock();
    store.load();
    store.unlock();
    const int idx = store.find(refs.first());
    if (idx < 0) {
        err(QStringLiteral("Error: unable to look up %1 to perform a health check: ").arg(refs.first()) +
            noSuchContainer(refs.first()).mid(7));
        return 125;
    }
    const QJsonObject c = store.at(idx);
    const QString health = c.value(QLatin1String("health")).toString();
    if (Store::stateOf(c) != QLatin1String("running")) {
        err(QStringLiteral("Error: container %1 is not running\n").arg(Store::idOf(c)));
        return 125;
    }
    if (health.isEmpty()) {
        err(QStringLiteral("Error: container %1 has no defined healthcheck\n").arg(Store::idOf(c)));
        return 125;
    }
    if (health == QLatin1String("healthy"))
        return 0;
    out(QStringLiteral("unhealthy\n"));
    return 1;
}

// `logs [--tail N] [--] NAME`: the container's "logs" lines, the last N of them; each to stdout.
int cmdLogs(const QStringList &args)
{
    qsizetype tail = -1;
    QStringList refs;
    bool endOfOpts = false;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        QString v;
        if (endOfOpts || !a.startsWith(QLatin1Char('-'))) {
            refs << a;
        } else if (a == QLatin1String("--")) {
            endOfOpts = true;
        } else if (takeValue(args, i, {QStringLiteral("--tail"), QStringLiteral("-n")}, &v)) {
            tail = v.toLongLong();
        }
    }
    if (refs.size() != 1) {
        err(QStringLiteral("Error: fakepodman logs takes exactly one container\n"));
        return 125;
    }
    Store store(env("FAKE_PODMAN_STATE"));
    store.lock();
    store.load();
    store.unlock();
    const int idx = store.find(refs.first());
    if (idx < 0) {
        err(noSuchContainer(refs.first()));
        return 125;
    }
    const QStringList lines = toStringList(store.at(idx).value(QLatin1String("logs")).toArray());
    const qsizetype from = tail < 0 ? 0 : qMax<qsizetype>(0, lines.size() - tail);
    for (qsizetype i = from; i < lines.size(); ++i)
        out(lines.at(i) + QLatin1Char('\n'));
    return 0;
}

int cmdEvents(const QStringList &args)
{
    bool stream = true;
    for (int i = 0; i < args.size(); ++i) {
        QString v;
        if (takeValue(args, i, {QStringLiteral("--stream")}, &v))
            stream = v != QLatin1String("false");
    }
    const QString path = env("FAKE_PODMAN_EVENTS");
    qint64 offset = 0;
    auto pump = [&]() {
        if (path.isEmpty())
            return;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly) || f.size() <= offset)
            return;
        f.seek(offset);
        const QByteArray data = f.readAll();
        const qsizetype lastNl = data.lastIndexOf('\n');
        if (lastNl < 0)
            return; // wait for a complete line
        writeFd(STDOUT_FILENO, data.left(lastNl + 1));
        offset += lastNl + 1;
    };
    pump();
    if (!stream)
        return 0;
    const qint64 max = hangMaxSeconds();
    const qint64 start = monotonicMs();
    for (;;) {
        sleepMs(50);
        pump();
        if (max > 0 && monotonicMs() - start >= max * 1000)
            return 124;
    }
}

int cmdVersion(const QStringList &args)
{
    QString format;
    for (int i = 0; i < args.size(); ++i)
        takeValue(args, i, {QStringLiteral("--format"), QStringLiteral("-f")}, &format);
    if (format == QLatin1String("json")) {
        QJsonObject client;
        client.insert(QStringLiteral("APIVersion"), kVersion);
        client.insert(QStringLiteral("Version"), kVersion);
        client.insert(QStringLiteral("GoVersion"), QStringLiteral("go1.19.8"));
        client.insert(QStringLiteral("OsArch"), QStringLiteral("linux/amd64"));
        QJsonObject o;
        o.insert(QStringLiteral("Client"), client);
        out(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)));
        return 0;
    }
    if (!format.isEmpty()) {
        out(format.contains(QLatin1String("Version")) ? QString(kVersion) + QLatin1Char('\n')
                                                      : QStringLiteral("\n"));
        return 0;
    }
    out(QStringLiteral(
        "Client:       Podman Engine\nVersion:      4.3.1\nAPI Version:  4.3.1\nGo Version:   go1.19.8\n"
        "Built:        Thu Jan  1 00:00:00 1970\nOS/Arch:      linux/amd64\n"));
    return 0;
}

int cmdInfo()
{
    QJsonObject host;
    host.insert(QStringLiteral("arch"), QStringLiteral("amd64"));
    host.insert(QStringLiteral("os"), QStringLiteral("linux"));
    host.insert(QStringLiteral("hostname"), QStringLiteral("fakepodman"));
    QJsonObject version;
    version.insert(QStringLiteral("APIVersion"), kVersion);
    version.insert(QStringLiteral("Version"), kVersion);
    QJsonObject o;
    o.insert(QStringLiteral("host"), host);
    o.insert(QStringLiteral("version"), version);
    out(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QStringList args;
    QJsonArray logged;
    for (int i = 1; i < argc; ++i) {
        args << QString::fromLocal8Bit(argv[i]);
        logged.append(args.last());
    }

    if (const QString log = env("FAKE_PODMAN_LOG"); !log.isEmpty())
        appendToFile(log, QJsonDocument(logged).toJson(QJsonDocument::Compact) + '\n');
    if (const QString pidFile = env("FAKE_PODMAN_PIDFILE"); !pidFile.isEmpty())
        appendToFile(pidFile, QByteArray::number(static_cast<qint64>(::getpid())) + '\n');

    // Skip global options (podman [GLOBAL OPTIONS] SUBCOMMAND ...).
    static const QStringList globalValueOpts{QStringLiteral("--root"),
                                             QStringLiteral("--runroot"),
                                             QStringLiteral("--log-level"),
                                             QStringLiteral("--url"),
                                             QStringLiteral("--connection"),
                                             QStringLiteral("-c"),
                                             QStringLiteral("--identity"),
                                             QStringLiteral("--cgroup-manager"),
                                             QStringLiteral("--events-backend"),
                                             QStringLiteral("--runtime"),
                                             QStringLiteral("--storage-driver"),
                                             QStringLiteral("--storage-opt"),
                                             QStringLiteral("--tmpdir"),
                                             QStringLiteral("--network-config-dir"),
                                             QStringLiteral("--conmon"),
                                             QStringLiteral("--hooks-dir"),
                                             QStringLiteral("--network-cmd-path"),
                                             QStringLiteral("--module"),
                                             QStringLiteral("--volumepath"),
                                             QStringLiteral("--runtime-flag"),
                                             QStringLiteral("--imagestore"),
                                             QStringLiteral("--ssh"),
                                             QStringLiteral("--config")};
    int i = 0;
    QString sub;
    for (; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--version") || a == QLatin1String("-v")) {
            sub = QStringLiteral("--version");
            break;
        }
        if (!a.startsWith(QLatin1Char('-'))) {
            sub = a;
            break;
        }
        if (globalValueOpts.contains(a))
            ++i;
    }
    QStringList rest = args.mid(i + 1);
    bool viaContainer = false;
    if (sub == QLatin1String("container") && !rest.isEmpty()) {
        sub = rest.takeFirst();
        viaContainer = true;
    }
    if (sub == QLatin1String("ls") || sub == QLatin1String("list"))
        sub = QStringLiteral("ps");

    const QString modeKey = sub == QLatin1String("--version") ? QStringLiteral("version") : sub;
    applyMode(modeKey.isEmpty() ? QStringLiteral("help") : modeKey);

    if (sub == QLatin1String("--version")) {
        out(QStringLiteral("podman version 4.3.1\n"));
        return 0;
    }
    if (sub == QLatin1String("ps"))
        return cmdPs(rest);
    if (sub == QLatin1String("start"))
        return cmdStart(rest);
    if (sub == QLatin1String("stop") || sub == QLatin1String("kill") || sub == QLatin1String("restart") ||
        sub == QLatin1String("rm"))
        return cmdChangeState(sub, rest);
    if (sub == QLatin1String("inspect"))
        return cmdInspect(rest, viaContainer);
    if (sub == QLatin1String("healthcheck"))
        return cmdHealthcheck(rest);
    if (sub == QLatin1String("logs"))
        return cmdLogs(rest);
    if (sub == QLatin1String("events"))
        return cmdEvents(rest);
    if (sub == QLatin1String("version"))
        return cmdVersion(rest);
    if (sub == QLatin1String("info"))
        return cmdInfo();
    if (sub.isEmpty()) {
        err(QStringLiteral(
            "Error: missing command 'podman COMMAND'\nTry 'podman --help' for more information\n"));
        return 125;
    }
    err(QStringLiteral("Error: unrecognized command `podman %1`\nTry 'podman --help' for more information\n")
            .arg(sub));
    return 125;
}
