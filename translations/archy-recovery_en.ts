<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>archy</name>
    <message>
        <source>No token file is set for this node.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot read the token file %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The token file %1 does not hold a token (64 hex digits).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::AddNodeDialog</name>
    <message>
        <source>Add Node</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>e.g. living-room</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a copy of the agent's remote-token file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Token file:</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The node's certificate is pinned the first time it connects; compare the fingerprint with the one its screen shows.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Enter the node's address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The address must look like wss://host:port.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This node is already in the list.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Choose the file holding the node's token.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Token File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The new address does not inherit the pinned certificate: the node's certificate is pinned again the first time it connects there.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit Node</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::AgentEndpoints</name>
    <message>
        <source>--listen needs ADDRESS:PORT (for example 0.0.0.0:8443), not "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--tls-cert and --tls-key go together.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>LAN: wss://%1:%2 · certificate SHA-256 %3</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::CliClient</name>
    <message>
        <source>--connect needs wss://HOST:PORT, not "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--connect needs --token-file (the agent's remote-token file).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot reach the agent: nothing listens at %1 (is archy-recovery running on this data dir?)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pinned the certificate of %1 (the agent proved it holds the token): SHA-256 %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::ClientSession</name>
    <message>
        <source>Send hello first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This agent speaks protocol %1, not %2; update the older program.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Bad hello.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Every command needs an "id": a string of 1 to %1 characters.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>retry needs a string "name".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No container named "%1" in the current start-up.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 has not failed (%2); nothing to retry.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wait for the earlier history requests to be answered.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unknown command "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>logs needs a container name in "name".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"lines" must be a whole number from 1 to %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wait for the earlier logs requests to be answered.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::CommandLine</name>
    <message>
        <source>--%1 needs a whole number of at least %2, not "%3".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Restarts the podman containers that were running before a crash or power loss, and shows it.

As a client of a running agent (locally, or with --connect):
  status [--json]                  the current recovery
  retry NAME | retry --all-failed  start failed containers again
  history [--json]                 earlier start-ups</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>status, retry NAME or history (optional).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run headless (no display needed).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run the start-up check and recovery, print the report and exit.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>With --once: print the report as JSON.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fullscreen touch-screen mode.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Language of the interface (de, es, en...).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Where the marker, snapshot and history live (default: %1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>dir</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The podman program (default: from PATH).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>path</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seconds before the first snapshot (default %1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seconds between snapshots (default %1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seconds between two container starts (default %1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seconds one podman start may take (default %1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start attempts per container (default %1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>count</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seconds before the first retry, doubling (default %1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Longest wait between retries in seconds (default %1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Seconds dependants wait for a healthcheck to pass (default %1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>With retry: every failed container.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The local control socket (default: control.sock in the data dir).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Group allowed on the local socket besides root and the agent's user (default %1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>group</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Serve LAN screens over TLS WebSocket on this address (off by default).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>addr:port</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PEM certificate for --listen (default: self-signed, made on first start).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>PEM private key for --tls-cert.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show or command a remote agent (wss://HOST:PORT).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>url</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>With --connect: a copy of the agent's remote-token file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>With --connect: the certificate SHA-256 to expect (default: pinned on first use).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>sha256</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>On a clean start-up, restore nothing (crash recovery still runs).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--json needs --once, status, retry or history.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--once runs the agent here; it cannot go with --connect.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The config file %1 does not exist.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot read the config file %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The config file %1 is not a valid INI file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: unknown setting "%2" (see man archy-recovery).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2 must be true or false, not "%3".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Containers started at once (default: one per core when podman runs in the background, else four per core: %1 or %2 here).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>background: podman runs at a lower CPU and I/O priority so a screen stays smooth; normal: like this program (default: background when this process shows a screen, normal with --no-gui).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>background|normal</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Serve Prometheus metrics at http://ADDR:PORT/metrics (off by default).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>After a crash, a failure or a crash loop, run this command (no shell) with the report JSON on stdin. Repeatable.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>command</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>After a crash, a failure or a crash loop, POST a message to this URL (ntfy-compatible). Repeatable.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Read options from this INI file (default %1 if it exists); the command line wins.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The systemctl program, for containers systemd manages (default: from PATH).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--podman-priority is background or normal, not "%1".</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::ConnectionBanner</name>
    <message>
        <source>Connection to the recovery agent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Local engine</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connecting to the recovery agent…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connection to the recovery agent lost: reconnecting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The list shows the last known state. Retries are disabled until the connection is back.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connection refused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not retried automatically.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::ContainerModel</name>
    <message>
        <source>Retry requested…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Container: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Image: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>State: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Container</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::ContainerState</name>
    <message>
        <source>Waiting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Starting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::ContainerView</name>
    <message>
        <source>Containers</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Starting · 999 s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retry %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start %1 again</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::ControlServer</name>
    <message>
        <source>unknown peer (%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Already listening on %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot remove the stale socket %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Another program is already listening on %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 exists and is not a socket; not touching it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot use %1 for the control socket: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Already listening on the LAN.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>local %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only root, the agent's user and members of group %1 may connect.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The LAN endpoint needs a certificate and a token.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot listen on %1:%2: %3</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::CrashBanner</name>
    <message>
        <source>unknown time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start-up status</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Acknowledge crash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Mark this crash as seen; the warning will not be shown again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Crash detected at %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n services were running before it.</source>
        <translation>
            <numerusform>%n service was running before it.</numerusform>
            <numerusform>%n services were running before it.</numerusform>
        </translation>
    </message>
    <message>
        <source>The node crashed or lost power</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Detected at %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How it was recognised: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last snapshot taken at %1.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Crash seen; %n services still need attention</source>
        <translation>
            <numerusform>Crash seen; %n service still needs attention</numerusform>
            <numerusform>Crash seen; %n services still need attention</numerusform>
        </translation>
    </message>
    <message>
        <source>Crash seen; everything is back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The crash detected at %1 was noted.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>First start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clean start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Warning: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::DataDir</name>
    <message>
        <source>%1 belongs to user id %2, not to the user running archy-recovery (%3); refused. Give it to that user (chown) or use another --data-dir.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is writable by other users (mode %2); refused. Make it private: chmod go-w %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot create %1, the parent of the data directory.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot create the data directory %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot use the data directory %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The data directory %1 is not a directory.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::DesktopWindow</name>
    <message>
        <source>&amp;About Archy Recovery</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Recovery</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nodes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pinned the certificate of %1 on first use: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Nodes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Add Node…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Data: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>About Archy Recovery</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Archy Recovery %1
Restarts the node's containers after a crash or power loss.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::DetailsPage</name>
    <message>
        <source>Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Container details</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Full error from podman</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Last lines of its log</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Back to the overview</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>It keeps stopping soon after each start, so it is no longer restarted automatically. Fix the cause, then tap Retry.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Image: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start attempts: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>First attempt: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Done: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not part of this start-up's recovery.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retry %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No log: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Its log is empty.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::DurableFile</name>
    <message>
        <source>%1 %2: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot open directory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot sync directory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot create a temporary file next to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot keep the previous generation of</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot replace</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot open</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot append to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot remove</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is %2 bytes, more than the %3 bytes allowed; refused.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is more than the %2 bytes allowed; refused.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>something that is not a regular file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a directory</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a FIFO</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a symbolic link</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a socket</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a device</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is %2, not a regular file, and cannot be moved aside: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 was %2, not a regular file; it was moved aside to %3.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::FleetView</name>
    <message>
        <source>"%1" is not a container name.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::HistoryView</name>
    <message>
        <source>unknown time</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Back to recovery</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start-up history</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Earlier start-ups</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reload history</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start-ups, newest first</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start-up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recovered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Containers of the selected start-up</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Container</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Error or note</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Select a start-up to see its containers.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>All start-ups</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Back to the list of start-ups</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Loading history…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Crash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clean</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1, %2, %3 of %4 recovered</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No earlier start-ups recorded.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Crash start-up at %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clean start-up at %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>How it was recognised: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Warning: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Crash loop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1 of %n containers recovered</source>
        <translation>
            <numerusform>%1 of %n container recovered</numerusform>
            <numerusform>%1 of %n containers recovered</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>archy::InstanceLock</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot lock %1: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::KioskWindow</name>
    <message>
        <source>History</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Node</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>About this node</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quit the recovery console?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Containers that are already running keep running.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Quit the recovery console</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cancel, keep the console open</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::LanEndpoint</name>
    <message>
        <source>%1 is not an IP address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wait for the answer to hello.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Send hello first.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This agent speaks protocol %1, not %2; update the older program.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Wrong proof: this client does not hold the agent's token, or it sees another certificate than the agent's.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::MainWindow</name>
    <message>
        <source>Archy Recovery</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connection: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retry All &amp;Failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Start every failed container again</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Retry Selected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Acknowledge Crash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Show earlier start-ups</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dismiss error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Recovering…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retry all failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 keeps stopping soon after being started; it is no longer restarted automatically.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Node %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 – Archy Recovery</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No state from the recovery agent yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Podman is not working, so no service can be started or checked.
%1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1 of %n done</source>
        <translation>
            <numerusform>%1 of %n done</numerusform>
            <numerusform>%1 of %n done</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>archy::MessageChannel</name>
    <message>
        <source>A message may be at most %1 bytes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Messages are text frames.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::MetricsServer</name>
    <message>
        <source>--metrics needs ADDRESS:PORT with a numeric address, e.g. 127.0.0.1:9464, not "%1".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot serve metrics on %1:%2: %3</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::NodeInfoPage</name>
    <message>
        <source>Back</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Back to the overview</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This node</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Node %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reachable on the network at %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Certificate fingerprint (SHA-256):</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not reachable from other computers (started without --listen).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>State kept in %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::NodeList</name>
    <message>
        <source>Add…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nodes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Nodes and their state</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Watch another node's recovery agent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Forget the selected node and its pinned certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove Node</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Remove %1 from the list?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Its pinned certificate is forgotten too; the node itself is not touched.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reconnect</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trust New Certificate…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connect to the selected node again now</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Change the selected node's name, address or token file</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is no longer in the list.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Edit Node</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trust New Certificate</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 now presents a different certificate.

Trusted until now (SHA-256):
%2

Presented now (SHA-256):
%3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trust the new certificate only if the node's own screen shows the same fingerprint.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Trust</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::NodeModel</name>
    <message numerus="yes">
        <source>%1 of %n running, %2 failed</source>
        <translation>
            <numerusform>%1 of %n running, %2 failed</numerusform>
            <numerusform>%1 of %n running, %2 failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n running</source>
        <translation>
            <numerusform>%1 of %n running</numerusform>
            <numerusform>%1 of %n running</numerusform>
        </translation>
    </message>
    <message>
        <source>Certificate SHA-256: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This node</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not a wss:// address.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Only nodes kept in the list can be edited.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No node selected.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Token file: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Certificate: not pinned yet; pinned on the first connection.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Pinned certificate SHA-256: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>This program cannot connect to other nodes.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No backend</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Crash not acknowledged · %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Reconnecting… (last known: %1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>REFUSED: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::Notifier</name>
    <message>
        <source>--notify-command: unterminated quote in %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--notify-command needs a command, not an empty string.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--notify-command: %1 is not an executable program.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--notify-url needs an http:// or https:// URL, not "%1".</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::NotifyMessage</name>
    <message>
        <source>%1: %2 keeps crashing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 keeps stopping soon after each start; it is no longer restarted automatically.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 recovered from a crash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: crash recovery left containers failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The previous run ended without a clean shutdown (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1: containers failed to start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Failed: %1%2</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1 of %n containers running.</source>
        <translation>
            <numerusform>%1 of %n container running.</numerusform>
            <numerusform>%1 of %n containers running.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>archy::Podman</name>
    <message>
        <source>podman was not found (looked for "%1").</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::PodmanCall</name>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>podman did not answer within %n seconds and was stopped.</source>
        <translation>
            <numerusform>podman did not answer within %n second and was stopped.</numerusform>
            <numerusform>podman did not answer within %n seconds and was stopped.</numerusform>
        </translation>
    </message>
    <message>
        <source>podman printed more than %1 MiB and was stopped.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>podman crashed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>podman crashed: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>podman exited with status %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not run podman (%1): %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::PodmanParse</name>
    <message>
        <source>podman ps printed something that is not a JSON list: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>podman inspect printed something that is not a JSON list: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::Protocol</name>
    <message>
        <source>Malformed message: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Malformed message: no "type".</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The agent sent a message larger than this program accepts.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The agent sent a container list this program cannot read.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The agent sent a node description this program cannot read.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The agent sent container logs this program cannot read.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::RecoveryAgent</name>
    <message>
        <source>No data directory was given.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Another archy-recovery instance (pid %1) is running on %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The data directory %1 is not usable: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The data directory %1 is not writable.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write the run marker: %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Keeps stopping within a minute of being started (%n times in a row); it is not restarted automatically any more. Retry once it is fixed.</source>
        <translation>
            <numerusform>Keeps stopping within a minute of being started (%n time in a row); it is not restarted automatically any more. Retry once it is fixed.</numerusform>
            <numerusform>Keeps stopping within a minute of being started (%n times in a row); it is not restarted automatically any more. Retry once it is fixed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped unexpectedly; restarting.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write the container snapshot: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot write the recovery history: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::RecoveryBackend</name>
    <message>
        <source>This connection cannot show container logs.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::RecoveryPlan</name>
    <message>
        <source>Was already running.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::RecoveryRun</name>
    <message>
        <source>Not started: shutting down.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Dependency cycle (%1): started without waiting.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Started; waiting for its health check.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attempt %1 of %2 failed; retrying in %3 s.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Healthy.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Its health check did not pass within %n seconds; the containers waiting for it were started anyway.</source>
        <translation>
            <numerusform>Its health check did not pass within %n second; the containers waiting for it were started anyway.</numerusform>
            <numerusform>Its health check did not pass within %n seconds; the containers waiting for it were started anyway.</numerusform>
        </translation>
    </message>
    <message>
        <source>podman did not start it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Started outside recovery.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not started: it needs %1, which failed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting for %1 (failed).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Started by systemd: %1 is active.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::RemoteBackend</name>
    <message>
        <source>Connecting to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the agent closed the connection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The agent at %1 presented no certificate that could be checked.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The agent's certificate CHANGED - refusing to connect to %1. Expected SHA-256 %2 but the server presented %3. If the agent was reinstalled, compare the new fingerprint with the one its screen shows and pin it again; otherwise someone may be intercepting the connection.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Could not check the certificate of %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The agent at %1 speaks protocol %2; this program speaks %3. Update the older one.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connected to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Connected to %1 (agent %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The agent at %1 refused this user: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The agent at %1 does not speak protocol %2: %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The agent reported an error (%1): %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not connected to the agent; "%1" was not sent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No connection to %1 (%2); trying again in %3 s.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>timed out: no answer from the agent within %1 s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the connection closed before the WebSocket handshake finished</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>nothing listens at %1 (is the agent running?)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>connection refused at %1 (the agent is not running or is overloaded)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>permission denied on %1 (root, the agent's user or its admin group only)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>timed out connecting to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>connection failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>connection refused (is the agent listening on %1?)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>host %1 not found</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>TLS failure: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>network error: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the agent sent an oversized or malformed message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the agent closed the connection: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the agent sent a message larger than %1 bytes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server at %1 sent an invalid challenge; it is not an archy-recovery agent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server at %1 could not prove it holds the agent's token: it is not the agent, or someone is intercepting the connection. Nothing was sent to it but a proof it cannot reuse.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The agent at %1 refused us (wrong token?): %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server at %1 did not start the protocol 2 handshake; it is not a current archy-recovery agent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The server at %1 sent "%2" before its welcome; not believing it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The connection to the agent was closed before it answered.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not connected to the agent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The request did not reach the agent.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The connection to the agent was lost before it answered.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::RemoteCommand</name>
    <message>
        <source>Cannot reach the agent at %1: %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No answer from the agent in time.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The command could not be sent to the agent.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::ReportText</name>
    <message>
        <source>CRASH LOOP</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>FAILED</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>starting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Crash detected: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Clean start: the previous run shut down cleanly.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Warning: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 of %2 containers running.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>[%n attempts]</source>
        <translation>
            <numerusform>[%n attempt]</numerusform>
            <numerusform>[%n attempts]</numerusform>
        </translation>
    </message>
    <message>
        <source>No start-ups recorded yet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>crash</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>clean</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 of %2 running</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>failed: %1</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::RunMarker</name>
    <message>
        <source>The run marker was left behind but is unreadable; treated as a crash.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The run marker names pid %1, which is now this process: the pid was reused (new boot or pid namespace), so the previous run crashed.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The system was restarted while the previous run (pid %1) was still going.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The previous run (pid %1) ended without a clean shutdown.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The previous run (pid %1) ended without a clean shutdown; that pid now belongs to another process (%2).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The instance with pid %1 still runs.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The previous run (pid %1) ended without a clean shutdown; that pid now belongs to an unrelated process (%2).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The previous run (pid %1) ended without a clean shutdown; that pid was reused by a process started after the marker was written.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The previous instance (pid %1, %2) still runs on this data dir.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The previous run (pid %1) ended without a clean shutdown; that pid now belongs to a process whose program cannot be read (a system process).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::Snapshot</name>
    <message>
        <source>entry %1 is %2, not an object</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>entry %1: "name" is %2, not a string</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"%1" is not a valid container name; it was not passed to podman</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>entry %1: "image" is %2, not a string</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not valid JSON (%1 at byte %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>the top level is not a JSON object</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"containers" is %1, not a list</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"stoppedByOwner" is %1, not a list</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is corrupt: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The newest snapshot is missing; the previous one was used.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1; the previous snapshot was used.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"timestamp" is %1, not a number of seconds; the list was used anyway</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"timestamp" %1 is not a time between 1970 and tomorrow; the list was used anyway</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::StatusText</name>
    <message>
        <source>Failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Crash loop</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Retrying</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Starting</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Stopped by owner</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Not running</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Ignored</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Retrying in %n s</source>
        <translation>
            <numerusform>Retrying in %n s</numerusform>
            <numerusform>Retrying in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for %1</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Waiting for %1 and %n more</source>
        <translation>
            <numerusform>Waiting for %1 and %n more</numerusform>
            <numerusform>Waiting for %1 and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for its turn</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Crash loop: keeps stopping after each start</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Starting · %n s</source>
        <translation>
            <numerusform>Starting · %n s</numerusform>
            <numerusform>Starting · %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Podman itself is not working</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No service can start until podman works again. Restart the node; if this stays, the container storage may need repair.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The program it starts is missing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The app's image is incomplete or its start command is wrong. Reinstall or update the app, then tap Retry.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Its image is missing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The app's image was removed. Reinstall the app (this downloads the image), then tap Retry.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A port it needs is in use</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Another service uses the same network port. Stop that service or change the port, then tap Retry.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The container no longer exists</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>It was removed after the snapshot was taken; there is nothing to start. Reinstall the app if you still need it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A service it depends on failed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Fix the service it waits for first; it starts by itself once that one runs.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>It took too long to start</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The node may be busy or the disk slow. Tap Retry; if it keeps happening, check the app's log below.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Permission denied</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>A file or device it needs cannot be opened. Check the app's settings, then tap Retry.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Podman is not working: services cannot be checked</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n services need attention</source>
        <translation>
            <numerusform>%n service needs attention</numerusform>
            <numerusform>%n services need attention</numerusform>
        </translation>
    </message>
    <message>
        <source>Welcome: no services yet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>No services are running</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>All %n services are running again</source>
        <translation>
            <numerusform>The %n service is running again</numerusform>
            <numerusform>All %n services are running again</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n services are running</source>
        <translation>
            <numerusform>The %n service is running</numerusform>
            <numerusform>All %n services are running</numerusform>
        </translation>
    </message>
    <message>
        <source>The node stopped unexpectedly (a crash or a power cut). Services that ran before are being brought back.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>First start on this node. From now on the services that run are remembered and brought back after a power cut.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The node shut down cleanly last time; nothing needed recovering.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown time</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>Starting services: %1 of %n running</source>
        <translation>
            <numerusform>Starting service: %1 of %n running</numerusform>
            <numerusform>Starting services: %1 of %n running</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>archy::TlsIdentity</name>
    <message>
        <source>%1 does not exist.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is too big for a PEM file.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot move %1 into place: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 holds no unencrypted PEM private key (EC or RSA).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot make a TLS certificate: the openssl program was not found (package openssl).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot make a TLS certificate in %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot run openssl: %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>openssl could not make a certificate (exit %1): %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot make the new TLS files private in %1.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::Token</name>
    <message>
        <source>%1 is not 64 hex digits; remove it to make a new token.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is readable by others and cannot be made private.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Cannot read the token file %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 does not hold a token (64 hex digits).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>archy::main</name>
    <message>
        <source>Connected to %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Attaching to it.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Signal %1 received, stopping.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Try --help.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--connect goes with the GUI or a command (status, retry, history).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>SIGHUP received: logs go to stderr and need no reopening; nothing is reloaded (restart to change options).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The recovery history could not be written: %1</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>
