// What a screen or the CLI does with the agent's messages: decode and read reports and statuses.
#include <QJsonArray>
#include <QJsonObject>

#include "FuzzSupport.h"
#include "protocol/Protocol.h"
#include "recovery/RecoveryTypes.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    archy::fuzz::ensureApplication();
    QJsonObject message;
    QString error;
    if (!archy::Protocol::decode(archy::fuzz::bytes(data, size), &message, &error))
        return 0;
    const QString type = archy::Protocol::typeOf(message);
    if (type == archy::Protocol::Type::state() || type == archy::Protocol::Type::report()) {
        const archy::RecoveryReport report =
            archy::RecoveryReport::fromJson(message.value(QLatin1String("report")).toObject());
        (void)report.total();
        (void)report.recovered();
        archy::Fleet fleet;
        (void)archy::Protocol::fleetFromWire(message.value(QLatin1String("fleet")), &fleet, &error);
        archy::NodeIdentity node;
        (void)archy::Protocol::nodeFromWire(message.value(QLatin1String("node")), &node, &error);
        (void)archy::Protocol::encode(
            archy::Protocol::state(report, message.value(QLatin1String("busy")).toBool(), fleet, node));
    } else if (type == archy::Protocol::Type::container()) {
        const archy::ContainerStatus status =
            archy::ContainerStatus::fromJson(message.value(QLatin1String("status")).toObject());
        (void)archy::Protocol::encode(archy::Protocol::container(status));
    } else if (type == archy::Protocol::Type::fleet()) {
        archy::Fleet fleet;
        if (archy::Protocol::fleetFromWire(message.value(QLatin1String("fleet")), &fleet, &error))
            (void)archy::Protocol::encode(archy::Protocol::fleet(fleet));
    } else if (type == archy::Protocol::Type::result()) {
        archy::ContainerLogs logs;
        if (archy::Protocol::logsFromWire(message.value(QLatin1String("logs")), &logs, &error))
            (void)archy::Protocol::encode(archy::Protocol::logsResult(QStringLiteral("x"), logs));
    } else if (type == archy::Protocol::Type::history()) {
        const QJsonArray reports = message.value(QLatin1String("reports")).toArray();
        for (const QJsonValue &value : reports)
            (void)archy::RecoveryReport::fromJson(value.toObject()).toJson();
    }
    return 0;
}
