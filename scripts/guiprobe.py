#!/usr/bin/python3
"""GUI-thread latency of a Qt program, measured from outside it over AT-SPI.

    guiprobe.py PID OUT_FILE [--interval-ms 20] [--seconds S | --until FILE] [--ready FILE]

Qt serves its accessibility tree (the AT-SPI D-Bus interface, enabled with
QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1) on the GUI thread: the D-Bus thread hands each call to the
GUI thread's event loop and waits for the answer. The round trip of a trivial call (GetRole on the
application's root object) is therefore how long the GUI thread could not serve an event, plus a
small constant (two D-Bus hops, measured by the idle baseline). One call every INTERVAL ms, one at a
time; each round trip in milliseconds goes to OUT_FILE, one per line.

Needs a D-Bus session bus with at-spi2-core (org.a11y.Bus) and python3-dbus (Debian packages).
"""
import argparse
import os
import sys
import time

import dbus
import dbus.bus

ROOT_PATH = "/org/a11y/atspi/accessible/root"
ACCESSIBLE = "org.a11y.atspi.Accessible"


def a11y_bus():
    session = dbus.SessionBus()
    launcher = session.get_object("org.a11y.Bus", "/org/a11y/bus")
    return dbus.bus.BusConnection(str(launcher.GetAddress(dbus_interface="org.a11y.Bus")))


def find_app(bus, pid, timeout_s):
    """The unique name the Qt program with PID holds on the accessibility bus."""
    driver = bus.get_object("org.freedesktop.DBus", "/org/freedesktop/DBus")
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if not os.path.exists(f"/proc/{pid}"):
            sys.exit(f"guiprobe: process {pid} is gone")
        for name in driver.ListNames(dbus_interface="org.freedesktop.DBus"):
            if not name.startswith(":"):
                continue
            try:
                owner = driver.GetConnectionUnixProcessID(name, dbus_interface="org.freedesktop.DBus")
            except dbus.DBusException:
                continue
            if owner != pid:
                continue
            try:  # the bridge's connection answers for the root object
                bus.get_object(name, ROOT_PATH, introspect=False).GetRole(dbus_interface=ACCESSIBLE, timeout=5)
                return name
            except dbus.DBusException:
                continue
        time.sleep(0.05)
    sys.exit(f"guiprobe: process {pid} did not appear on the accessibility bus within {timeout_s} s "
             "(QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 set? at-spi2-core installed?)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pid", type=int)
    parser.add_argument("out")
    parser.add_argument("--interval-ms", type=float, default=20.0)
    parser.add_argument("--seconds", type=float, default=0.0, help="probe this long")
    parser.add_argument("--until", help="probe until this file exists (and is not empty)")
    parser.add_argument("--ready", help="create this file once the program answers")
    parser.add_argument("--find-timeout", type=float, default=30.0)
    args = parser.parse_args()
    if not args.seconds and not args.until:
        parser.error("give --seconds or --until")

    bus = a11y_bus()
    name = find_app(bus, args.pid, args.find_timeout)
    root = bus.get_object(name, ROOT_PATH, introspect=False)
    get_role = root.get_dbus_method("GetRole", ACCESSIBLE)
    if args.ready:
        open(args.ready, "w").close()

    interval = args.interval_ms / 1000.0
    samples = []
    start = time.monotonic()
    next_send = start
    while True:
        now = time.monotonic()
        if args.seconds and now - start >= args.seconds:
            break
        if args.until and os.path.exists(args.until) and os.path.getsize(args.until) > 0:
            break
        if now < next_send:
            time.sleep(next_send - now)
        t0 = time.perf_counter()
        try:
            get_role(timeout=30)
        except dbus.DBusException as error:
            sys.exit(f"guiprobe: the program stopped answering: {error}")
        samples.append((time.perf_counter() - t0) * 1000.0)
        next_send = max(time.monotonic(), next_send + interval)
    with open(args.out, "w") as out:
        out.writelines(f"{ms:.3f}\n" for ms in samples)


if __name__ == "__main__":
    main()
