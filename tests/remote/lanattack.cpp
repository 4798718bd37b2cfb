// lanattack PORT SECONDS [DRIBBLERS HALF_OPEN_EACH]: runs the LanAttacker against 127.0.0.1:PORT
// for SECONDS, then prints what it opened. For scripts/lan-attack-bench.sh.

#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

#include "LanAttacker.h"

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        QTextStream(stderr) << "usage: lanattack PORT SECONDS [DRIBBLERS HALF_OPEN_EACH]\n";
        return 2;
    }
    archy::test::LanAttacker::Plan plan;
    plan.port = quint16(args.at(1).toUInt());
    const int seconds = args.at(2).toInt();
    plan.dribblers = args.size() > 3 ? args.at(3).toInt() : 2;
    const int each = args.size() > 4 ? args.at(4).toInt() : 50;
    plan.halfOpenTcp = plan.silentTls = plan.silentUpgraded = each;
    archy::test::LanAttacker attacker(plan);
    attacker.start();
    QTimer::singleShot(seconds * 1000, &app, [&] {
        attacker.stop();
        QTextStream(stdout) << "attacker: opened " << attacker.opened.load() << " connections, dribbled "
                            << attacker.dribbledBytes.load() << " header bytes, " << attacker.upgraded.load()
                            << " upgrades completed\n";
        QCoreApplication::quit();
    });
    return app.exec();
}
