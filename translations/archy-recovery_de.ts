<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>archy</name>
    <message>
        <source>No token file is set for this node.</source>
        <translation>Für diesen Knoten ist keine Token-Datei eingetragen.</translation>
    </message>
    <message>
        <source>Cannot read the token file %1: %2</source>
        <translation>Die Token-Datei %1 ist nicht lesbar: %2</translation>
    </message>
    <message>
        <source>The token file %1 does not hold a token (64 hex digits).</source>
        <translation>Die Token-Datei %1 enthält kein Token (64 Hex-Ziffern).</translation>
    </message>
</context>
<context>
    <name>archy::AddNodeDialog</name>
    <message>
        <source>Add Node</source>
        <translation>Knoten hinzufügen</translation>
    </message>
    <message>
        <source>e.g. living-room</source>
        <translation>z. B. wohnzimmer</translation>
    </message>
    <message>
        <source>a copy of the agent's remote-token file</source>
        <translation>eine Kopie der remote-token-Datei des Agenten</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Token file:</source>
        <translation>&amp;Token-Datei:</translation>
    </message>
    <message>
        <source>The node's certificate is pinned the first time it connects; compare the fingerprint with the one its screen shows.</source>
        <translation>Das Zertifikat des Knotens wird bei der ersten Verbindung festgehalten; vergleichen Sie den Fingerabdruck mit dem auf seinem Bildschirm.</translation>
    </message>
    <message>
        <source>Enter the node's address.</source>
        <translation>Geben Sie die Adresse des Knotens ein.</translation>
    </message>
    <message>
        <source>The address must look like wss://host:port.</source>
        <translation>Die Adresse muss die Form wss://host:port haben.</translation>
    </message>
    <message>
        <source>This node is already in the list.</source>
        <translation>Dieser Knoten ist bereits in der Liste.</translation>
    </message>
    <message>
        <source>Choose the file holding the node's token.</source>
        <translation>Wählen Sie die Datei mit dem Token des Knotens.</translation>
    </message>
    <message>
        <source>Token File</source>
        <translation>Token-Datei</translation>
    </message>
    <message>
        <source>The new address does not inherit the pinned certificate: the node's certificate is pinned again the first time it connects there.</source>
        <translation>Die neue Adresse übernimmt das festgehaltene Zertifikat nicht: Das Zertifikat des Knotens wird bei der ersten Verbindung dorthin erneut festgehalten.</translation>
    </message>
    <message>
        <source>Edit Node</source>
        <translation>Knoten bearbeiten</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
</context>
<context>
    <name>archy::AgentEndpoints</name>
    <message>
        <source>--listen needs ADDRESS:PORT (for example 0.0.0.0:8443), not "%1".</source>
        <translation>--listen braucht ADRESSE:PORT (zum Beispiel 0.0.0.0:8443), nicht „%1“.</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together.</source>
        <translation>--tls-cert und --tls-key gehören zusammen.</translation>
    </message>
    <message>
        <source>LAN: wss://%1:%2 · certificate SHA-256 %3</source>
        <translation>LAN: wss://%1:%2 · Zertifikat SHA-256 %3</translation>
    </message>
</context>
<context>
    <name>archy::CliClient</name>
    <message>
        <source>--connect needs wss://HOST:PORT, not "%1".</source>
        <translation>--connect braucht wss://HOST:PORT, nicht „%1“.</translation>
    </message>
    <message>
        <source>--connect needs --token-file (the agent's remote-token file).</source>
        <translation>--connect braucht --token-file (die remote-token-Datei des Agenten).</translation>
    </message>
    <message>
        <source>Cannot reach the agent: nothing listens at %1 (is archy-recovery running on this data dir?)</source>
        <translation>Der Agent ist nicht erreichbar: An %1 lauscht nichts (läuft archy-recovery auf diesem Datenverzeichnis?)</translation>
    </message>
    <message>
        <source>Pinned the certificate of %1 (the agent proved it holds the token): SHA-256 %2</source>
        <translation>Zertifikat von %1 festgehalten (der Agent hat nachgewiesen, dass er das Token besitzt): SHA-256 %2</translation>
    </message>
</context>
<context>
    <name>archy::ClientSession</name>
    <message>
        <source>Send hello first.</source>
        <translation>Zuerst hello senden.</translation>
    </message>
    <message>
        <source>This agent speaks protocol %1, not %2; update the older program.</source>
        <translation>Dieser Agent spricht Protokoll %1, nicht %2; aktualisieren Sie das ältere Programm.</translation>
    </message>
    <message>
        <source>Bad hello.</source>
        <translation>Ungültiges hello.</translation>
    </message>
    <message>
        <source>Every command needs an "id": a string of 1 to %1 characters.</source>
        <translation>Jeder Befehl braucht eine „id“: eine Zeichenkette mit 1 bis %1 Zeichen.</translation>
    </message>
    <message>
        <source>retry needs a string "name".</source>
        <translation>retry braucht eine Zeichenkette „name“.</translation>
    </message>
    <message>
        <source>No container named "%1" in the current start-up.</source>
        <translation>Beim aktuellen Start gibt es keinen Container namens „%1“.</translation>
    </message>
    <message>
        <source>%1 has not failed (%2); nothing to retry.</source>
        <translation>%1 ist nicht fehlgeschlagen (%2); es gibt nichts erneut zu versuchen.</translation>
    </message>
    <message>
        <source>Wait for the earlier history requests to be answered.</source>
        <translation>Warten Sie, bis die früheren history-Anfragen beantwortet sind.</translation>
    </message>
    <message>
        <source>Unknown command "%1".</source>
        <translation>Unbekannter Befehl „%1“.</translation>
    </message>
    <message>
        <source>logs needs a container name in "name".</source>
        <translation>logs braucht einen Containernamen in „name“.</translation>
    </message>
    <message>
        <source>"lines" must be a whole number from 1 to %1.</source>
        <translation>„lines“ muss eine ganze Zahl von 1 bis %1 sein.</translation>
    </message>
    <message>
        <source>Wait for the earlier logs requests to be answered.</source>
        <translation>Warten Sie, bis die früheren logs-Anfragen beantwortet sind.</translation>
    </message>
</context>
<context>
    <name>archy::CommandLine</name>
    <message>
        <source>--%1 needs a whole number of at least %2, not "%3".</source>
        <translation>--%1 braucht eine ganze Zahl von mindestens %2, nicht „%3“.</translation>
    </message>
    <message>
        <source>Run headless (no display needed).</source>
        <translation>Ohne Oberfläche ausführen (kein Bildschirm nötig).</translation>
    </message>
    <message>
        <source>Run the start-up check and recovery, print the report and exit.</source>
        <translation>Startprüfung und Wiederherstellung ausführen, den Bericht ausgeben und beenden.</translation>
    </message>
    <message>
        <source>With --once: print the report as JSON.</source>
        <translation>Mit --once: den Bericht als JSON ausgeben.</translation>
    </message>
    <message>
        <source>Fullscreen touch-screen mode.</source>
        <translation>Vollbildmodus für den Touchscreen.</translation>
    </message>
    <message>
        <source>Language of the interface (de, es, en...).</source>
        <translation>Sprache der Oberfläche (de, es, en …).</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Where the marker, snapshot and history live (default: %1).</source>
        <translation>Ort von Markierung, Schnappschuss und Verlauf (Standard: %1).</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>Verzeichnis</translation>
    </message>
    <message>
        <source>The podman program (default: from PATH).</source>
        <translation>Das podman-Programm (Standard: aus PATH).</translation>
    </message>
    <message>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <source>Seconds before the first snapshot (default %1).</source>
        <translation>Sekunden bis zum ersten Schnappschuss (Standard %1).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Seconds between snapshots (default %1).</source>
        <translation>Sekunden zwischen Schnappschüssen (Standard %1).</translation>
    </message>
    <message>
        <source>Seconds between two container starts (default %1).</source>
        <translation>Sekunden zwischen zwei Containerstarts (Standard %1).</translation>
    </message>
    <message>
        <source>Seconds one podman start may take (default %1).</source>
        <translation>Sekunden, die ein podman start dauern darf (Standard %1).</translation>
    </message>
    <message>
        <source>Start attempts per container (default %1).</source>
        <translation>Startversuche pro Container (Standard %1).</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Seconds before the first retry, doubling (default %1).</source>
        <translation>Sekunden bis zum ersten erneuten Versuch, jeweils verdoppelt (Standard %1).</translation>
    </message>
    <message>
        <source>Longest wait between retries in seconds (default %1).</source>
        <translation>Längste Wartezeit zwischen Versuchen in Sekunden (Standard %1).</translation>
    </message>
    <message>
        <source>Seconds dependants wait for a healthcheck to pass (default %1).</source>
        <translation>Sekunden, die abhängige Container auf eine bestandene Zustandsprüfung warten (Standard %1).</translation>
    </message>
    <message>
        <source>On a clean start-up, restore nothing (crash recovery still runs).</source>
        <translation>Bei einem sauberen Start nichts wiederherstellen (die Absturz-Wiederherstellung läuft trotzdem).</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>With retry: every failed container.</source>
        <translation>Mit retry: alle fehlgeschlagenen Container.</translation>
    </message>
    <message>
        <source>The local control socket (default: control.sock in the data dir).</source>
        <translation>Der lokale Steuer-Socket (Standard: control.sock im Datenverzeichnis).</translation>
    </message>
    <message>
        <source>Group allowed on the local socket besides root and the agent's user (default %1).</source>
        <translation>Gruppe, die außer root und dem Benutzer des Agenten auf den lokalen Socket zugreifen darf (Standard %1).</translation>
    </message>
    <message>
        <source>group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Serve LAN screens over TLS WebSocket on this address (off by default).</source>
        <translation>LAN-Bildschirme per TLS-WebSocket an dieser Adresse bedienen (standardmäßig aus).</translation>
    </message>
    <message>
        <source>addr:port</source>
        <translation>Adresse:Port</translation>
    </message>
    <message>
        <source>PEM certificate for --listen (default: self-signed, made on first start).</source>
        <translation>PEM-Zertifikat für --listen (Standard: selbstsigniert, beim ersten Start erzeugt).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>PEM private key for --tls-cert.</source>
        <translation>Privater PEM-Schlüssel für --tls-cert.</translation>
    </message>
    <message>
        <source>Show or command a remote agent (wss://HOST:PORT).</source>
        <translation>Einen entfernten Agenten anzeigen oder steuern (wss://HOST:PORT).</translation>
    </message>
    <message>
        <source>url</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>With --connect: a copy of the agent's remote-token file.</source>
        <translation>Mit --connect: eine Kopie der remote-token-Datei des Agenten.</translation>
    </message>
    <message>
        <source>With --connect: the certificate SHA-256 to expect (default: pinned on first use).</source>
        <translation>Mit --connect: der erwartete SHA-256-Fingerabdruck des Zertifikats (Standard: bei der ersten Verbindung festgehalten).</translation>
    </message>
    <message>
        <source>sha256</source>
        <translation>sha256</translation>
    </message>
    <message>
        <source>--json needs --once, status, retry or history.</source>
        <translation>--json braucht --once, status, retry oder history.</translation>
    </message>
    <message>
        <source>--once runs the agent here; it cannot go with --connect.</source>
        <translation>--once führt den Agenten hier aus; das geht nicht zusammen mit --connect.</translation>
    </message>
    <message>
        <source>Restarts the podman containers that were running before a crash or power loss, and shows it.

As a client of a running agent (locally, or with --connect):
  status [--json]                  the current recovery
  retry NAME | retry --all-failed  start failed containers again
  history [--json]                 earlier start-ups</source>
        <translation>Startet die podman-Container neu, die vor einem Absturz oder Stromausfall liefen, und zeigt dies an.

Als Client eines laufenden Agenten (lokal oder mit --connect):
  status [--json]                  die aktuelle Wiederherstellung
  retry NAME | retry --all-failed  fehlgeschlagene Container erneut starten
  history [--json]                 frühere Starts</translation>
    </message>
    <message>
        <source>status, retry NAME or history (optional).</source>
        <translation>status, retry NAME oder history (optional).</translation>
    </message>
    <message>
        <source>The config file %1 does not exist.</source>
        <translation>Die Konfigurationsdatei %1 existiert nicht.</translation>
    </message>
    <message>
        <source>Cannot read the config file %1.</source>
        <translation>Die Konfigurationsdatei %1 ist nicht lesbar.</translation>
    </message>
    <message>
        <source>The config file %1 is not a valid INI file.</source>
        <translation>Die Konfigurationsdatei %1 ist keine gültige INI-Datei.</translation>
    </message>
    <message>
        <source>%1: unknown setting "%2" (see man archy-recovery).</source>
        <translation>%1: unbekannte Einstellung „%2“ (siehe man archy-recovery).</translation>
    </message>
    <message>
        <source>%1: %2 must be true or false, not "%3".</source>
        <translation>%1: %2 muss true oder false sein, nicht „%3“.</translation>
    </message>
    <message>
        <source>Containers started at once (default: one per core when podman runs in the background, else four per core: %1 or %2 here).</source>
        <translation>Gleichzeitig gestartete Container (Standard: einer pro Kern, wenn podman im Hintergrund läuft, sonst vier pro Kern: hier %1 oder %2).</translation>
    </message>
    <message>
        <source>background: podman runs at a lower CPU and I/O priority so a screen stays smooth; normal: like this program (default: background when this process shows a screen, normal with --no-gui).</source>
        <translation>background: podman läuft mit niedrigerer CPU- und E/A-Priorität, damit ein Bildschirm flüssig bleibt; normal: wie dieses Programm (Standard: background, wenn dieser Prozess einen Bildschirm anzeigt, normal mit --no-gui).</translation>
    </message>
    <message>
        <source>background|normal</source>
        <translation>background|normal</translation>
    </message>
    <message>
        <source>Serve Prometheus metrics at http://ADDR:PORT/metrics (off by default).</source>
        <translation>Prometheus-Metriken unter http://ADRESSE:PORT/metrics bereitstellen (standardmäßig aus).</translation>
    </message>
    <message>
        <source>After a crash, a failure or a crash loop, run this command (no shell) with the report JSON on stdin. Repeatable.</source>
        <translation>Nach einem Absturz, einem Fehlschlag oder einer Absturzschleife diesen Befehl (ohne Shell) ausführen, mit dem Bericht als JSON auf stdin. Mehrfach angebbar.</translation>
    </message>
    <message>
        <source>command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>After a crash, a failure or a crash loop, POST a message to this URL (ntfy-compatible). Repeatable.</source>
        <translation>Nach einem Absturz, einem Fehlschlag oder einer Absturzschleife eine Nachricht per POST an diese URL senden (ntfy-kompatibel). Mehrfach angebbar.</translation>
    </message>
    <message>
        <source>Read options from this INI file (default %1 if it exists); the command line wins.</source>
        <translation>Optionen aus dieser INI-Datei lesen (Standard %1, falls vorhanden); die Befehlszeile hat Vorrang.</translation>
    </message>
    <message>
        <source>The systemctl program, for containers systemd manages (default: from PATH).</source>
        <translation>Das systemctl-Programm, für Container, die systemd verwaltet (Standard: aus PATH).</translation>
    </message>
    <message>
        <source>--podman-priority is background or normal, not "%1".</source>
        <translation>--podman-priority ist background oder normal, nicht „%1“.</translation>
    </message>
</context>
<context>
    <name>archy::ConnectionBanner</name>
    <message>
        <source>Connection to the recovery agent</source>
        <translation>Verbindung zum Wiederherstellungsagenten</translation>
    </message>
    <message>
        <source>Local engine</source>
        <translation>Lokale Engine</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbinde erneut…</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Connecting to the recovery agent…</source>
        <translation>Verbinde mit dem Wiederherstellungsagenten…</translation>
    </message>
    <message>
        <source>Connection to the recovery agent lost: reconnecting…</source>
        <translation>Verbindung zum Wiederherstellungsagenten verloren: verbinde erneut…</translation>
    </message>
    <message>
        <source>The list shows the last known state. Retries are disabled until the connection is back.</source>
        <translation>Die Liste zeigt den letzten bekannten Stand. Neue Versuche sind gesperrt, bis die Verbindung wieder steht.</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>Verbindung abgelehnt</translation>
    </message>
    <message>
        <source>Not retried automatically.</source>
        <translation>Wird nicht automatisch erneut versucht.</translation>
    </message>
</context>
<context>
    <name>archy::ContainerModel</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Container: %1</source>
        <translation>Container: %1</translation>
    </message>
    <message>
        <source>Image: %1</source>
        <translation>Image: %1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Zustand: %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Retry requested…</source>
        <translation>Neuer Versuch angefordert…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>archy::ContainerState</name>
    <message>
        <source>Waiting</source>
        <translation>Wartend</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Wird gestartet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>archy::ContainerView</name>
    <message>
        <source>Containers</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Retry %1</source>
        <translation>%1 neu starten</translation>
    </message>
    <message>
        <source>Start %1 again</source>
        <translation>%1 erneut starten</translation>
    </message>
    <message>
        <source>Starting · 999 s</source>
        <translation>Startet · 999 s</translation>
    </message>
</context>
<context>
    <name>archy::ControlServer</name>
    <message>
        <source>unknown peer (%1)</source>
        <translation>unbekannte Gegenstelle (%1)</translation>
    </message>
    <message>
        <source>Already listening on %1.</source>
        <translation>Lauscht bereits an %1.</translation>
    </message>
    <message>
        <source>Cannot remove the stale socket %1: %2</source>
        <translation>Der verwaiste Socket %1 kann nicht entfernt werden: %2</translation>
    </message>
    <message>
        <source>Another program is already listening on %1.</source>
        <translation>Ein anderes Programm lauscht bereits an %1.</translation>
    </message>
    <message>
        <source>%1 exists and is not a socket; not touching it.</source>
        <translation>%1 existiert und ist kein Socket; es wird nicht angetastet.</translation>
    </message>
    <message>
        <source>Cannot use %1 for the control socket: %2</source>
        <translation>%1 kann nicht als Steuer-Socket verwendet werden: %2</translation>
    </message>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation>Lauschen an %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>Already listening on the LAN.</source>
        <translation>Lauscht bereits im LAN.</translation>
    </message>
    <message>
        <source>local %1</source>
        <translation>lokal %1</translation>
    </message>
    <message>
        <source>Only root, the agent's user and members of group %1 may connect.</source>
        <translation>Nur root, der Benutzer des Agenten und Mitglieder der Gruppe %1 dürfen sich verbinden.</translation>
    </message>
    <message>
        <source>The LAN endpoint needs a certificate and a token.</source>
        <translation>Der LAN-Endpunkt braucht ein Zertifikat und ein Token.</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2: %3</source>
        <translation>Lauschen an %1:%2 nicht möglich: %3</translation>
    </message>
</context>
<context>
    <name>archy::CrashBanner</name>
    <message>
        <source>unknown time</source>
        <translation>unbekannte Zeit</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Zur Kenntnis nehmen</translation>
    </message>
    <message>
        <source>Start-up status</source>
        <translation>Startstatus</translation>
    </message>
    <message>
        <source>Acknowledge crash</source>
        <translation>Absturz zur Kenntnis nehmen</translation>
    </message>
    <message>
        <source>Mark this crash as seen; the warning will not be shown again</source>
        <translation>Diesen Absturz als gesehen markieren; die Warnung wird nicht mehr angezeigt</translation>
    </message>
    <message>
        <source>Crash detected at %1</source>
        <translation>Absturz erkannt am %1</translation>
    </message>
    <message>
        <source>The node crashed or lost power</source>
        <translation>Der Knoten ist abgestürzt oder hatte einen Stromausfall</translation>
    </message>
    <message>
        <source>Detected at %1.</source>
        <translation>Erkannt am %1.</translation>
    </message>
    <message>
        <source>How it was recognised: %1</source>
        <translation>Woran es erkannt wurde: %1</translation>
    </message>
    <message>
        <source>Last snapshot taken at %1.</source>
        <translation>Letzter Schnappschuss vom %1.</translation>
    </message>
    <message>
        <source>Clean start</source>
        <translation>Sauberer Start</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n services were running before it.</source>
        <translation>
            <numerusform>%n Dienst lief davor.</numerusform>
            <numerusform>%n Dienste liefen davor.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Crash seen; %n services still need attention</source>
        <translation>
            <numerusform>Absturz zur Kenntnis genommen; %n Dienst braucht noch Aufmerksamkeit</numerusform>
            <numerusform>Absturz zur Kenntnis genommen; %n Dienste brauchen noch Aufmerksamkeit</numerusform>
        </translation>
    </message>
    <message>
        <source>Crash seen; everything is back</source>
        <translation>Absturz zur Kenntnis genommen; alles läuft wieder</translation>
    </message>
    <message>
        <source>The crash detected at %1 was noted.</source>
        <translation>Der um %1 erkannte Absturz wurde zur Kenntnis genommen.</translation>
    </message>
    <message>
        <source>First start</source>
        <translation>Erster Start</translation>
    </message>
</context>
<context>
    <name>archy::DataDir</name>
    <message>
        <source>%1 belongs to user id %2, not to the user running archy-recovery (%3); refused. Give it to that user (chown) or use another --data-dir.</source>
        <translation>%1 gehört der Benutzer-ID %2, nicht dem Benutzer, unter dem archy-recovery läuft (%3); abgelehnt. Übertragen Sie es diesem Benutzer (chown) oder verwenden Sie ein anderes --data-dir.</translation>
    </message>
    <message>
        <source>%1 is writable by other users (mode %2); refused. Make it private: chmod go-w %1.</source>
        <translation>%1 ist für andere Benutzer beschreibbar (Modus %2); abgelehnt. Machen Sie es privat: chmod go-w %1.</translation>
    </message>
    <message>
        <source>Cannot create %1, the parent of the data directory.</source>
        <translation>%1, das übergeordnete Verzeichnis des Datenverzeichnisses, kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Cannot create the data directory %1: %2</source>
        <translation>Das Datenverzeichnis %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>Cannot use the data directory %1: %2</source>
        <translation>Das Datenverzeichnis %1 kann nicht verwendet werden: %2</translation>
    </message>
    <message>
        <source>The data directory %1 is not a directory.</source>
        <translation>Das Datenverzeichnis %1 ist kein Verzeichnis.</translation>
    </message>
</context>
<context>
    <name>archy::DesktopWindow</name>
    <message>
        <source>&amp;About Archy Recovery</source>
        <translation>Ü&amp;ber Archy-Wiederherstellung</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Recovery</source>
        <translation>&amp;Wiederherstellung</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Pinned the certificate of %1 on first use: %2</source>
        <translation>Zertifikat von %1 bei der ersten Verbindung festgehalten: %2</translation>
    </message>
    <message>
        <source>&amp;Nodes</source>
        <translation>&amp;Knoten</translation>
    </message>
    <message>
        <source>&amp;Add Node…</source>
        <translation>Knoten &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Data: %1</source>
        <translation>Daten: %1</translation>
    </message>
    <message>
        <source>About Archy Recovery</source>
        <translation>Über Archy-Wiederherstellung</translation>
    </message>
    <message>
        <source>Archy Recovery %1
Restarts the node's containers after a crash or power loss.</source>
        <translation>Archy-Wiederherstellung %1
Startet die Container des Knotens nach einem Absturz oder Stromausfall neu.</translation>
    </message>
</context>
<context>
    <name>archy::DetailsPage</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Container details</source>
        <translation>Container-Details</translation>
    </message>
    <message>
        <source>Full error from podman</source>
        <translation>Vollständige Fehlermeldung von podman</translation>
    </message>
    <message>
        <source>Last lines of its log</source>
        <translation>Letzte Zeilen seines Protokolls</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Back to the overview</source>
        <translation>Zurück zur Übersicht</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>It keeps stopping soon after each start, so it is no longer restarted automatically. Fix the cause, then tap Retry.</source>
        <translation>Er beendet sich kurz nach jedem Start und wird daher nicht mehr automatisch neu gestartet. Beheben Sie die Ursache und tippen Sie dann auf „Neu starten“.</translation>
    </message>
    <message>
        <source>Image: %1</source>
        <translation>Image: %1</translation>
    </message>
    <message>
        <source>Start attempts: %1</source>
        <translation>Startversuche: %1</translation>
    </message>
    <message>
        <source>First attempt: %1</source>
        <translation>Erster Versuch: %1</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Fertig: %1</translation>
    </message>
    <message>
        <source>Not part of this start-up's recovery.</source>
        <translation>Nicht Teil der Wiederherstellung bei diesem Start.</translation>
    </message>
    <message>
        <source>Retry %1</source>
        <translation>%1 neu starten</translation>
    </message>
    <message>
        <source>No log: %1</source>
        <translation>Kein Protokoll: %1</translation>
    </message>
    <message>
        <source>Its log is empty.</source>
        <translation>Sein Protokoll ist leer.</translation>
    </message>
</context>
<context>
    <name>archy::DurableFile</name>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>Cannot open directory</source>
        <translation>Fehler beim Öffnen des Verzeichnisses</translation>
    </message>
    <message>
        <source>Cannot sync directory</source>
        <translation>Fehler beim Synchronisieren des Verzeichnisses</translation>
    </message>
    <message>
        <source>Cannot create a temporary file next to</source>
        <translation>Fehler beim Anlegen einer temporären Datei neben</translation>
    </message>
    <message>
        <source>Cannot write</source>
        <translation>Fehler beim Schreiben von</translation>
    </message>
    <message>
        <source>Cannot keep the previous generation of</source>
        <translation>Fehler beim Aufbewahren der vorigen Fassung von</translation>
    </message>
    <message>
        <source>Cannot replace</source>
        <translation>Fehler beim Ersetzen von</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>Fehler beim Öffnen von</translation>
    </message>
    <message>
        <source>Cannot append to</source>
        <translation>Fehler beim Anhängen an</translation>
    </message>
    <message>
        <source>Cannot remove</source>
        <translation>Fehler beim Entfernen von</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is %2 bytes, more than the %3 bytes allowed; refused.</source>
        <translation>%1 ist %2 Bytes groß, mehr als die erlaubten %3 Bytes; abgelehnt.</translation>
    </message>
    <message>
        <source>%1 is more than the %2 bytes allowed; refused.</source>
        <translation>%1 ist größer als die erlaubten %2 Bytes; abgelehnt.</translation>
    </message>
    <message>
        <source>something that is not a regular file</source>
        <translation>etwas anderes als eine reguläre Datei</translation>
    </message>
    <message>
        <source>a directory</source>
        <translation>ein Verzeichnis</translation>
    </message>
    <message>
        <source>a FIFO</source>
        <translation>ein FIFO</translation>
    </message>
    <message>
        <source>a symbolic link</source>
        <translation>ein symbolischer Link</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>ein Socket</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>ein Gerät</translation>
    </message>
    <message>
        <source>%1 is %2, not a regular file, and cannot be moved aside: %3</source>
        <translation>%1 ist %2, keine reguläre Datei, und kann nicht beiseitegeschoben werden: %3</translation>
    </message>
    <message>
        <source>%1 was %2, not a regular file; it was moved aside to %3.</source>
        <translation>%1 war %2, keine reguläre Datei; es wurde nach %3 beiseitegeschoben.</translation>
    </message>
</context>
<context>
    <name>archy::FleetView</name>
    <message>
        <source>"%1" is not a container name.</source>
        <translation>„%1“ ist kein Container-Name.</translation>
    </message>
</context>
<context>
    <name>archy::HistoryView</name>
    <message>
        <source>unknown time</source>
        <translation>unbekannte Zeit</translation>
    </message>
    <message>
        <source>Back to recovery</source>
        <translation>Zurück zur Wiederherstellung</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Start-up history</source>
        <translation>Startverlauf</translation>
    </message>
    <message>
        <source>Earlier start-ups</source>
        <translation>Frühere Starts</translation>
    </message>
    <message>
        <source>Reload history</source>
        <translation>Verlauf neu laden</translation>
    </message>
    <message>
        <source>Start-ups, newest first</source>
        <translation>Starts, neueste zuerst</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Start-up</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>Containers of the selected start-up</source>
        <translation>Container des ausgewählten Starts</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Container</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Select a start-up to see its containers.</source>
        <translation>Einen Start auswählen, um seine Container zu sehen.</translation>
    </message>
    <message>
        <source>All start-ups</source>
        <translation>Alle Starts</translation>
    </message>
    <message>
        <source>Back to the list of start-ups</source>
        <translation>Zurück zur Liste der Starts</translation>
    </message>
    <message>
        <source>Loading history…</source>
        <translation>Verlauf wird geladen …</translation>
    </message>
    <message>
        <source>Crash</source>
        <translation>Absturz</translation>
    </message>
    <message>
        <source>Clean</source>
        <translation>Sauber</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1, %2, %3 of %4 recovered</source>
        <translation>%1, %2, %3 von %4 wiederhergestellt</translation>
    </message>
    <message>
        <source>No earlier start-ups recorded.</source>
        <translation>Keine früheren Starts aufgezeichnet.</translation>
    </message>
    <message>
        <source>Crash start-up at %1</source>
        <translation>Start nach Absturz am %1</translation>
    </message>
    <message>
        <source>Clean start-up at %1</source>
        <translation>Sauberer Start am %1</translation>
    </message>
    <message>
        <source>How it was recognised: %1</source>
        <translation>Woran es erkannt wurde: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Error or note</source>
        <translation>Fehler oder Hinweis</translation>
    </message>
    <message>
        <source>Crash loop</source>
        <translation>Absturzschleife</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n containers recovered</source>
        <translation>
            <numerusform>%1 von %n Container wiederhergestellt</numerusform>
            <numerusform>%1 von %n Containern wiederhergestellt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>archy::InstanceLock</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot lock %1: %2</source>
        <translation>%1 kann nicht gesperrt werden: %2</translation>
    </message>
</context>
<context>
    <name>archy::KioskWindow</name>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>About this node</source>
        <translation>Über diesen Knoten</translation>
    </message>
    <message>
        <source>Quit the recovery console?</source>
        <translation>Die Wiederherstellungskonsole beenden?</translation>
    </message>
    <message>
        <source>Containers that are already running keep running.</source>
        <translation>Container, die bereits laufen, laufen weiter.</translation>
    </message>
    <message>
        <source>Quit the recovery console</source>
        <translation>Die Wiederherstellungskonsole beenden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel, keep the console open</source>
        <translation>Abbrechen, die Konsole bleibt offen</translation>
    </message>
</context>
<context>
    <name>archy::LanEndpoint</name>
    <message>
        <source>%1 is not an IP address.</source>
        <translation>%1 ist keine IP-Adresse.</translation>
    </message>
    <message>
        <source>Wait for the answer to hello.</source>
        <translation>Warten Sie auf die Antwort auf hello.</translation>
    </message>
    <message>
        <source>Send hello first.</source>
        <translation>Zuerst hello senden.</translation>
    </message>
    <message>
        <source>This agent speaks protocol %1, not %2; update the older program.</source>
        <translation>Dieser Agent spricht Protokoll %1, nicht %2; aktualisieren Sie das ältere Programm.</translation>
    </message>
    <message>
        <source>Wrong proof: this client does not hold the agent's token, or it sees another certificate than the agent's.</source>
        <translation>Falscher Nachweis: Dieser Client besitzt das Token des Agenten nicht, oder er sieht ein anderes Zertifikat als das des Agenten.</translation>
    </message>
</context>
<context>
    <name>archy::MainWindow</name>
    <message>
        <source>Archy Recovery</source>
        <translation>Archy-Wiederherstellung</translation>
    </message>
    <message>
        <source>Retry All &amp;Failed</source>
        <translation>Alle &amp;fehlgeschlagenen erneut versuchen</translation>
    </message>
    <message>
        <source>Start every failed container again</source>
        <translation>Jeden fehlgeschlagenen Container erneut starten</translation>
    </message>
    <message>
        <source>&amp;Retry Selected</source>
        <translation>Auswahl e&amp;rneut versuchen</translation>
    </message>
    <message>
        <source>&amp;Acknowledge Crash</source>
        <translation>Absturz zur &amp;Kenntnis nehmen</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>Show earlier start-ups</source>
        <translation>Frühere Starts anzeigen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Dismiss error</source>
        <translation>Fehlermeldung schließen</translation>
    </message>
    <message>
        <source>Recovering…</source>
        <translation>Wiederherstellung läuft …</translation>
    </message>
    <message>
        <source>Retry all failed</source>
        <translation>Alle neu starten</translation>
    </message>
    <message>
        <source>%1 keeps stopping soon after being started; it is no longer restarted automatically.</source>
        <translation>%1 stoppt immer wieder kurz nach dem Start; er wird nicht mehr automatisch neu gestartet.</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Verbindung: %1</translation>
    </message>
    <message>
        <source>%1 – Archy Recovery</source>
        <translation>%1 – Archy Recovery</translation>
    </message>
    <message>
        <source>No state from the recovery agent yet</source>
        <translation>Noch kein Stand vom Wiederherstellungsagenten</translation>
    </message>
    <message>
        <source>Node %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message>
        <source>Podman is not working, so no service can be started or checked.
%1</source>
        <translation>Podman funktioniert nicht, daher kann kein Dienst gestartet oder geprüft werden.
%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n done</source>
        <translation>
            <numerusform>%1 von %n erledigt</numerusform>
            <numerusform>%1 von %n erledigt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>archy::MessageChannel</name>
    <message>
        <source>A message may be at most %1 bytes.</source>
        <translation>Eine Nachricht darf höchstens %1 Bytes groß sein.</translation>
    </message>
    <message>
        <source>Messages are text frames.</source>
        <translation>Nachrichten müssen Text-Frames sein.</translation>
    </message>
</context>
<context>
    <name>archy::MetricsServer</name>
    <message>
        <source>--metrics needs ADDRESS:PORT with a numeric address, e.g. 127.0.0.1:9464, not "%1".</source>
        <translation>--metrics braucht ADRESSE:PORT mit einer numerischen Adresse, z. B. 127.0.0.1:9464, nicht „%1“.</translation>
    </message>
    <message>
        <source>Cannot serve metrics on %1:%2: %3</source>
        <translation>Metriken können nicht an %1:%2 bereitgestellt werden: %3</translation>
    </message>
</context>
<context>
    <name>archy::NodeInfoPage</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Back to the overview</source>
        <translation>Zurück zur Übersicht</translation>
    </message>
    <message>
        <source>This node</source>
        <translation>Dieser Knoten</translation>
    </message>
    <message>
        <source>Node %1</source>
        <translation>Knoten %1</translation>
    </message>
    <message>
        <source>Reachable on the network at %1</source>
        <translation>Im Netzwerk erreichbar unter %1</translation>
    </message>
    <message>
        <source>Certificate fingerprint (SHA-256):</source>
        <translation>Fingerabdruck des Zertifikats (SHA-256):</translation>
    </message>
    <message>
        <source>Not reachable from other computers (started without --listen).</source>
        <translation>Von anderen Rechnern nicht erreichbar (ohne --listen gestartet).</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>State kept in %1</source>
        <translation>Zustand gespeichert in %1</translation>
    </message>
</context>
<context>
    <name>archy::NodeList</name>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Knoten</translation>
    </message>
    <message>
        <source>Nodes and their state</source>
        <translation>Knoten und ihr Zustand</translation>
    </message>
    <message>
        <source>Watch another node's recovery agent</source>
        <translation>Den Wiederherstellungsagenten eines weiteren Knotens beobachten</translation>
    </message>
    <message>
        <source>Forget the selected node and its pinned certificate</source>
        <translation>Den gewählten Knoten und sein festgehaltenes Zertifikat vergessen</translation>
    </message>
    <message>
        <source>Remove Node</source>
        <translation>Knoten entfernen</translation>
    </message>
    <message>
        <source>Remove %1 from the list?</source>
        <translation>%1 aus der Liste entfernen?</translation>
    </message>
    <message>
        <source>Its pinned certificate is forgotten too; the node itself is not touched.</source>
        <translation>Sein festgehaltenes Zertifikat wird ebenfalls vergessen; der Knoten selbst bleibt unberührt.</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Neu verbinden</translation>
    </message>
    <message>
        <source>Trust New Certificate…</source>
        <translation>Neuem Zertifikat vertrauen…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <source>Connect to the selected node again now</source>
        <translation>Jetzt erneut mit dem gewählten Knoten verbinden</translation>
    </message>
    <message>
        <source>Change the selected node's name, address or token file</source>
        <translation>Name, Adresse oder Token-Datei des gewählten Knotens ändern</translation>
    </message>
    <message>
        <source>%1 is no longer in the list.</source>
        <translation>%1 ist nicht mehr in der Liste.</translation>
    </message>
    <message>
        <source>Edit Node</source>
        <translation>Knoten bearbeiten</translation>
    </message>
    <message>
        <source>Trust New Certificate</source>
        <translation>Neuem Zertifikat vertrauen</translation>
    </message>
    <message>
        <source>%1 now presents a different certificate.

Trusted until now (SHA-256):
%2

Presented now (SHA-256):
%3</source>
        <translation>%1 legt jetzt ein anderes Zertifikat vor.

Bisher vertraut (SHA-256):
%2

Jetzt vorgelegt (SHA-256):
%3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <source>Trust the new certificate only if the node's own screen shows the same fingerprint.</source>
        <translation>Vertrauen Sie dem neuen Zertifikat nur, wenn der Bildschirm des Knotens selbst denselben Fingerabdruck zeigt.</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Vertrauen</translation>
    </message>
</context>
<context>
    <name>archy::NodeModel</name>
    <message numerus="yes">
        <source>%1 of %n running, %2 failed</source>
        <translation>
            <numerusform>%1 von %n läuft, %2 fehlgeschlagen</numerusform>
            <numerusform>%1 von %n laufen, %2 fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n running</source>
        <translation>
            <numerusform>%1 von %n läuft</numerusform>
            <numerusform>%1 von %n laufen</numerusform>
        </translation>
    </message>
    <message>
        <source>Certificate SHA-256: %1</source>
        <translation>Zertifikat SHA-256: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>This node</source>
        <translation>Dieser Knoten</translation>
    </message>
    <message>
        <source>%1 is not a wss:// address.</source>
        <translation>%1 ist keine wss://-Adresse.</translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation>%1 ist bereits in der Liste.</translation>
    </message>
    <message>
        <source>Only nodes kept in the list can be edited.</source>
        <translation>Nur Knoten, die in der Liste gespeichert sind, können bearbeitet werden.</translation>
    </message>
    <message>
        <source>No node selected.</source>
        <translation>Kein Knoten gewählt.</translation>
    </message>
    <message>
        <source>Token file: %1</source>
        <translation>Token-Datei: %1</translation>
    </message>
    <message>
        <source>Certificate: not pinned yet; pinned on the first connection.</source>
        <translation>Zertifikat: noch nicht festgehalten; wird bei der ersten Verbindung festgehalten.</translation>
    </message>
    <message>
        <source>Pinned certificate SHA-256: %1</source>
        <translation>Festgehaltenes Zertifikat SHA-256: %1</translation>
    </message>
    <message>
        <source>This program cannot connect to other nodes.</source>
        <translation>Dieses Programm kann sich nicht mit anderen Knoten verbinden.</translation>
    </message>
    <message>
        <source>No backend</source>
        <translation>Keine Verbindung eingerichtet</translation>
    </message>
    <message>
        <source>Crash not acknowledged · %1</source>
        <translation>Absturz nicht zur Kenntnis genommen · %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Verbinde erneut…</translation>
    </message>
    <message>
        <source>Reconnecting… (last known: %1)</source>
        <translation>Verbinde erneut… (zuletzt: %1)</translation>
    </message>
    <message>
        <source>REFUSED: %1</source>
        <translation>ABGELEHNT: %1</translation>
    </message>
</context>
<context>
    <name>archy::Notifier</name>
    <message>
        <source>--notify-command: unterminated quote in %1</source>
        <translation>--notify-command: nicht geschlossenes Anführungszeichen in %1</translation>
    </message>
    <message>
        <source>--notify-command needs a command, not an empty string.</source>
        <translation>--notify-command braucht einen Befehl, keine leere Zeichenkette.</translation>
    </message>
    <message>
        <source>--notify-command: %1 is not an executable program.</source>
        <translation>--notify-command: %1 ist kein ausführbares Programm.</translation>
    </message>
    <message>
        <source>--notify-url needs an http:// or https:// URL, not "%1".</source>
        <translation>--notify-url braucht eine http://- oder https://-URL, nicht „%1“.</translation>
    </message>
</context>
<context>
    <name>archy::NotifyMessage</name>
    <message>
        <source>%1: %2 keeps crashing</source>
        <translation>%1: %2 stürzt immer wieder ab</translation>
    </message>
    <message>
        <source>%1 keeps stopping soon after each start; it is no longer restarted automatically.</source>
        <translation>%1 stoppt immer wieder kurz nach jedem Start; er wird nicht mehr automatisch neu gestartet.</translation>
    </message>
    <message>
        <source>%1 recovered from a crash</source>
        <translation>%1 nach einem Absturz wiederhergestellt</translation>
    </message>
    <message>
        <source>%1: crash recovery left containers failed</source>
        <translation>%1: Nach der Absturz-Wiederherstellung sind Container fehlgeschlagen</translation>
    </message>
    <message>
        <source>The previous run ended without a clean shutdown (%1).</source>
        <translation>Der vorige Lauf endete ohne sauberes Herunterfahren (%1).</translation>
    </message>
    <message>
        <source>%1: containers failed to start</source>
        <translation>%1: Container konnten nicht gestartet werden</translation>
    </message>
    <message>
        <source>Failed: %1%2</source>
        <translation>Fehlgeschlagen: %1%2</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n containers running.</source>
        <translation>
            <numerusform>%1 von %n Container läuft.</numerusform>
            <numerusform>%1 von %n Containern laufen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>archy::Podman</name>
    <message>
        <source>podman was not found (looked for "%1").</source>
        <translation>podman wurde nicht gefunden (gesucht: „%1“).</translation>
    </message>
</context>
<context>
    <name>archy::PodmanCall</name>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>podman printed more than %1 MiB and was stopped.</source>
        <translation>podman hat mehr als %1 MiB ausgegeben und wurde gestoppt.</translation>
    </message>
    <message>
        <source>podman crashed.</source>
        <translation>podman ist abgestürzt.</translation>
    </message>
    <message>
        <source>podman crashed: %1</source>
        <translation>podman ist abgestürzt: %1</translation>
    </message>
    <message>
        <source>podman exited with status %1.</source>
        <translation>podman wurde mit Status %1 beendet.</translation>
    </message>
    <message>
        <source>Could not run podman (%1): %2</source>
        <translation>podman konnte nicht ausgeführt werden (%1): %2</translation>
    </message>
    <message numerus="yes">
        <source>podman did not answer within %n seconds and was stopped.</source>
        <translation>
            <numerusform>podman hat nicht innerhalb von %n Sekunde geantwortet und wurde beendet.</numerusform>
            <numerusform>podman hat nicht innerhalb von %n Sekunden geantwortet und wurde beendet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>archy::PodmanParse</name>
    <message>
        <source>podman ps printed something that is not a JSON list: %1</source>
        <translation>podman ps hat etwas ausgegeben, das keine JSON-Liste ist: %1</translation>
    </message>
    <message>
        <source>podman inspect printed something that is not a JSON list: %1</source>
        <translation>podman inspect hat etwas ausgegeben, das keine JSON-Liste ist: %1</translation>
    </message>
</context>
<context>
    <name>archy::Protocol</name>
    <message>
        <source>Malformed message: %1</source>
        <translation>Fehlerhafte Nachricht: %1</translation>
    </message>
    <message>
        <source>Malformed message: no "type".</source>
        <translation>Fehlerhafte Nachricht: kein „type“.</translation>
    </message>
    <message>
        <source>The agent sent a message larger than this program accepts.</source>
        <translation>Der Agent hat eine Nachricht gesendet, die größer ist, als dieses Programm annimmt.</translation>
    </message>
    <message>
        <source>The agent sent a container list this program cannot read.</source>
        <translation>Der Agent hat eine Containerliste gesendet, die dieses Programm nicht lesen kann.</translation>
    </message>
    <message>
        <source>The agent sent a node description this program cannot read.</source>
        <translation>Der Agent hat eine Knotenbeschreibung gesendet, die dieses Programm nicht lesen kann.</translation>
    </message>
    <message>
        <source>The agent sent container logs this program cannot read.</source>
        <translation>Der Agent hat Container-Logs gesendet, die dieses Programm nicht lesen kann.</translation>
    </message>
</context>
<context>
    <name>archy::RecoveryAgent</name>
    <message>
        <source>No data directory was given.</source>
        <translation>Es wurde kein Datenverzeichnis angegeben.</translation>
    </message>
    <message>
        <source>Another archy-recovery instance (pid %1) is running on %2.</source>
        <translation>Eine andere archy-recovery-Instanz (PID %1) läuft auf %2.</translation>
    </message>
    <message>
        <source>The data directory %1 is not usable: %2</source>
        <translation>Das Datenverzeichnis %1 ist nicht nutzbar: %2</translation>
    </message>
    <message>
        <source>The data directory %1 is not writable.</source>
        <translation>Das Datenverzeichnis %1 ist nicht beschreibbar.</translation>
    </message>
    <message>
        <source>Cannot write the run marker: %1</source>
        <translation>Die Laufmarkierung kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Cannot write the recovery history: %1</source>
        <translation>Der Wiederherstellungsverlauf kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Cannot write the container snapshot: %1</source>
        <translation>Der Container-Schnappschuss kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>Stopped unexpectedly; restarting.</source>
        <translation>Unerwartet gestoppt; wird neu gestartet.</translation>
    </message>
    <message numerus="yes">
        <source>Keeps stopping within a minute of being started (%n times in a row); it is not restarted automatically any more. Retry once it is fixed.</source>
        <translation>
            <numerusform>Beendet sich innerhalb einer Minute nach dem Start (%n-mal in Folge); er wird nicht mehr automatisch neu gestartet. Starten Sie ihn neu, sobald der Fehler behoben ist.</numerusform>
            <numerusform>Beendet sich innerhalb einer Minute nach dem Start (%n-mal in Folge); er wird nicht mehr automatisch neu gestartet. Starten Sie ihn neu, sobald der Fehler behoben ist.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>archy::RecoveryBackend</name>
    <message>
        <source>This connection cannot show container logs.</source>
        <translation>Über diese Verbindung sind keine Container-Protokolle verfügbar.</translation>
    </message>
</context>
<context>
    <name>archy::RecoveryPlan</name>
    <message>
        <source>Was already running.</source>
        <translation>Lief bereits.</translation>
    </message>
</context>
<context>
    <name>archy::RecoveryRun</name>
    <message>
        <source>Not started: shutting down.</source>
        <translation>Nicht gestartet: wird heruntergefahren.</translation>
    </message>
    <message>
        <source>Dependency cycle (%1): started without waiting.</source>
        <translation>Abhängigkeitszyklus (%1): ohne Warten gestartet.</translation>
    </message>
    <message>
        <source>Attempt %1 of %2 failed; retrying in %3 s.</source>
        <translation>Versuch %1 von %2 fehlgeschlagen; neuer Versuch in %3 s.</translation>
    </message>
    <message>
        <source>Started; waiting for its health check.</source>
        <translation>Gestartet; wartet auf die Zustandsprüfung.</translation>
    </message>
    <message>
        <source>Healthy.</source>
        <translation>Gesund.</translation>
    </message>
    <message numerus="yes">
        <source>Its health check did not pass within %n seconds; the containers waiting for it were started anyway.</source>
        <translation>
            <numerusform>Seine Zustandsprüfung war nicht innerhalb von %n Sekunde erfolgreich; die wartenden Container wurden trotzdem gestartet.</numerusform>
            <numerusform>Seine Zustandsprüfung war nicht innerhalb von %n Sekunden erfolgreich; die wartenden Container wurden trotzdem gestartet.</numerusform>
        </translation>
    </message>
    <message>
        <source>podman did not start it.</source>
        <translation>podman hat ihn nicht gestartet.</translation>
    </message>
    <message>
        <source>Started outside recovery.</source>
        <translation>Außerhalb der Wiederherstellung gestartet.</translation>
    </message>
    <message>
        <source>Not started: it needs %1, which failed.</source>
        <translation>Nicht gestartet: braucht %1 (fehlgeschlagen).</translation>
    </message>
    <message>
        <source>Waiting for %1 (failed).</source>
        <translation>Wartet auf %1 (fehlgeschlagen).</translation>
    </message>
    <message>
        <source>Started by systemd: %1 is active.</source>
        <translation>Von systemd gestartet: %1 ist aktiv.</translation>
    </message>
</context>
<context>
    <name>archy::RemoteBackend</name>
    <message>
        <source>Connecting to %1</source>
        <translation>Verbinde mit %1</translation>
    </message>
    <message>
        <source>the agent closed the connection</source>
        <translation>der Agent hat die Verbindung geschlossen</translation>
    </message>
    <message>
        <source>The agent at %1 presented no certificate that could be checked.</source>
        <translation>Der Agent unter %1 hat kein prüfbares Zertifikat vorgelegt.</translation>
    </message>
    <message>
        <source>The agent's certificate CHANGED - refusing to connect to %1. Expected SHA-256 %2 but the server presented %3. If the agent was reinstalled, compare the new fingerprint with the one its screen shows and pin it again; otherwise someone may be intercepting the connection.</source>
        <translation>Das Zertifikat des Agenten hat sich GEÄNDERT – die Verbindung zu %1 wird verweigert. Erwartet wurde SHA-256 %2, der Server hat aber %3 vorgelegt. Wurde der Agent neu installiert, vergleichen Sie den neuen Fingerabdruck mit dem auf seinem Bildschirm und halten Sie ihn erneut fest; andernfalls fängt womöglich jemand die Verbindung ab.</translation>
    </message>
    <message>
        <source>Could not check the certificate of %1.</source>
        <translation>Das Zertifikat von %1 konnte nicht geprüft werden.</translation>
    </message>
    <message>
        <source>The agent at %1 speaks protocol %2; this program speaks %3. Update the older one.</source>
        <translation>Der Agent unter %1 spricht Protokoll %2, dieses Programm spricht %3. Aktualisieren Sie das ältere.</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <source>Connected to %1 (agent %2)</source>
        <translation>Verbunden mit %1 (Agent %2)</translation>
    </message>
    <message>
        <source>The agent at %1 refused this user: %2</source>
        <translation>Der Agent unter %1 hat diesen Benutzer abgelehnt: %2</translation>
    </message>
    <message>
        <source>The agent at %1 does not speak protocol %2: %3</source>
        <translation>Der Agent unter %1 spricht nicht Protokoll %2: %3</translation>
    </message>
    <message>
        <source>The agent reported an error (%1): %2</source>
        <translation>Der Agent hat einen Fehler gemeldet (%1): %2</translation>
    </message>
    <message>
        <source>Not connected to the agent; "%1" was not sent.</source>
        <translation>Nicht mit dem Agenten verbunden; „%1“ wurde nicht gesendet.</translation>
    </message>
    <message>
        <source>No connection to %1 (%2); trying again in %3 s.</source>
        <translation>Keine Verbindung zu %1 (%2); neuer Versuch in %3 s.</translation>
    </message>
    <message>
        <source>timed out: no answer from the agent within %1 s</source>
        <translation>Zeitüberschreitung: keine Antwort des Agenten innerhalb von %1 s</translation>
    </message>
    <message>
        <source>the connection closed before the WebSocket handshake finished</source>
        <translation>die Verbindung wurde vor dem Ende des WebSocket-Handshakes geschlossen</translation>
    </message>
    <message>
        <source>nothing listens at %1 (is the agent running?)</source>
        <translation>an %1 lauscht nichts (läuft der Agent?)</translation>
    </message>
    <message>
        <source>connection refused at %1 (the agent is not running or is overloaded)</source>
        <translation>Verbindung an %1 abgelehnt (der Agent läuft nicht oder ist überlastet)</translation>
    </message>
    <message>
        <source>permission denied on %1 (root, the agent's user or its admin group only)</source>
        <translation>Zugriff auf %1 verweigert (nur root, der Benutzer des Agenten oder seine Admin-Gruppe)</translation>
    </message>
    <message>
        <source>timed out connecting to %1</source>
        <translation>Zeitüberschreitung beim Verbinden mit %1</translation>
    </message>
    <message>
        <source>connection failed</source>
        <translation>Verbindung fehlgeschlagen</translation>
    </message>
    <message>
        <source>connection refused (is the agent listening on %1?)</source>
        <translation>Verbindung abgelehnt (lauscht der Agent an %1?)</translation>
    </message>
    <message>
        <source>host %1 not found</source>
        <translation>Host %1 nicht gefunden</translation>
    </message>
    <message>
        <source>TLS failure: %1</source>
        <translation>TLS-Fehler: %1</translation>
    </message>
    <message>
        <source>network error: %1</source>
        <translation>Netzwerkfehler: %1</translation>
    </message>
    <message>
        <source>the agent sent an oversized or malformed message</source>
        <translation>der Agent hat eine zu große oder fehlerhafte Nachricht gesendet</translation>
    </message>
    <message>
        <source>the agent closed the connection: %1</source>
        <translation>der Agent hat die Verbindung geschlossen: %1</translation>
    </message>
    <message>
        <source>the agent sent a message larger than %1 bytes</source>
        <translation>der Agent hat eine Nachricht mit mehr als %1 Bytes gesendet</translation>
    </message>
    <message>
        <source>The server at %1 sent an invalid challenge; it is not an archy-recovery agent.</source>
        <translation>Der Server unter %1 hat eine ungültige Challenge gesendet; er ist kein archy-recovery-Agent.</translation>
    </message>
    <message>
        <source>The server at %1 could not prove it holds the agent's token: it is not the agent, or someone is intercepting the connection. Nothing was sent to it but a proof it cannot reuse.</source>
        <translation>Der Server unter %1 konnte nicht nachweisen, dass er das Token des Agenten besitzt: Er ist nicht der Agent, oder jemand fängt die Verbindung ab. An ihn wurde nur ein Nachweis gesendet, den er nicht wiederverwenden kann.</translation>
    </message>
    <message>
        <source>The agent at %1 refused us (wrong token?): %2</source>
        <translation>Der Agent unter %1 hat uns abgelehnt (falsches Token?): %2</translation>
    </message>
    <message>
        <source>The server at %1 did not start the protocol 2 handshake; it is not a current archy-recovery agent.</source>
        <translation>Der Server unter %1 hat den Handshake von Protokoll 2 nicht begonnen; er ist kein aktueller archy-recovery-Agent.</translation>
    </message>
    <message>
        <source>The server at %1 sent "%2" before its welcome; not believing it.</source>
        <translation>Der Server unter %1 hat „%2“ vor seinem welcome gesendet; dem wird nicht geglaubt.</translation>
    </message>
    <message>
        <source>The connection to the agent was closed before it answered.</source>
        <translation>Die Verbindung zum Agenten wurde geschlossen, bevor er antwortete.</translation>
    </message>
    <message>
        <source>Not connected to the agent.</source>
        <translation>Nicht mit dem Agenten verbunden.</translation>
    </message>
    <message>
        <source>The request did not reach the agent.</source>
        <translation>Die Anfrage hat den Agenten nicht erreicht.</translation>
    </message>
    <message>
        <source>The connection to the agent was lost before it answered.</source>
        <translation>Die Verbindung zum Agenten ging verloren, bevor er antwortete.</translation>
    </message>
</context>
<context>
    <name>archy::RemoteCommand</name>
    <message>
        <source>Cannot reach the agent at %1: %2.</source>
        <translation>Der Agent unter %1 ist nicht erreichbar: %2.</translation>
    </message>
    <message>
        <source>No answer from the agent in time.</source>
        <translation>Der Agent hat nicht rechtzeitig geantwortet.</translation>
    </message>
    <message>
        <source>The command could not be sent to the agent.</source>
        <translation>Der Befehl konnte nicht an den Agenten gesendet werden.</translation>
    </message>
</context>
<context>
    <name>archy::ReportText</name>
    <message>
        <source>Crash detected: %1</source>
        <translation>Absturz erkannt: %1</translation>
    </message>
    <message>
        <source>Clean start: the previous run shut down cleanly.</source>
        <translation>Sauberer Start: Der vorige Lauf wurde ordnungsgemäß beendet.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>%1 of %2 containers running.</source>
        <translation>%1 von %2 Containern laufen.</translation>
    </message>
    <message>
        <source>No start-ups recorded yet.</source>
        <translation>Noch keine Starts aufgezeichnet.</translation>
    </message>
    <message>
        <source>crash</source>
        <translation>Absturz</translation>
    </message>
    <message>
        <source>clean</source>
        <translation>sauber</translation>
    </message>
    <message>
        <source>%1 of %2 running</source>
        <translation>%1 von %2 laufen</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>CRASH LOOP</source>
        <translation>ABSTÜRZE</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FEHLER</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message numerus="yes">
        <source>[%n attempts]</source>
        <translation>
            <numerusform>[%n Versuch]</numerusform>
            <numerusform>[%n Versuche]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>archy::RunMarker</name>
    <message>
        <source>The run marker was left behind but is unreadable; treated as a crash.</source>
        <translation>Die Laufmarkierung wurde zurückgelassen, ist aber unlesbar; wird als Absturz behandelt.</translation>
    </message>
    <message>
        <source>The run marker names pid %1, which is now this process: the pid was reused (new boot or pid namespace), so the previous run crashed.</source>
        <translation>Die Laufmarkierung nennt PID %1, die jetzt zu diesem Prozess gehört: Die PID wurde wiederverwendet (Neustart oder PID-Namensraum), also ist der vorige Lauf abgestürzt.</translation>
    </message>
    <message>
        <source>The system was restarted while the previous run (pid %1) was still going.</source>
        <translation>Das System wurde neu gestartet, während der vorige Lauf (PID %1) noch lief.</translation>
    </message>
    <message>
        <source>The previous run (pid %1) ended without a clean shutdown.</source>
        <translation>Der vorige Lauf (PID %1) endete ohne sauberes Herunterfahren.</translation>
    </message>
    <message>
        <source>The previous run (pid %1) ended without a clean shutdown; that pid now belongs to another process (%2).</source>
        <translation>Der vorige Lauf (PID %1) endete ohne sauberes Herunterfahren; diese PID gehört jetzt einem anderen Prozess (%2).</translation>
    </message>
    <message>
        <source>The instance with pid %1 still runs.</source>
        <translation>Die Instanz mit PID %1 läuft noch.</translation>
    </message>
    <message>
        <source>The previous run (pid %1) ended without a clean shutdown; that pid now belongs to an unrelated process (%2).</source>
        <translation>Der vorige Lauf (PID %1) endete ohne sauberes Herunterfahren; diese PID gehört jetzt einem fremden Prozess (%2).</translation>
    </message>
    <message>
        <source>The previous run (pid %1) ended without a clean shutdown; that pid was reused by a process started after the marker was written.</source>
        <translation>Der vorige Lauf (PID %1) endete ohne sauberes Herunterfahren; die PID wurde von einem Prozess wiederverwendet, der nach dem Schreiben der Markierung gestartet wurde.</translation>
    </message>
    <message>
        <source>The previous instance (pid %1, %2) still runs on this data dir.</source>
        <translation>Die vorige Instanz (PID %1, %2) läuft noch auf diesem Datenverzeichnis.</translation>
    </message>
    <message>
        <source>The previous run (pid %1) ended without a clean shutdown; that pid now belongs to a process whose program cannot be read (a system process).</source>
        <translation>Der vorige Lauf (PID %1) endete ohne sauberes Herunterfahren; diese PID gehört jetzt einem Prozess, dessen Programm nicht lesbar ist (ein Systemprozess).</translation>
    </message>
</context>
<context>
    <name>archy::Snapshot</name>
    <message>
        <source>not valid JSON (%1 at byte %2)</source>
        <translation>kein gültiges JSON (%1 bei Byte %2)</translation>
    </message>
    <message>
        <source>the top level is not a JSON object</source>
        <translation>die oberste Ebene ist kein JSON-Objekt</translation>
    </message>
    <message>
        <source>"containers" is %1, not a list</source>
        <translation>„containers“ ist %1, keine Liste</translation>
    </message>
    <message>
        <source>"stoppedByOwner" is %1, not a list</source>
        <translation>„stoppedByOwner“ ist %1, keine Liste</translation>
    </message>
    <message>
        <source>entry %1 is %2, not an object</source>
        <translation>Eintrag %1 ist %2, kein Objekt</translation>
    </message>
    <message>
        <source>entry %1: "name" is %2, not a string</source>
        <translation>Eintrag %1: „name“ ist %2, keine Zeichenkette</translation>
    </message>
    <message>
        <source>"%1" is not a valid container name; it was not passed to podman</source>
        <translation>„%1“ ist kein gültiger Containername; er wurde nicht an podman übergeben</translation>
    </message>
    <message>
        <source>entry %1: "image" is %2, not a string</source>
        <translation>Eintrag %1: „image“ ist %2, keine Zeichenkette</translation>
    </message>
    <message>
        <source>%1 is corrupt: %2</source>
        <translation>%1 ist beschädigt: %2</translation>
    </message>
    <message>
        <source>The newest snapshot is missing; the previous one was used.</source>
        <translation>Der neueste Schnappschuss fehlt; der vorige wurde verwendet.</translation>
    </message>
    <message>
        <source>%1; the previous snapshot was used.</source>
        <translation>%1; der vorige Schnappschuss wurde verwendet.</translation>
    </message>
    <message>
        <source>"timestamp" is %1, not a number of seconds; the list was used anyway</source>
        <translation>„timestamp“ ist %1, keine Anzahl Sekunden; die Liste wurde trotzdem verwendet</translation>
    </message>
    <message>
        <source>"timestamp" %1 is not a time between 1970 and tomorrow; the list was used anyway</source>
        <translation>„timestamp“ %1 ist kein Zeitpunkt zwischen 1970 und morgen; die Liste wurde trotzdem verwendet</translation>
    </message>
</context>
<context>
    <name>archy::StatusText</name>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Crash loop</source>
        <translation>Absturzschleife</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Neuer Versuch folgt</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Stopped by owner</source>
        <translation>Vom Besitzer gestoppt</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Not running</source>
        <translation>Läuft nicht</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Ignoriert</translation>
    </message>
    <message numerus="yes">
        <source>Retrying in %n s</source>
        <translation>
            <numerusform>Neuer Versuch in %n s</numerusform>
            <numerusform>Neuer Versuch in %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for %1</source>
        <translation>Wartet auf %1</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for %1 and %n more</source>
        <translation>
            <numerusform>Wartet auf %1 und %n weiteren</numerusform>
            <numerusform>Wartet auf %1 und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for its turn</source>
        <translation>Wartet, bis es an der Reihe ist</translation>
    </message>
    <message>
        <source>Crash loop: keeps stopping after each start</source>
        <translation>Absturzschleife: beendet sich nach jedem Start</translation>
    </message>
    <message numerus="yes">
        <source>Starting · %n s</source>
        <translation>
            <numerusform>Startet · %n s</numerusform>
            <numerusform>Startet · %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Podman itself is not working</source>
        <translation>Podman selbst funktioniert nicht</translation>
    </message>
    <message>
        <source>No service can start until podman works again. Restart the node; if this stays, the container storage may need repair.</source>
        <translation>Kein Dienst kann starten, bis podman wieder funktioniert. Starten Sie den Knoten neu; bleibt der Fehler, muss der Container-Speicher eventuell repariert werden.</translation>
    </message>
    <message>
        <source>The program it starts is missing</source>
        <translation>Das Programm, das er startet, fehlt</translation>
    </message>
    <message>
        <source>The app's image is incomplete or its start command is wrong. Reinstall or update the app, then tap Retry.</source>
        <translation>Das Image der App ist unvollständig oder ihr Startbefehl falsch. Installieren oder aktualisieren Sie die App und tippen Sie dann auf „Neu starten“.</translation>
    </message>
    <message>
        <source>Its image is missing</source>
        <translation>Sein Image fehlt</translation>
    </message>
    <message>
        <source>The app's image was removed. Reinstall the app (this downloads the image), then tap Retry.</source>
        <translation>Das Image der App wurde entfernt. Installieren Sie die App neu (dabei wird das Image geladen) und tippen Sie dann auf „Neu starten“.</translation>
    </message>
    <message>
        <source>A port it needs is in use</source>
        <translation>Ein benötigter Port ist belegt</translation>
    </message>
    <message>
        <source>Another service uses the same network port. Stop that service or change the port, then tap Retry.</source>
        <translation>Ein anderer Dienst verwendet denselben Netzwerk-Port. Stoppen Sie diesen Dienst oder ändern Sie den Port und tippen Sie dann auf „Neu starten“.</translation>
    </message>
    <message>
        <source>The container no longer exists</source>
        <translation>Den Container gibt es nicht mehr</translation>
    </message>
    <message>
        <source>It was removed after the snapshot was taken; there is nothing to start. Reinstall the app if you still need it.</source>
        <translation>Er wurde nach dem Schnappschuss entfernt; es gibt nichts zu starten. Installieren Sie die App neu, wenn Sie sie noch brauchen.</translation>
    </message>
    <message>
        <source>A service it depends on failed</source>
        <translation>Ein Dienst, von dem er abhängt, ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>Fix the service it waits for first; it starts by itself once that one runs.</source>
        <translation>Beheben Sie zuerst den Dienst, auf den er wartet; er startet von selbst, sobald dieser läuft.</translation>
    </message>
    <message>
        <source>It took too long to start</source>
        <translation>Der Start dauerte zu lange</translation>
    </message>
    <message>
        <source>The node may be busy or the disk slow. Tap Retry; if it keeps happening, check the app's log below.</source>
        <translation>Der Knoten ist vielleicht ausgelastet oder die Festplatte langsam. Tippen Sie auf „Neu starten“; passiert es wieder, sehen Sie im Protokoll unten nach.</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>A file or device it needs cannot be opened. Check the app's settings, then tap Retry.</source>
        <translation>Eine benötigte Datei oder ein Gerät lässt sich nicht öffnen. Prüfen Sie die Einstellungen der App und tippen Sie dann auf „Neu starten“.</translation>
    </message>
    <message>
        <source>Podman is not working: services cannot be checked</source>
        <translation>Podman funktioniert nicht: Dienste können nicht geprüft werden</translation>
    </message>
    <message numerus="yes">
        <source>%n services need attention</source>
        <translation>
            <numerusform>%n Dienst braucht Aufmerksamkeit</numerusform>
            <numerusform>%n Dienste brauchen Aufmerksamkeit</numerusform>
        </translation>
    </message>
    <message>
        <source>Welcome: no services yet</source>
        <translation>Willkommen: noch keine Dienste</translation>
    </message>
    <message>
        <source>No services are running</source>
        <translation>Keine Dienste laufen</translation>
    </message>
    <message numerus="yes">
        <source>All %n services are running again</source>
        <translation>
            <numerusform>Der %n Dienst läuft wieder</numerusform>
            <numerusform>Alle %n Dienste laufen wieder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n services are running</source>
        <translation>
            <numerusform>Der %n Dienst läuft</numerusform>
            <numerusform>Alle %n Dienste laufen</numerusform>
        </translation>
    </message>
    <message>
        <source>The node stopped unexpectedly (a crash or a power cut). Services that ran before are being brought back.</source>
        <translation>Der Knoten wurde unerwartet beendet (Absturz oder Stromausfall). Die Dienste, die vorher liefen, werden wieder gestartet.</translation>
    </message>
    <message>
        <source>First start on this node. From now on the services that run are remembered and brought back after a power cut.</source>
        <translation>Erster Start auf diesem Knoten. Ab jetzt werden die laufenden Dienste gemerkt und nach einem Stromausfall wieder gestartet.</translation>
    </message>
    <message>
        <source>The node shut down cleanly last time; nothing needed recovering.</source>
        <translation>Der Knoten wurde zuletzt sauber heruntergefahren; nichts musste wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>unknown time</source>
        <translation>unbekannte Zeit</translation>
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
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message numerus="yes">
        <source>Starting services: %1 of %n running</source>
        <translation>
            <numerusform>Dienst startet: %1 von %n läuft</numerusform>
            <numerusform>Dienste starten: %1 von %n laufen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>archy::TlsIdentity</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 existiert nicht.</translation>
    </message>
    <message>
        <source>%1 is too big for a PEM file.</source>
        <translation>%1 ist zu groß für eine PEM-Datei.</translation>
    </message>
    <message>
        <source>Cannot move %1 into place: %2</source>
        <translation>%1 kann nicht an seinen Platz verschoben werden: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>%1 holds no unencrypted PEM private key (EC or RSA).</source>
        <translation>%1 enthält keinen unverschlüsselten privaten PEM-Schlüssel (EC oder RSA).</translation>
    </message>
    <message>
        <source>Cannot make a TLS certificate: the openssl program was not found (package openssl).</source>
        <translation>TLS-Zertifikat kann nicht erzeugt werden: Das Programm openssl wurde nicht gefunden (Paket openssl).</translation>
    </message>
    <message>
        <source>Cannot make a TLS certificate in %1: %2</source>
        <translation>In %1 kann kein TLS-Zertifikat erzeugt werden: %2</translation>
    </message>
    <message>
        <source>Cannot run openssl: %1</source>
        <translation>openssl kann nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>openssl could not make a certificate (exit %1): %2</source>
        <translation>openssl konnte kein Zertifikat erzeugen (Exit-Code %1): %2</translation>
    </message>
    <message>
        <source>Cannot make the new TLS files private in %1.</source>
        <translation>Die neuen TLS-Dateien in %1 können nicht privat gemacht werden.</translation>
    </message>
</context>
<context>
    <name>archy::Token</name>
    <message>
        <source>%1 is not 64 hex digits; remove it to make a new token.</source>
        <translation>%1 besteht nicht aus 64 Hex-Ziffern; entfernen Sie die Datei, um ein neues Token zu erzeugen.</translation>
    </message>
    <message>
        <source>%1 is readable by others and cannot be made private.</source>
        <translation>%1 ist für andere lesbar und kann nicht privat gemacht werden.</translation>
    </message>
    <message>
        <source>Cannot read the token file %1: %2</source>
        <translation>Die Token-Datei %1 ist nicht lesbar: %2</translation>
    </message>
    <message>
        <source>%1 does not hold a token (64 hex digits).</source>
        <translation>%1 enthält kein Token (64 Hex-Ziffern).</translation>
    </message>
</context>
<context>
    <name>archy::main</name>
    <message>
        <source>Signal %1 received, stopping.</source>
        <translation>Signal %1 empfangen, wird beendet.</translation>
    </message>
    <message>
        <source>Try --help.</source>
        <translation>Siehe --help.</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <source>Attaching to it.</source>
        <translation>Verbinde mit dieser Instanz.</translation>
    </message>
    <message>
        <source>--connect goes with the GUI or a command (status, retry, history).</source>
        <translation>--connect geht nur mit der Oberfläche oder einem Befehl (status, retry, history).</translation>
    </message>
    <message>
        <source>SIGHUP received: logs go to stderr and need no reopening; nothing is reloaded (restart to change options).</source>
        <translation>SIGHUP empfangen: Protokolle gehen nach stderr und müssen nicht neu geöffnet werden; nichts wird neu geladen (zum Ändern von Optionen neu starten).</translation>
    </message>
    <message>
        <source>The recovery history could not be written: %1</source>
        <translation>Der Wiederherstellungsverlauf konnte nicht geschrieben werden: %1</translation>
    </message>
</context>
</TS>
