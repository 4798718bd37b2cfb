<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>archy</name>
    <message>
        <source>No token file is set for this node.</source>
        <translation>Este nodo no tiene archivo de token.</translation>
    </message>
    <message>
        <source>Cannot read the token file %1: %2</source>
        <translation>No se puede leer el archivo de token %1: %2</translation>
    </message>
    <message>
        <source>The token file %1 does not hold a token (64 hex digits).</source>
        <translation>El archivo de token %1 no contiene un token (64 dígitos hexadecimales).</translation>
    </message>
</context>
<context>
    <name>archy::AddNodeDialog</name>
    <message>
        <source>Add Node</source>
        <translation>Añadir nodo</translation>
    </message>
    <message>
        <source>e.g. living-room</source>
        <translation>p. ej. salon</translation>
    </message>
    <message>
        <source>a copy of the agent's remote-token file</source>
        <translation>una copia del archivo remote-token del agente</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <source>&amp;Token file:</source>
        <translation>Archivo de &amp;token:</translation>
    </message>
    <message>
        <source>The node's certificate is pinned the first time it connects; compare the fingerprint with the one its screen shows.</source>
        <translation>El certificado del nodo se fija en la primera conexión; compare la huella con la que muestra su pantalla.</translation>
    </message>
    <message>
        <source>Enter the node's address.</source>
        <translation>Introduzca la dirección del nodo.</translation>
    </message>
    <message>
        <source>The address must look like wss://host:port.</source>
        <translation>La dirección debe tener la forma wss://host:puerto.</translation>
    </message>
    <message>
        <source>This node is already in the list.</source>
        <translation>Este nodo ya está en la lista.</translation>
    </message>
    <message>
        <source>Choose the file holding the node's token.</source>
        <translation>Elija el archivo con el token del nodo.</translation>
    </message>
    <message>
        <source>Token File</source>
        <translation>Archivo de token</translation>
    </message>
    <message>
        <source>The new address does not inherit the pinned certificate: the node's certificate is pinned again the first time it connects there.</source>
        <translation>La nueva dirección no hereda el certificado fijado: el certificado del nodo se vuelve a fijar en la primera conexión con ella.</translation>
    </message>
    <message>
        <source>Edit Node</source>
        <translation>Editar nodo</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
</context>
<context>
    <name>archy::AgentEndpoints</name>
    <message>
        <source>--listen needs ADDRESS:PORT (for example 0.0.0.0:8443), not "%1".</source>
        <translation>--listen necesita DIRECCIÓN:PUERTO (por ejemplo 0.0.0.0:8443), no «%1».</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together.</source>
        <translation>--tls-cert y --tls-key deben usarse juntos.</translation>
    </message>
    <message>
        <source>LAN: wss://%1:%2 · certificate SHA-256 %3</source>
        <translation>LAN: wss://%1:%2 · certificado SHA-256 %3</translation>
    </message>
</context>
<context>
    <name>archy::CliClient</name>
    <message>
        <source>--connect needs wss://HOST:PORT, not "%1".</source>
        <translation>--connect necesita wss://HOST:PORT, no «%1».</translation>
    </message>
    <message>
        <source>--connect needs --token-file (the agent's remote-token file).</source>
        <translation>--connect necesita --token-file (el archivo remote-token del agente).</translation>
    </message>
    <message>
        <source>Cannot reach the agent: nothing listens at %1 (is archy-recovery running on this data dir?)</source>
        <translation>No se puede contactar con el agente: nada escucha en %1 (¿se está ejecutando archy-recovery sobre este directorio de datos?)</translation>
    </message>
    <message>
        <source>Pinned the certificate of %1 (the agent proved it holds the token): SHA-256 %2</source>
        <translation>Certificado de %1 fijado (el agente demostró que tiene el token): SHA-256 %2</translation>
    </message>
</context>
<context>
    <name>archy::ClientSession</name>
    <message>
        <source>Send hello first.</source>
        <translation>Envíe primero hello.</translation>
    </message>
    <message>
        <source>This agent speaks protocol %1, not %2; update the older program.</source>
        <translation>Este agente usa el protocolo %1, no el %2; actualice el programa más antiguo.</translation>
    </message>
    <message>
        <source>Bad hello.</source>
        <translation>hello no válido.</translation>
    </message>
    <message>
        <source>Every command needs an "id": a string of 1 to %1 characters.</source>
        <translation>Cada comando necesita un «id»: una cadena de 1 a %1 caracteres.</translation>
    </message>
    <message>
        <source>retry needs a string "name".</source>
        <translation>retry necesita una cadena «name».</translation>
    </message>
    <message>
        <source>No container named "%1" in the current start-up.</source>
        <translation>No hay ningún contenedor llamado «%1» en el arranque actual.</translation>
    </message>
    <message>
        <source>%1 has not failed (%2); nothing to retry.</source>
        <translation>%1 no ha fallado (%2); no hay nada que reintentar.</translation>
    </message>
    <message>
        <source>Wait for the earlier history requests to be answered.</source>
        <translation>Espere a que se respondan las solicitudes history anteriores.</translation>
    </message>
    <message>
        <source>Unknown command "%1".</source>
        <translation>Comando desconocido «%1».</translation>
    </message>
    <message>
        <source>logs needs a container name in "name".</source>
        <translation>logs necesita un nombre de contenedor en «name».</translation>
    </message>
    <message>
        <source>"lines" must be a whole number from 1 to %1.</source>
        <translation>«lines» debe ser un número entero de 1 a %1.</translation>
    </message>
    <message>
        <source>Wait for the earlier logs requests to be answered.</source>
        <translation>Espere a que se respondan las solicitudes logs anteriores.</translation>
    </message>
</context>
<context>
    <name>archy::CommandLine</name>
    <message>
        <source>--%1 needs a whole number of at least %2, not "%3".</source>
        <translation>--%1 necesita un número entero de al menos %2, no «%3».</translation>
    </message>
    <message>
        <source>Run headless (no display needed).</source>
        <translation>Ejecutar sin interfaz gráfica (no necesita pantalla).</translation>
    </message>
    <message>
        <source>Run the start-up check and recovery, print the report and exit.</source>
        <translation>Ejecutar la comprobación de arranque y la recuperación, imprimir el informe y salir.</translation>
    </message>
    <message>
        <source>With --once: print the report as JSON.</source>
        <translation>Con --once: imprimir el informe como JSON.</translation>
    </message>
    <message>
        <source>Fullscreen touch-screen mode.</source>
        <translation>Modo de pantalla completa para la pantalla táctil.</translation>
    </message>
    <message>
        <source>Language of the interface (de, es, en...).</source>
        <translation>Idioma de la interfaz (de, es, en…).</translation>
    </message>
    <message>
        <source>code</source>
        <translation>código</translation>
    </message>
    <message>
        <source>Where the marker, snapshot and history live (default: %1).</source>
        <translation>Dónde se guardan el marcador, la instantánea y el historial (predeterminado: %1).</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>directorio</translation>
    </message>
    <message>
        <source>The podman program (default: from PATH).</source>
        <translation>El programa podman (predeterminado: del PATH).</translation>
    </message>
    <message>
        <source>path</source>
        <translation>ruta</translation>
    </message>
    <message>
        <source>Seconds before the first snapshot (default %1).</source>
        <translation>Segundos antes de la primera instantánea (predeterminado %1).</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>segundos</translation>
    </message>
    <message>
        <source>Seconds between snapshots (default %1).</source>
        <translation>Segundos entre instantáneas (predeterminado %1).</translation>
    </message>
    <message>
        <source>Seconds between two container starts (default %1).</source>
        <translation>Segundos entre dos arranques de contenedores (predeterminado %1).</translation>
    </message>
    <message>
        <source>Seconds one podman start may take (default %1).</source>
        <translation>Segundos que puede durar un podman start (predeterminado %1).</translation>
    </message>
    <message>
        <source>Start attempts per container (default %1).</source>
        <translation>Intentos de arranque por contenedor (predeterminado %1).</translation>
    </message>
    <message>
        <source>count</source>
        <translation>número</translation>
    </message>
    <message>
        <source>Seconds before the first retry, doubling (default %1).</source>
        <translation>Segundos antes del primer reintento, duplicándose (predeterminado %1).</translation>
    </message>
    <message>
        <source>Longest wait between retries in seconds (default %1).</source>
        <translation>Espera máxima entre reintentos en segundos (predeterminado %1).</translation>
    </message>
    <message>
        <source>Seconds dependants wait for a healthcheck to pass (default %1).</source>
        <translation>Segundos que los dependientes esperan a que pase una comprobación de salud (predeterminado %1).</translation>
    </message>
    <message>
        <source>On a clean start-up, restore nothing (crash recovery still runs).</source>
        <translation>En un arranque limpio, no restaurar nada (la recuperación tras fallos sigue funcionando).</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Argumento inesperado: %1</translation>
    </message>
    <message>
        <source>With retry: every failed container.</source>
        <translation>Con retry: todos los contenedores fallidos.</translation>
    </message>
    <message>
        <source>The local control socket (default: control.sock in the data dir).</source>
        <translation>El socket de control local (predeterminado: control.sock en el directorio de datos).</translation>
    </message>
    <message>
        <source>Group allowed on the local socket besides root and the agent's user (default %1).</source>
        <translation>Grupo con acceso al socket local además de root y el usuario del agente (predeterminado %1).</translation>
    </message>
    <message>
        <source>group</source>
        <translation>grupo</translation>
    </message>
    <message>
        <source>Serve LAN screens over TLS WebSocket on this address (off by default).</source>
        <translation>Servir a las pantallas de la LAN por WebSocket TLS en esta dirección (desactivado por defecto).</translation>
    </message>
    <message>
        <source>addr:port</source>
        <translation>dirección:puerto</translation>
    </message>
    <message>
        <source>PEM certificate for --listen (default: self-signed, made on first start).</source>
        <translation>Certificado PEM para --listen (predeterminado: autofirmado, creado en el primer arranque).</translation>
    </message>
    <message>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <source>PEM private key for --tls-cert.</source>
        <translation>Clave privada PEM para --tls-cert.</translation>
    </message>
    <message>
        <source>Show or command a remote agent (wss://HOST:PORT).</source>
        <translation>Mostrar o controlar un agente remoto (wss://HOST:PORT).</translation>
    </message>
    <message>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <source>With --connect: a copy of the agent's remote-token file.</source>
        <translation>Con --connect: una copia del archivo remote-token del agente.</translation>
    </message>
    <message>
        <source>With --connect: the certificate SHA-256 to expect (default: pinned on first use).</source>
        <translation>Con --connect: la huella SHA-256 esperada del certificado (predeterminado: se fija en la primera conexión).</translation>
    </message>
    <message>
        <source>sha256</source>
        <translation>sha256</translation>
    </message>
    <message>
        <source>--json needs --once, status, retry or history.</source>
        <translation>--json necesita --once, status, retry o history.</translation>
    </message>
    <message>
        <source>--once runs the agent here; it cannot go with --connect.</source>
        <translation>--once ejecuta el agente aquí; no se puede combinar con --connect.</translation>
    </message>
    <message>
        <source>Restarts the podman containers that were running before a crash or power loss, and shows it.

As a client of a running agent (locally, or with --connect):
  status [--json]                  the current recovery
  retry NAME | retry --all-failed  start failed containers again
  history [--json]                 earlier start-ups</source>
        <translation>Reinicia los contenedores de podman que estaban en marcha antes de un fallo o un corte de luz, y lo muestra.

Como cliente de un agente en ejecución (en local o con --connect):
  status [--json]                    la recuperación actual
  retry NOMBRE | retry --all-failed  arrancar de nuevo los contenedores fallidos
  history [--json]                   arranques anteriores</translation>
    </message>
    <message>
        <source>status, retry NAME or history (optional).</source>
        <translation>status, retry NOMBRE o history (opcional).</translation>
    </message>
    <message>
        <source>The config file %1 does not exist.</source>
        <translation>El archivo de configuración %1 no existe.</translation>
    </message>
    <message>
        <source>Cannot read the config file %1.</source>
        <translation>No se puede leer el archivo de configuración %1.</translation>
    </message>
    <message>
        <source>The config file %1 is not a valid INI file.</source>
        <translation>El archivo de configuración %1 no es un archivo INI válido.</translation>
    </message>
    <message>
        <source>%1: unknown setting "%2" (see man archy-recovery).</source>
        <translation>%1: ajuste desconocido «%2» (consulte man archy-recovery).</translation>
    </message>
    <message>
        <source>%1: %2 must be true or false, not "%3".</source>
        <translation>%1: %2 debe ser true o false, no «%3».</translation>
    </message>
    <message>
        <source>Containers started at once (default: one per core when podman runs in the background, else four per core: %1 or %2 here).</source>
        <translation>Contenedores arrancados a la vez (predeterminado: uno por núcleo cuando podman se ejecuta en segundo plano; si no, cuatro por núcleo: aquí %1 o %2).</translation>
    </message>
    <message>
        <source>background: podman runs at a lower CPU and I/O priority so a screen stays smooth; normal: like this program (default: background when this process shows a screen, normal with --no-gui).</source>
        <translation>background: podman se ejecuta con menor prioridad de CPU y de E/S para que la pantalla siga fluida; normal: como este programa (predeterminado: background cuando este proceso muestra una pantalla, normal con --no-gui).</translation>
    </message>
    <message>
        <source>background|normal</source>
        <translation>background|normal</translation>
    </message>
    <message>
        <source>Serve Prometheus metrics at http://ADDR:PORT/metrics (off by default).</source>
        <translation>Servir métricas de Prometheus en http://DIRECCIÓN:PUERTO/metrics (desactivado por defecto).</translation>
    </message>
    <message>
        <source>After a crash, a failure or a crash loop, run this command (no shell) with the report JSON on stdin. Repeatable.</source>
        <translation>Tras una caída, un fallo o un bucle de fallos, ejecutar este comando (sin shell) con el informe JSON en stdin. Se puede repetir.</translation>
    </message>
    <message>
        <source>command</source>
        <translation>comando</translation>
    </message>
    <message>
        <source>After a crash, a failure or a crash loop, POST a message to this URL (ntfy-compatible). Repeatable.</source>
        <translation>Tras una caída, un fallo o un bucle de fallos, enviar un mensaje por POST a esta URL (compatible con ntfy). Se puede repetir.</translation>
    </message>
    <message>
        <source>Read options from this INI file (default %1 if it exists); the command line wins.</source>
        <translation>Leer las opciones de este archivo INI (predeterminado %1 si existe); la línea de comandos tiene prioridad.</translation>
    </message>
    <message>
        <source>The systemctl program, for containers systemd manages (default: from PATH).</source>
        <translation>El programa systemctl, para los contenedores que gestiona systemd (predeterminado: del PATH).</translation>
    </message>
    <message>
        <source>--podman-priority is background or normal, not "%1".</source>
        <translation>--podman-priority es background o normal, no «%1».</translation>
    </message>
</context>
<context>
    <name>archy::ConnectionBanner</name>
    <message>
        <source>Connection to the recovery agent</source>
        <translation>Conexión con el agente de recuperación</translation>
    </message>
    <message>
        <source>Local engine</source>
        <translation>Motor local</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconectando…</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <source>Connecting to the recovery agent…</source>
        <translation>Conectando con el agente de recuperación…</translation>
    </message>
    <message>
        <source>Connection to the recovery agent lost: reconnecting…</source>
        <translation>Conexión con el agente de recuperación perdida: reconectando…</translation>
    </message>
    <message>
        <source>The list shows the last known state. Retries are disabled until the connection is back.</source>
        <translation>La lista muestra el último estado conocido. Los reintentos están desactivados hasta que vuelva la conexión.</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>Conexión rechazada</translation>
    </message>
    <message>
        <source>Not retried automatically.</source>
        <translation>No se reintenta automáticamente.</translation>
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
        <translation>Contenedor: %1</translation>
    </message>
    <message>
        <source>Image: %1</source>
        <translation>Imagen: %1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Estado: %1</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Error: %1</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Contenedor</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Retry requested…</source>
        <translation>Reintento solicitado…</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>archy::ContainerState</name>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Arrancando</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En marcha</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
</context>
<context>
    <name>archy::ContainerView</name>
    <message>
        <source>Containers</source>
        <translation>Contenedores</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Retry %1</source>
        <translation>Reintentar %1</translation>
    </message>
    <message>
        <source>Start %1 again</source>
        <translation>Arrancar %1 de nuevo</translation>
    </message>
    <message>
        <source>Starting · 999 s</source>
        <translation>Iniciando · 999 s</translation>
    </message>
</context>
<context>
    <name>archy::ControlServer</name>
    <message>
        <source>unknown peer (%1)</source>
        <translation>interlocutor desconocido (%1)</translation>
    </message>
    <message>
        <source>Already listening on %1.</source>
        <translation>Ya se está escuchando en %1.</translation>
    </message>
    <message>
        <source>Cannot remove the stale socket %1: %2</source>
        <translation>No se puede eliminar el socket obsoleto %1: %2</translation>
    </message>
    <message>
        <source>Another program is already listening on %1.</source>
        <translation>Otro programa ya está escuchando en %1.</translation>
    </message>
    <message>
        <source>%1 exists and is not a socket; not touching it.</source>
        <translation>%1 existe y no es un socket; no se modifica.</translation>
    </message>
    <message>
        <source>Cannot use %1 for the control socket: %2</source>
        <translation>No se puede usar %1 como socket de control: %2</translation>
    </message>
    <message>
        <source>Cannot listen on %1: %2</source>
        <translation>No se puede escuchar en %1: %2</translation>
    </message>
    <message>
        <source>Already listening on the LAN.</source>
        <translation>Ya se está escuchando en la LAN.</translation>
    </message>
    <message>
        <source>local %1</source>
        <translation>local %1</translation>
    </message>
    <message>
        <source>Only root, the agent's user and members of group %1 may connect.</source>
        <translation>Solo root, el usuario del agente y los miembros del grupo %1 pueden conectarse.</translation>
    </message>
    <message>
        <source>The LAN endpoint needs a certificate and a token.</source>
        <translation>El punto de conexión de la LAN necesita un certificado y un token.</translation>
    </message>
    <message>
        <source>Cannot listen on %1:%2: %3</source>
        <translation>No se puede escuchar en %1:%2: %3</translation>
    </message>
</context>
<context>
    <name>archy::CrashBanner</name>
    <message>
        <source>unknown time</source>
        <translation>hora desconocida</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Confirmar</translation>
    </message>
    <message>
        <source>Start-up status</source>
        <translation>Estado del arranque</translation>
    </message>
    <message>
        <source>Acknowledge crash</source>
        <translation>Confirmar el fallo</translation>
    </message>
    <message>
        <source>Mark this crash as seen; the warning will not be shown again</source>
        <translation>Marcar este fallo como visto; el aviso no volverá a mostrarse</translation>
    </message>
    <message>
        <source>Crash detected at %1</source>
        <translation>Fallo detectado el %1</translation>
    </message>
    <message>
        <source>The node crashed or lost power</source>
        <translation>El nodo ha fallado o se ha quedado sin corriente</translation>
    </message>
    <message>
        <source>Detected at %1.</source>
        <translation>Detectado el %1.</translation>
    </message>
    <message>
        <source>How it was recognised: %1</source>
        <translation>Cómo se detectó: %1</translation>
    </message>
    <message>
        <source>Last snapshot taken at %1.</source>
        <translation>Última instantánea tomada el %1.</translation>
    </message>
    <message>
        <source>Clean start</source>
        <translation>Arranque limpio</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Aviso: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n services were running before it.</source>
        <translation>
            <numerusform>%n servicio estaba en marcha antes.</numerusform>
            <numerusform>%n servicios estaban en marcha antes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Crash seen; %n services still need attention</source>
        <translation>
            <numerusform>Caída vista; %n servicio aún necesita atención</numerusform>
            <numerusform>Caída vista; %n servicios aún necesitan atención</numerusform>
        </translation>
    </message>
    <message>
        <source>Crash seen; everything is back</source>
        <translation>Caída vista; todo ha vuelto</translation>
    </message>
    <message>
        <source>The crash detected at %1 was noted.</source>
        <translation>La caída detectada el %1 quedó registrada.</translation>
    </message>
    <message>
        <source>First start</source>
        <translation>Primer inicio</translation>
    </message>
</context>
<context>
    <name>archy::DataDir</name>
    <message>
        <source>%1 belongs to user id %2, not to the user running archy-recovery (%3); refused. Give it to that user (chown) or use another --data-dir.</source>
        <translation>%1 pertenece al id de usuario %2, no al usuario que ejecuta archy-recovery (%3); rechazado. Asígneselo a ese usuario (chown) o use otro --data-dir.</translation>
    </message>
    <message>
        <source>%1 is writable by other users (mode %2); refused. Make it private: chmod go-w %1.</source>
        <translation>%1 tiene permiso de escritura para otros usuarios (modo %2); rechazado. Hágalo privado: chmod go-w %1.</translation>
    </message>
    <message>
        <source>Cannot create %1, the parent of the data directory.</source>
        <translation>No se puede crear %1, el directorio padre del directorio de datos.</translation>
    </message>
    <message>
        <source>Cannot create the data directory %1: %2</source>
        <translation>No se puede crear el directorio de datos %1: %2</translation>
    </message>
    <message>
        <source>Cannot use the data directory %1: %2</source>
        <translation>No se puede usar el directorio de datos %1: %2</translation>
    </message>
    <message>
        <source>The data directory %1 is not a directory.</source>
        <translation>El directorio de datos %1 no es un directorio.</translation>
    </message>
</context>
<context>
    <name>archy::DesktopWindow</name>
    <message>
        <source>&amp;About Archy Recovery</source>
        <translation>&amp;Acerca de Recuperación de Archy</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Recovery</source>
        <translation>&amp;Recuperación</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Barra de herramientas principal</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Nodos</translation>
    </message>
    <message>
        <source>Pinned the certificate of %1 on first use: %2</source>
        <translation>Certificado de %1 fijado en el primer uso: %2</translation>
    </message>
    <message>
        <source>&amp;Nodes</source>
        <translation>&amp;Nodos</translation>
    </message>
    <message>
        <source>&amp;Add Node…</source>
        <translation>&amp;Añadir nodo…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Data: %1</source>
        <translation>Datos: %1</translation>
    </message>
    <message>
        <source>About Archy Recovery</source>
        <translation>Acerca de Recuperación de Archy</translation>
    </message>
    <message>
        <source>Archy Recovery %1
Restarts the node's containers after a crash or power loss.</source>
        <translation>Recuperación de Archy %1
Reinicia los contenedores del nodo tras un fallo o un corte de luz.</translation>
    </message>
</context>
<context>
    <name>archy::DetailsPage</name>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <source>Container details</source>
        <translation>Detalles del contenedor</translation>
    </message>
    <message>
        <source>Full error from podman</source>
        <translation>Error completo de podman</translation>
    </message>
    <message>
        <source>Last lines of its log</source>
        <translation>Últimas líneas de su registro</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Back to the overview</source>
        <translation>Volver a la vista general</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>It keeps stopping soon after each start, so it is no longer restarted automatically. Fix the cause, then tap Retry.</source>
        <translation>Se detiene poco después de cada inicio, así que ya no se reinicia automáticamente. Corrija la causa y pulse Reintentar.</translation>
    </message>
    <message>
        <source>Image: %1</source>
        <translation>Imagen: %1</translation>
    </message>
    <message>
        <source>Start attempts: %1</source>
        <translation>Intentos de inicio: %1</translation>
    </message>
    <message>
        <source>First attempt: %1</source>
        <translation>Primer intento: %1</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Terminado: %1</translation>
    </message>
    <message>
        <source>Not part of this start-up's recovery.</source>
        <translation>No forma parte de la recuperación de este arranque.</translation>
    </message>
    <message>
        <source>Retry %1</source>
        <translation>Reintentar %1</translation>
    </message>
    <message>
        <source>No log: %1</source>
        <translation>Sin registro: %1</translation>
    </message>
    <message>
        <source>Its log is empty.</source>
        <translation>Su registro está vacío.</translation>
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
        <translation>No se puede abrir el directorio</translation>
    </message>
    <message>
        <source>Cannot sync directory</source>
        <translation>No se puede sincronizar el directorio</translation>
    </message>
    <message>
        <source>Cannot create a temporary file next to</source>
        <translation>No se puede crear un archivo temporal junto a</translation>
    </message>
    <message>
        <source>Cannot write</source>
        <translation>No se puede escribir</translation>
    </message>
    <message>
        <source>Cannot keep the previous generation of</source>
        <translation>No se puede conservar la versión anterior de</translation>
    </message>
    <message>
        <source>Cannot replace</source>
        <translation>No se puede reemplazar</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>No se puede abrir</translation>
    </message>
    <message>
        <source>Cannot append to</source>
        <translation>No se puede añadir a</translation>
    </message>
    <message>
        <source>Cannot remove</source>
        <translation>No se puede eliminar</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1 is %2 bytes, more than the %3 bytes allowed; refused.</source>
        <translation>%1 ocupa %2 bytes, más de los %3 bytes permitidos; rechazado.</translation>
    </message>
    <message>
        <source>%1 is more than the %2 bytes allowed; refused.</source>
        <translation>%1 ocupa más de los %2 bytes permitidos; rechazado.</translation>
    </message>
    <message>
        <source>something that is not a regular file</source>
        <translation>algo que no es un archivo regular</translation>
    </message>
    <message>
        <source>a directory</source>
        <translation>un directorio</translation>
    </message>
    <message>
        <source>a FIFO</source>
        <translation>un FIFO</translation>
    </message>
    <message>
        <source>a symbolic link</source>
        <translation>un enlace simbólico</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>un socket</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>un dispositivo</translation>
    </message>
    <message>
        <source>%1 is %2, not a regular file, and cannot be moved aside: %3</source>
        <translation>%1 es %2, no un archivo regular, y no se puede apartar: %3</translation>
    </message>
    <message>
        <source>%1 was %2, not a regular file; it was moved aside to %3.</source>
        <translation>%1 era %2, no un archivo regular; se apartó a %3.</translation>
    </message>
</context>
<context>
    <name>archy::FleetView</name>
    <message>
        <source>"%1" is not a container name.</source>
        <translation>«%1» no es un nombre de contenedor.</translation>
    </message>
</context>
<context>
    <name>archy::HistoryView</name>
    <message>
        <source>unknown time</source>
        <translation>hora desconocida</translation>
    </message>
    <message>
        <source>Back to recovery</source>
        <translation>Volver a la recuperación</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recargar</translation>
    </message>
    <message>
        <source>Start-up history</source>
        <translation>Historial de arranques</translation>
    </message>
    <message>
        <source>Earlier start-ups</source>
        <translation>Arranques anteriores</translation>
    </message>
    <message>
        <source>Reload history</source>
        <translation>Recargar el historial</translation>
    </message>
    <message>
        <source>Start-ups, newest first</source>
        <translation>Arranques, el más reciente primero</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Start-up</source>
        <translation>Arranque</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>Recuperados</translation>
    </message>
    <message>
        <source>Containers of the selected start-up</source>
        <translation>Contenedores del arranque seleccionado</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Contenedor</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <source>Select a start-up to see its containers.</source>
        <translation>Seleccione un arranque para ver sus contenedores.</translation>
    </message>
    <message>
        <source>All start-ups</source>
        <translation>Todos los arranques</translation>
    </message>
    <message>
        <source>Back to the list of start-ups</source>
        <translation>Volver a la lista de arranques</translation>
    </message>
    <message>
        <source>Loading history…</source>
        <translation>Cargando el historial…</translation>
    </message>
    <message>
        <source>Crash</source>
        <translation>Fallo</translation>
    </message>
    <message>
        <source>Clean</source>
        <translation>Limpio</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>%1, %2, %3 of %4 recovered</source>
        <translation>%1, %2, %3 de %4 recuperados</translation>
    </message>
    <message>
        <source>No earlier start-ups recorded.</source>
        <translation>No hay arranques anteriores registrados.</translation>
    </message>
    <message>
        <source>Crash start-up at %1</source>
        <translation>Arranque tras un fallo el %1</translation>
    </message>
    <message>
        <source>Clean start-up at %1</source>
        <translation>Arranque limpio el %1</translation>
    </message>
    <message>
        <source>How it was recognised: %1</source>
        <translation>Cómo se detectó: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Aviso: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Error or note</source>
        <translation>Error o nota</translation>
    </message>
    <message>
        <source>Crash loop</source>
        <translation>Bucle de fallos</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n containers recovered</source>
        <translation>
            <numerusform>%1 de %n contenedor recuperado</numerusform>
            <numerusform>%1 de %n contenedores recuperados</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>archy::InstanceLock</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>No se puede abrir %1: %2</translation>
    </message>
    <message>
        <source>Cannot lock %1: %2</source>
        <translation>No se puede bloquear %1: %2</translation>
    </message>
</context>
<context>
    <name>archy::KioskWindow</name>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>Nodo</translation>
    </message>
    <message>
        <source>About this node</source>
        <translation>Acerca de este nodo</translation>
    </message>
    <message>
        <source>Quit the recovery console?</source>
        <translation>¿Salir de la consola de recuperación?</translation>
    </message>
    <message>
        <source>Containers that are already running keep running.</source>
        <translation>Los contenedores que ya están en marcha siguen en marcha.</translation>
    </message>
    <message>
        <source>Quit the recovery console</source>
        <translation>Salir de la consola de recuperación</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel, keep the console open</source>
        <translation>Cancelar, la consola sigue abierta</translation>
    </message>
</context>
<context>
    <name>archy::LanEndpoint</name>
    <message>
        <source>%1 is not an IP address.</source>
        <translation>%1 no es una dirección IP.</translation>
    </message>
    <message>
        <source>Wait for the answer to hello.</source>
        <translation>Espere la respuesta a hello.</translation>
    </message>
    <message>
        <source>Send hello first.</source>
        <translation>Envíe primero hello.</translation>
    </message>
    <message>
        <source>This agent speaks protocol %1, not %2; update the older program.</source>
        <translation>Este agente usa el protocolo %1, no el %2; actualice el programa más antiguo.</translation>
    </message>
    <message>
        <source>Wrong proof: this client does not hold the agent's token, or it sees another certificate than the agent's.</source>
        <translation>Prueba incorrecta: este cliente no tiene el token del agente o ve un certificado distinto del del agente.</translation>
    </message>
</context>
<context>
    <name>archy::MainWindow</name>
    <message>
        <source>Archy Recovery</source>
        <translation>Recuperación de Archy</translation>
    </message>
    <message>
        <source>Retry All &amp;Failed</source>
        <translation>Reintentar todos los &amp;fallidos</translation>
    </message>
    <message>
        <source>Start every failed container again</source>
        <translation>Arrancar de nuevo todos los contenedores fallidos</translation>
    </message>
    <message>
        <source>&amp;Retry Selected</source>
        <translation>&amp;Reintentar el seleccionado</translation>
    </message>
    <message>
        <source>&amp;Acknowledge Crash</source>
        <translation>&amp;Confirmar el fallo</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Historial</translation>
    </message>
    <message>
        <source>Show earlier start-ups</source>
        <translation>Mostrar arranques anteriores</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Dismiss error</source>
        <translation>Descartar el error</translation>
    </message>
    <message>
        <source>Recovering…</source>
        <translation>Recuperando…</translation>
    </message>
    <message>
        <source>Retry all failed</source>
        <translation>Reintentar fallidos</translation>
    </message>
    <message>
        <source>%1 keeps stopping soon after being started; it is no longer restarted automatically.</source>
        <translation>%1 se detiene una y otra vez poco después de arrancar; ya no se reinicia automáticamente.</translation>
    </message>
    <message>
        <source>Connection: %1</source>
        <translation>Conexión: %1</translation>
    </message>
    <message>
        <source>%1 – Archy Recovery</source>
        <translation>%1 – Archy Recovery</translation>
    </message>
    <message>
        <source>No state from the recovery agent yet</source>
        <translation>Aún no hay estado del agente de recuperación</translation>
    </message>
    <message>
        <source>Node %1</source>
        <translation>Nodo %1</translation>
    </message>
    <message>
        <source>Podman is not working, so no service can be started or checked.
%1</source>
        <translation>Podman no funciona, así que no se puede iniciar ni comprobar ningún servicio.
%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n done</source>
        <translation>
            <numerusform>%1 de %n completado</numerusform>
            <numerusform>%1 de %n completados</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>archy::MessageChannel</name>
    <message>
        <source>A message may be at most %1 bytes.</source>
        <translation>Un mensaje puede tener como máximo %1 bytes.</translation>
    </message>
    <message>
        <source>Messages are text frames.</source>
        <translation>Los mensajes deben ser tramas de texto.</translation>
    </message>
</context>
<context>
    <name>archy::MetricsServer</name>
    <message>
        <source>--metrics needs ADDRESS:PORT with a numeric address, e.g. 127.0.0.1:9464, not "%1".</source>
        <translation>--metrics necesita DIRECCIÓN:PUERTO con una dirección numérica, p. ej. 127.0.0.1:9464, no «%1».</translation>
    </message>
    <message>
        <source>Cannot serve metrics on %1:%2: %3</source>
        <translation>No se pueden servir métricas en %1:%2: %3</translation>
    </message>
</context>
<context>
    <name>archy::NodeInfoPage</name>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Back to the overview</source>
        <translation>Volver a la vista general</translation>
    </message>
    <message>
        <source>This node</source>
        <translation>Este nodo</translation>
    </message>
    <message>
        <source>Node %1</source>
        <translation>Nodo %1</translation>
    </message>
    <message>
        <source>Reachable on the network at %1</source>
        <translation>Accesible en la red en %1</translation>
    </message>
    <message>
        <source>Certificate fingerprint (SHA-256):</source>
        <translation>Huella del certificado (SHA-256):</translation>
    </message>
    <message>
        <source>Not reachable from other computers (started without --listen).</source>
        <translation>No accesible desde otros equipos (iniciado sin --listen).</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Versión %1</translation>
    </message>
    <message>
        <source>State kept in %1</source>
        <translation>Estado guardado en %1</translation>
    </message>
</context>
<context>
    <name>archy::NodeList</name>
    <message>
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>Nodos</translation>
    </message>
    <message>
        <source>Nodes and their state</source>
        <translation>Nodos y su estado</translation>
    </message>
    <message>
        <source>Watch another node's recovery agent</source>
        <translation>Vigilar el agente de recuperación de otro nodo</translation>
    </message>
    <message>
        <source>Forget the selected node and its pinned certificate</source>
        <translation>Olvidar el nodo seleccionado y su certificado fijado</translation>
    </message>
    <message>
        <source>Remove Node</source>
        <translation>Quitar nodo</translation>
    </message>
    <message>
        <source>Remove %1 from the list?</source>
        <translation>¿Quitar %1 de la lista?</translation>
    </message>
    <message>
        <source>Its pinned certificate is forgotten too; the node itself is not touched.</source>
        <translation>También se olvida su certificado fijado; el nodo en sí no se toca.</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Reconectar</translation>
    </message>
    <message>
        <source>Trust New Certificate…</source>
        <translation>Confiar en el nuevo certificado…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Editar…</translation>
    </message>
    <message>
        <source>Connect to the selected node again now</source>
        <translation>Volver a conectar ahora con el nodo seleccionado</translation>
    </message>
    <message>
        <source>Change the selected node's name, address or token file</source>
        <translation>Cambiar el nombre, la dirección o el archivo de token del nodo seleccionado</translation>
    </message>
    <message>
        <source>%1 is no longer in the list.</source>
        <translation>%1 ya no está en la lista.</translation>
    </message>
    <message>
        <source>Edit Node</source>
        <translation>Editar nodo</translation>
    </message>
    <message>
        <source>Trust New Certificate</source>
        <translation>Confiar en el nuevo certificado</translation>
    </message>
    <message>
        <source>%1 now presents a different certificate.

Trusted until now (SHA-256):
%2

Presented now (SHA-256):
%3</source>
        <translation>%1 presenta ahora un certificado distinto.

De confianza hasta ahora (SHA-256):
%2

Presentado ahora (SHA-256):
%3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Trust the new certificate only if the node's own screen shows the same fingerprint.</source>
        <translation>Confíe en el nuevo certificado solo si la propia pantalla del nodo muestra la misma huella.</translation>
    </message>
    <message>
        <source>Trust</source>
        <translation>Confiar</translation>
    </message>
</context>
<context>
    <name>archy::NodeModel</name>
    <message numerus="yes">
        <source>%1 of %n running, %2 failed</source>
        <translation>
            <numerusform>%1 de %n en marcha, fallidos: %2</numerusform>
            <numerusform>%1 de %n en marcha, fallidos: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n running</source>
        <translation>
            <numerusform>%1 de %n en marcha</numerusform>
            <numerusform>%1 de %n en marcha</numerusform>
        </translation>
    </message>
    <message>
        <source>Certificate SHA-256: %1</source>
        <translation>Certificado SHA-256: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>This node</source>
        <translation>Este nodo</translation>
    </message>
    <message>
        <source>%1 is not a wss:// address.</source>
        <translation>%1 no es una dirección wss://.</translation>
    </message>
    <message>
        <source>%1 is already in the list.</source>
        <translation>%1 ya está en la lista.</translation>
    </message>
    <message>
        <source>Only nodes kept in the list can be edited.</source>
        <translation>Solo se pueden editar los nodos guardados en la lista.</translation>
    </message>
    <message>
        <source>No node selected.</source>
        <translation>Ningún nodo seleccionado.</translation>
    </message>
    <message>
        <source>Token file: %1</source>
        <translation>Archivo de token: %1</translation>
    </message>
    <message>
        <source>Certificate: not pinned yet; pinned on the first connection.</source>
        <translation>Certificado: aún no fijado; se fija en la primera conexión.</translation>
    </message>
    <message>
        <source>Pinned certificate SHA-256: %1</source>
        <translation>Certificado fijado SHA-256: %1</translation>
    </message>
    <message>
        <source>This program cannot connect to other nodes.</source>
        <translation>Este programa no puede conectarse a otros nodos.</translation>
    </message>
    <message>
        <source>No backend</source>
        <translation>Sin conexión configurada</translation>
    </message>
    <message>
        <source>Crash not acknowledged · %1</source>
        <translation>Fallo sin confirmar · %1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>Reconectando…</translation>
    </message>
    <message>
        <source>Reconnecting… (last known: %1)</source>
        <translation>Reconectando… (último conocido: %1)</translation>
    </message>
    <message>
        <source>REFUSED: %1</source>
        <translation>RECHAZADO: %1</translation>
    </message>
</context>
<context>
    <name>archy::Notifier</name>
    <message>
        <source>--notify-command: unterminated quote in %1</source>
        <translation>--notify-command: comilla sin cerrar en %1</translation>
    </message>
    <message>
        <source>--notify-command needs a command, not an empty string.</source>
        <translation>--notify-command necesita un comando, no una cadena vacía.</translation>
    </message>
    <message>
        <source>--notify-command: %1 is not an executable program.</source>
        <translation>--notify-command: %1 no es un programa ejecutable.</translation>
    </message>
    <message>
        <source>--notify-url needs an http:// or https:// URL, not "%1".</source>
        <translation>--notify-url necesita una URL http:// o https://, no «%1».</translation>
    </message>
</context>
<context>
    <name>archy::NotifyMessage</name>
    <message>
        <source>%1: %2 keeps crashing</source>
        <translation>%1: %2 falla una y otra vez</translation>
    </message>
    <message>
        <source>%1 keeps stopping soon after each start; it is no longer restarted automatically.</source>
        <translation>%1 se detiene una y otra vez poco después de cada arranque; ya no se reinicia automáticamente.</translation>
    </message>
    <message>
        <source>%1 recovered from a crash</source>
        <translation>%1 se recuperó de una caída</translation>
    </message>
    <message>
        <source>%1: crash recovery left containers failed</source>
        <translation>%1: la recuperación tras la caída dejó contenedores fallidos</translation>
    </message>
    <message>
        <source>The previous run ended without a clean shutdown (%1).</source>
        <translation>La ejecución anterior terminó sin un apagado limpio (%1).</translation>
    </message>
    <message>
        <source>%1: containers failed to start</source>
        <translation>%1: no se pudieron arrancar contenedores</translation>
    </message>
    <message>
        <source>Failed: %1%2</source>
        <translation>Fallido: %1%2</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n containers running.</source>
        <translation>
            <numerusform>%1 de %n contenedor en marcha.</numerusform>
            <numerusform>%1 de %n contenedores en marcha.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>archy::Podman</name>
    <message>
        <source>podman was not found (looked for "%1").</source>
        <translation>No se encontró podman (se buscó «%1»).</translation>
    </message>
</context>
<context>
    <name>archy::PodmanCall</name>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelado.</translation>
    </message>
    <message>
        <source>podman printed more than %1 MiB and was stopped.</source>
        <translation>podman imprimió más de %1 MiB y fue detenido.</translation>
    </message>
    <message>
        <source>podman crashed.</source>
        <translation>podman se ha bloqueado.</translation>
    </message>
    <message>
        <source>podman crashed: %1</source>
        <translation>podman se ha bloqueado: %1</translation>
    </message>
    <message>
        <source>podman exited with status %1.</source>
        <translation>podman terminó con el estado %1.</translation>
    </message>
    <message>
        <source>Could not run podman (%1): %2</source>
        <translation>No se pudo ejecutar podman (%1): %2</translation>
    </message>
    <message numerus="yes">
        <source>podman did not answer within %n seconds and was stopped.</source>
        <translation>
            <numerusform>podman no respondió en %n segundo y se detuvo.</numerusform>
            <numerusform>podman no respondió en %n segundos y se detuvo.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>archy::PodmanParse</name>
    <message>
        <source>podman ps printed something that is not a JSON list: %1</source>
        <translation>podman ps imprimió algo que no es una lista JSON: %1</translation>
    </message>
    <message>
        <source>podman inspect printed something that is not a JSON list: %1</source>
        <translation>podman inspect imprimió algo que no es una lista JSON: %1</translation>
    </message>
</context>
<context>
    <name>archy::Protocol</name>
    <message>
        <source>Malformed message: %1</source>
        <translation>Mensaje mal formado: %1</translation>
    </message>
    <message>
        <source>Malformed message: no "type".</source>
        <translation>Mensaje mal formado: falta «type».</translation>
    </message>
    <message>
        <source>The agent sent a message larger than this program accepts.</source>
        <translation>El agente envió un mensaje más grande de lo que acepta este programa.</translation>
    </message>
    <message>
        <source>The agent sent a container list this program cannot read.</source>
        <translation>El agente envió una lista de contenedores que este programa no puede leer.</translation>
    </message>
    <message>
        <source>The agent sent a node description this program cannot read.</source>
        <translation>El agente envió una descripción del nodo que este programa no puede leer.</translation>
    </message>
    <message>
        <source>The agent sent container logs this program cannot read.</source>
        <translation>El agente envió registros de contenedor que este programa no puede leer.</translation>
    </message>
</context>
<context>
    <name>archy::RecoveryAgent</name>
    <message>
        <source>No data directory was given.</source>
        <translation>No se indicó ningún directorio de datos.</translation>
    </message>
    <message>
        <source>Another archy-recovery instance (pid %1) is running on %2.</source>
        <translation>Otra instancia de archy-recovery (PID %1) se está ejecutando sobre %2.</translation>
    </message>
    <message>
        <source>The data directory %1 is not usable: %2</source>
        <translation>El directorio de datos %1 no se puede usar: %2</translation>
    </message>
    <message>
        <source>The data directory %1 is not writable.</source>
        <translation>El directorio de datos %1 no tiene permiso de escritura.</translation>
    </message>
    <message>
        <source>Cannot write the run marker: %1</source>
        <translation>No se puede escribir el marcador de ejecución: %1</translation>
    </message>
    <message>
        <source>Cannot write the recovery history: %1</source>
        <translation>No se puede escribir el historial de recuperación: %1</translation>
    </message>
    <message>
        <source>Cannot write the container snapshot: %1</source>
        <translation>No se puede escribir la instantánea de contenedores: %1</translation>
    </message>
    <message>
        <source>Stopped unexpectedly; restarting.</source>
        <translation>Se detuvo inesperadamente; reiniciando.</translation>
    </message>
    <message numerus="yes">
        <source>Keeps stopping within a minute of being started (%n times in a row); it is not restarted automatically any more. Retry once it is fixed.</source>
        <translation>
            <numerusform>Se detiene en menos de un minuto tras iniciarse (%n vez seguida); ya no se reinicia automáticamente. Reinténtelo cuando esté arreglado.</numerusform>
            <numerusform>Se detiene en menos de un minuto tras iniciarse (%n veces seguidas); ya no se reinicia automáticamente. Reinténtelo cuando esté arreglado.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>archy::RecoveryBackend</name>
    <message>
        <source>This connection cannot show container logs.</source>
        <translation>Esta conexión no puede mostrar registros de contenedores.</translation>
    </message>
</context>
<context>
    <name>archy::RecoveryPlan</name>
    <message>
        <source>Was already running.</source>
        <translation>Ya estaba en marcha.</translation>
    </message>
</context>
<context>
    <name>archy::RecoveryRun</name>
    <message>
        <source>Not started: shutting down.</source>
        <translation>No arrancado: apagando.</translation>
    </message>
    <message>
        <source>Dependency cycle (%1): started without waiting.</source>
        <translation>Ciclo de dependencias (%1): arrancado sin esperar.</translation>
    </message>
    <message>
        <source>Attempt %1 of %2 failed; retrying in %3 s.</source>
        <translation>El intento %1 de %2 falló; se reintenta en %3 s.</translation>
    </message>
    <message>
        <source>Started; waiting for its health check.</source>
        <translation>Arrancado; esperando su comprobación de salud.</translation>
    </message>
    <message>
        <source>Healthy.</source>
        <translation>En buen estado.</translation>
    </message>
    <message numerus="yes">
        <source>Its health check did not pass within %n seconds; the containers waiting for it were started anyway.</source>
        <translation>
            <numerusform>Su comprobación de salud no pasó en %n segundo; los contenedores que lo esperaban se iniciaron igualmente.</numerusform>
            <numerusform>Su comprobación de salud no pasó en %n segundos; los contenedores que lo esperaban se iniciaron igualmente.</numerusform>
        </translation>
    </message>
    <message>
        <source>podman did not start it.</source>
        <translation>podman no lo arrancó.</translation>
    </message>
    <message>
        <source>Started outside recovery.</source>
        <translation>Arrancado fuera de la recuperación.</translation>
    </message>
    <message>
        <source>Not started: it needs %1, which failed.</source>
        <translation>No arrancado: necesita %1, que ha fallado.</translation>
    </message>
    <message>
        <source>Waiting for %1 (failed).</source>
        <translation>Esperando a %1 (fallido).</translation>
    </message>
    <message>
        <source>Started by systemd: %1 is active.</source>
        <translation>Arrancado por systemd: %1 está activo.</translation>
    </message>
</context>
<context>
    <name>archy::RemoteBackend</name>
    <message>
        <source>Connecting to %1</source>
        <translation>Conectando con %1</translation>
    </message>
    <message>
        <source>the agent closed the connection</source>
        <translation>el agente cerró la conexión</translation>
    </message>
    <message>
        <source>The agent at %1 presented no certificate that could be checked.</source>
        <translation>El agente en %1 no presentó ningún certificado que se pudiera comprobar.</translation>
    </message>
    <message>
        <source>The agent's certificate CHANGED - refusing to connect to %1. Expected SHA-256 %2 but the server presented %3. If the agent was reinstalled, compare the new fingerprint with the one its screen shows and pin it again; otherwise someone may be intercepting the connection.</source>
        <translation>El certificado del agente HA CAMBIADO: se rechaza la conexión con %1. Se esperaba SHA-256 %2, pero el servidor presentó %3. Si el agente se reinstaló, compare la nueva huella con la que muestra su pantalla y vuelva a fijarla; de lo contrario, alguien podría estar interceptando la conexión.</translation>
    </message>
    <message>
        <source>Could not check the certificate of %1.</source>
        <translation>No se pudo comprobar el certificado de %1.</translation>
    </message>
    <message>
        <source>The agent at %1 speaks protocol %2; this program speaks %3. Update the older one.</source>
        <translation>El agente en %1 usa el protocolo %2; este programa usa el %3. Actualice el más antiguo.</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Conectado a %1</translation>
    </message>
    <message>
        <source>Connected to %1 (agent %2)</source>
        <translation>Conectado con %1 (agente %2)</translation>
    </message>
    <message>
        <source>The agent at %1 refused this user: %2</source>
        <translation>El agente en %1 rechazó a este usuario: %2</translation>
    </message>
    <message>
        <source>The agent at %1 does not speak protocol %2: %3</source>
        <translation>El agente en %1 no usa el protocolo %2: %3</translation>
    </message>
    <message>
        <source>The agent reported an error (%1): %2</source>
        <translation>El agente informó de un error (%1): %2</translation>
    </message>
    <message>
        <source>Not connected to the agent; "%1" was not sent.</source>
        <translation>No hay conexión con el agente; «%1» no se envió.</translation>
    </message>
    <message>
        <source>No connection to %1 (%2); trying again in %3 s.</source>
        <translation>Sin conexión con %1 (%2); se reintentará en %3 s.</translation>
    </message>
    <message>
        <source>timed out: no answer from the agent within %1 s</source>
        <translation>tiempo agotado: el agente no respondió en %1 s</translation>
    </message>
    <message>
        <source>the connection closed before the WebSocket handshake finished</source>
        <translation>la conexión se cerró antes de completar la negociación de WebSocket</translation>
    </message>
    <message>
        <source>nothing listens at %1 (is the agent running?)</source>
        <translation>nada escucha en %1 (¿se está ejecutando el agente?)</translation>
    </message>
    <message>
        <source>connection refused at %1 (the agent is not running or is overloaded)</source>
        <translation>conexión rechazada en %1 (el agente no se está ejecutando o está sobrecargado)</translation>
    </message>
    <message>
        <source>permission denied on %1 (root, the agent's user or its admin group only)</source>
        <translation>permiso denegado en %1 (solo root, el usuario del agente o su grupo de administración)</translation>
    </message>
    <message>
        <source>timed out connecting to %1</source>
        <translation>tiempo agotado al conectar con %1</translation>
    </message>
    <message>
        <source>connection failed</source>
        <translation>la conexión falló</translation>
    </message>
    <message>
        <source>connection refused (is the agent listening on %1?)</source>
        <translation>conexión rechazada (¿está escuchando el agente en %1?)</translation>
    </message>
    <message>
        <source>host %1 not found</source>
        <translation>no se encontró el host %1</translation>
    </message>
    <message>
        <source>TLS failure: %1</source>
        <translation>error de TLS: %1</translation>
    </message>
    <message>
        <source>network error: %1</source>
        <translation>error de red: %1</translation>
    </message>
    <message>
        <source>the agent sent an oversized or malformed message</source>
        <translation>el agente envió un mensaje demasiado grande o mal formado</translation>
    </message>
    <message>
        <source>the agent closed the connection: %1</source>
        <translation>el agente cerró la conexión: %1</translation>
    </message>
    <message>
        <source>the agent sent a message larger than %1 bytes</source>
        <translation>el agente envió un mensaje de más de %1 bytes</translation>
    </message>
    <message>
        <source>The server at %1 sent an invalid challenge; it is not an archy-recovery agent.</source>
        <translation>El servidor en %1 envió un desafío no válido; no es un agente de archy-recovery.</translation>
    </message>
    <message>
        <source>The server at %1 could not prove it holds the agent's token: it is not the agent, or someone is intercepting the connection. Nothing was sent to it but a proof it cannot reuse.</source>
        <translation>El servidor en %1 no pudo demostrar que tiene el token del agente: no es el agente o alguien está interceptando la conexión. Solo se le envió una prueba que no puede reutilizar.</translation>
    </message>
    <message>
        <source>The agent at %1 refused us (wrong token?): %2</source>
        <translation>El agente en %1 nos rechazó (¿token incorrecto?): %2</translation>
    </message>
    <message>
        <source>The server at %1 did not start the protocol 2 handshake; it is not a current archy-recovery agent.</source>
        <translation>El servidor en %1 no inició la negociación del protocolo 2; no es un agente de archy-recovery actual.</translation>
    </message>
    <message>
        <source>The server at %1 sent "%2" before its welcome; not believing it.</source>
        <translation>El servidor en %1 envió «%2» antes de su welcome; no se le da crédito.</translation>
    </message>
    <message>
        <source>The connection to the agent was closed before it answered.</source>
        <translation>La conexión con el agente se cerró antes de que respondiera.</translation>
    </message>
    <message>
        <source>Not connected to the agent.</source>
        <translation>No hay conexión con el agente.</translation>
    </message>
    <message>
        <source>The request did not reach the agent.</source>
        <translation>La solicitud no llegó al agente.</translation>
    </message>
    <message>
        <source>The connection to the agent was lost before it answered.</source>
        <translation>La conexión con el agente se perdió antes de que respondiera.</translation>
    </message>
</context>
<context>
    <name>archy::RemoteCommand</name>
    <message>
        <source>Cannot reach the agent at %1: %2.</source>
        <translation>No se puede contactar con el agente en %1: %2.</translation>
    </message>
    <message>
        <source>No answer from the agent in time.</source>
        <translation>El agente no respondió a tiempo.</translation>
    </message>
    <message>
        <source>The command could not be sent to the agent.</source>
        <translation>No se pudo enviar el comando al agente.</translation>
    </message>
</context>
<context>
    <name>archy::ReportText</name>
    <message>
        <source>Crash detected: %1</source>
        <translation>Fallo detectado: %1</translation>
    </message>
    <message>
        <source>Clean start: the previous run shut down cleanly.</source>
        <translation>Arranque limpio: la ejecución anterior terminó correctamente.</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Aviso: %1</translation>
    </message>
    <message>
        <source>%1 of %2 containers running.</source>
        <translation>%1 de %2 contenedores en marcha.</translation>
    </message>
    <message>
        <source>No start-ups recorded yet.</source>
        <translation>Aún no hay arranques registrados.</translation>
    </message>
    <message>
        <source>crash</source>
        <translation>fallo</translation>
    </message>
    <message>
        <source>clean</source>
        <translation>limpio</translation>
    </message>
    <message>
        <source>%1 of %2 running</source>
        <translation>%1 de %2 en marcha</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fallidos: %1</translation>
    </message>
    <message>
        <source>CRASH LOOP</source>
        <translation>EN BUCLE</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FALLIDO</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en espera</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>arrancando</translation>
    </message>
    <message numerus="yes">
        <source>[%n attempts]</source>
        <translation>
            <numerusform>[%n intento]</numerusform>
            <numerusform>[%n intentos]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>archy::RunMarker</name>
    <message>
        <source>The run marker was left behind but is unreadable; treated as a crash.</source>
        <translation>El marcador de ejecución quedó atrás pero no se puede leer; se trata como un fallo.</translation>
    </message>
    <message>
        <source>The run marker names pid %1, which is now this process: the pid was reused (new boot or pid namespace), so the previous run crashed.</source>
        <translation>El marcador de ejecución indica el PID %1, que ahora es este proceso: el PID se reutilizó (nuevo arranque o espacio de nombres de PID), así que la ejecución anterior falló.</translation>
    </message>
    <message>
        <source>The system was restarted while the previous run (pid %1) was still going.</source>
        <translation>El sistema se reinició mientras la ejecución anterior (PID %1) seguía activa.</translation>
    </message>
    <message>
        <source>The previous run (pid %1) ended without a clean shutdown.</source>
        <translation>La ejecución anterior (PID %1) terminó sin un apagado limpio.</translation>
    </message>
    <message>
        <source>The previous run (pid %1) ended without a clean shutdown; that pid now belongs to another process (%2).</source>
        <translation>La ejecución anterior (PID %1) terminó sin un apagado limpio; ese PID pertenece ahora a otro proceso (%2).</translation>
    </message>
    <message>
        <source>The instance with pid %1 still runs.</source>
        <translation>La instancia con PID %1 sigue en ejecución.</translation>
    </message>
    <message>
        <source>The previous run (pid %1) ended without a clean shutdown; that pid now belongs to an unrelated process (%2).</source>
        <translation>La ejecución anterior (PID %1) terminó sin un apagado limpio; ese PID pertenece ahora a un proceso ajeno (%2).</translation>
    </message>
    <message>
        <source>The previous run (pid %1) ended without a clean shutdown; that pid was reused by a process started after the marker was written.</source>
        <translation>La ejecución anterior (PID %1) terminó sin un apagado limpio; ese PID lo reutilizó un proceso iniciado después de escribir el marcador.</translation>
    </message>
    <message>
        <source>The previous instance (pid %1, %2) still runs on this data dir.</source>
        <translation>La instancia anterior (PID %1, %2) sigue ejecutándose sobre este directorio de datos.</translation>
    </message>
    <message>
        <source>The previous run (pid %1) ended without a clean shutdown; that pid now belongs to a process whose program cannot be read (a system process).</source>
        <translation>La ejecución anterior (PID %1) terminó sin un apagado limpio; ese PID pertenece ahora a un proceso cuyo programa no se puede leer (un proceso del sistema).</translation>
    </message>
</context>
<context>
    <name>archy::Snapshot</name>
    <message>
        <source>not valid JSON (%1 at byte %2)</source>
        <translation>no es JSON válido (%1 en el byte %2)</translation>
    </message>
    <message>
        <source>the top level is not a JSON object</source>
        <translation>el nivel superior no es un objeto JSON</translation>
    </message>
    <message>
        <source>"containers" is %1, not a list</source>
        <translation>«containers» es %1, no una lista</translation>
    </message>
    <message>
        <source>"stoppedByOwner" is %1, not a list</source>
        <translation>«stoppedByOwner» es %1, no una lista</translation>
    </message>
    <message>
        <source>entry %1 is %2, not an object</source>
        <translation>la entrada %1 es %2, no un objeto</translation>
    </message>
    <message>
        <source>entry %1: "name" is %2, not a string</source>
        <translation>entrada %1: «name» es %2, no una cadena</translation>
    </message>
    <message>
        <source>"%1" is not a valid container name; it was not passed to podman</source>
        <translation>«%1» no es un nombre de contenedor válido; no se pasó a podman</translation>
    </message>
    <message>
        <source>entry %1: "image" is %2, not a string</source>
        <translation>entrada %1: «image» es %2, no una cadena</translation>
    </message>
    <message>
        <source>%1 is corrupt: %2</source>
        <translation>%1 está dañado: %2</translation>
    </message>
    <message>
        <source>The newest snapshot is missing; the previous one was used.</source>
        <translation>Falta la instantánea más reciente; se usó la anterior.</translation>
    </message>
    <message>
        <source>%1; the previous snapshot was used.</source>
        <translation>%1; se usó la instantánea anterior.</translation>
    </message>
    <message>
        <source>"timestamp" is %1, not a number of seconds; the list was used anyway</source>
        <translation>«timestamp» es %1, no un número de segundos; la lista se usó igualmente</translation>
    </message>
    <message>
        <source>"timestamp" %1 is not a time between 1970 and tomorrow; the list was used anyway</source>
        <translation>«timestamp» %1 no es una fecha entre 1970 y mañana; la lista se usó igualmente</translation>
    </message>
</context>
<context>
    <name>archy::StatusText</name>
    <message>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>Crash loop</source>
        <translation>Bucle de fallos</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Reintentando</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>Iniciando</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En marcha</translation>
    </message>
    <message>
        <source>Stopped by owner</source>
        <translation>Detenido por el propietario</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminado</translation>
    </message>
    <message>
        <source>Not running</source>
        <translation>No está en marcha</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>Ignorado</translation>
    </message>
    <message numerus="yes">
        <source>Retrying in %n s</source>
        <translation>
            <numerusform>Reintento en %n s</numerusform>
            <numerusform>Reintento en %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for %1</source>
        <translation>Esperando a %1</translation>
    </message>
    <message numerus="yes">
        <source>Waiting for %1 and %n more</source>
        <translation>
            <numerusform>Esperando a %1 y %n más</numerusform>
            <numerusform>Esperando a %1 y %n más</numerusform>
        </translation>
    </message>
    <message>
        <source>Waiting for its turn</source>
        <translation>Esperando su turno</translation>
    </message>
    <message>
        <source>Crash loop: keeps stopping after each start</source>
        <translation>Bucle de fallos: se detiene tras cada inicio</translation>
    </message>
    <message numerus="yes">
        <source>Starting · %n s</source>
        <translation>
            <numerusform>Iniciando · %n s</numerusform>
            <numerusform>Iniciando · %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>Podman itself is not working</source>
        <translation>Podman mismo no funciona</translation>
    </message>
    <message>
        <source>No service can start until podman works again. Restart the node; if this stays, the container storage may need repair.</source>
        <translation>Ningún servicio puede iniciarse hasta que podman vuelva a funcionar. Reinicie el nodo; si persiste, puede que haya que reparar el almacenamiento de contenedores.</translation>
    </message>
    <message>
        <source>The program it starts is missing</source>
        <translation>Falta el programa que inicia</translation>
    </message>
    <message>
        <source>The app's image is incomplete or its start command is wrong. Reinstall or update the app, then tap Retry.</source>
        <translation>La imagen de la aplicación está incompleta o su orden de inicio es incorrecta. Reinstale o actualice la aplicación y pulse Reintentar.</translation>
    </message>
    <message>
        <source>Its image is missing</source>
        <translation>Falta su imagen</translation>
    </message>
    <message>
        <source>The app's image was removed. Reinstall the app (this downloads the image), then tap Retry.</source>
        <translation>Se eliminó la imagen de la aplicación. Reinstale la aplicación (esto descarga la imagen) y pulse Reintentar.</translation>
    </message>
    <message>
        <source>A port it needs is in use</source>
        <translation>Un puerto que necesita está en uso</translation>
    </message>
    <message>
        <source>Another service uses the same network port. Stop that service or change the port, then tap Retry.</source>
        <translation>Otro servicio usa el mismo puerto de red. Detenga ese servicio o cambie el puerto y pulse Reintentar.</translation>
    </message>
    <message>
        <source>The container no longer exists</source>
        <translation>El contenedor ya no existe</translation>
    </message>
    <message>
        <source>It was removed after the snapshot was taken; there is nothing to start. Reinstall the app if you still need it.</source>
        <translation>Se eliminó después de tomar la instantánea; no hay nada que iniciar. Reinstale la aplicación si aún la necesita.</translation>
    </message>
    <message>
        <source>A service it depends on failed</source>
        <translation>Falló un servicio del que depende</translation>
    </message>
    <message>
        <source>Fix the service it waits for first; it starts by itself once that one runs.</source>
        <translation>Arregle primero el servicio que espera; se iniciará solo cuando aquel esté en marcha.</translation>
    </message>
    <message>
        <source>It took too long to start</source>
        <translation>Tardó demasiado en iniciarse</translation>
    </message>
    <message>
        <source>The node may be busy or the disk slow. Tap Retry; if it keeps happening, check the app's log below.</source>
        <translation>Puede que el nodo esté ocupado o el disco sea lento. Pulse Reintentar; si se repite, consulte el registro de abajo.</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>Permiso denegado</translation>
    </message>
    <message>
        <source>A file or device it needs cannot be opened. Check the app's settings, then tap Retry.</source>
        <translation>No se puede abrir un archivo o dispositivo que necesita. Revise la configuración de la aplicación y pulse Reintentar.</translation>
    </message>
    <message>
        <source>Podman is not working: services cannot be checked</source>
        <translation>Podman no funciona: no se pueden comprobar los servicios</translation>
    </message>
    <message numerus="yes">
        <source>%n services need attention</source>
        <translation>
            <numerusform>%n servicio necesita atención</numerusform>
            <numerusform>%n servicios necesitan atención</numerusform>
        </translation>
    </message>
    <message>
        <source>Welcome: no services yet</source>
        <translation>Bienvenido: aún no hay servicios</translation>
    </message>
    <message>
        <source>No services are running</source>
        <translation>No hay servicios en marcha</translation>
    </message>
    <message numerus="yes">
        <source>All %n services are running again</source>
        <translation>
            <numerusform>El servicio vuelve a estar en marcha</numerusform>
            <numerusform>Los %n servicios vuelven a estar en marcha</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>All %n services are running</source>
        <translation>
            <numerusform>El servicio está en marcha</numerusform>
            <numerusform>Los %n servicios están en marcha</numerusform>
        </translation>
    </message>
    <message>
        <source>The node stopped unexpectedly (a crash or a power cut). Services that ran before are being brought back.</source>
        <translation>El nodo se detuvo de forma inesperada (una caída o un corte de luz). Se están recuperando los servicios que estaban en marcha.</translation>
    </message>
    <message>
        <source>First start on this node. From now on the services that run are remembered and brought back after a power cut.</source>
        <translation>Primer inicio en este nodo. A partir de ahora se recuerdan los servicios en marcha y se recuperan tras un corte de luz.</translation>
    </message>
    <message>
        <source>The node shut down cleanly last time; nothing needed recovering.</source>
        <translation>La última vez el nodo se apagó correctamente; no hubo nada que recuperar.</translation>
    </message>
    <message>
        <source>unknown time</source>
        <translation>hora desconocida</translation>
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
            <numerusform>Iniciando el servicio: %1 de %n en marcha</numerusform>
            <numerusform>Iniciando servicios: %1 de %n en marcha</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>archy::TlsIdentity</name>
    <message>
        <source>%1 does not exist.</source>
        <translation>%1 no existe.</translation>
    </message>
    <message>
        <source>%1 is too big for a PEM file.</source>
        <translation>%1 es demasiado grande para un archivo PEM.</translation>
    </message>
    <message>
        <source>Cannot move %1 into place: %2</source>
        <translation>No se puede mover %1 a su ubicación definitiva: %2</translation>
    </message>
    <message>
        <source>%1 holds no PEM certificate.</source>
        <translation>%1 no contiene ningún certificado PEM.</translation>
    </message>
    <message>
        <source>%1 holds no unencrypted PEM private key (EC or RSA).</source>
        <translation>%1 no contiene ninguna clave privada PEM sin cifrar (EC o RSA).</translation>
    </message>
    <message>
        <source>Cannot make a TLS certificate: the openssl program was not found (package openssl).</source>
        <translation>No se puede crear un certificado TLS: no se encontró el programa openssl (paquete openssl).</translation>
    </message>
    <message>
        <source>Cannot make a TLS certificate in %1: %2</source>
        <translation>No se puede crear un certificado TLS en %1: %2</translation>
    </message>
    <message>
        <source>Cannot run openssl: %1</source>
        <translation>No se puede ejecutar openssl: %1</translation>
    </message>
    <message>
        <source>openssl could not make a certificate (exit %1): %2</source>
        <translation>openssl no pudo crear un certificado (código de salida %1): %2</translation>
    </message>
    <message>
        <source>Cannot make the new TLS files private in %1.</source>
        <translation>No se pueden hacer privados los nuevos archivos TLS en %1.</translation>
    </message>
</context>
<context>
    <name>archy::Token</name>
    <message>
        <source>%1 is not 64 hex digits; remove it to make a new token.</source>
        <translation>%1 no tiene 64 dígitos hexadecimales; elimínelo para crear un token nuevo.</translation>
    </message>
    <message>
        <source>%1 is readable by others and cannot be made private.</source>
        <translation>%1 es legible por otros y no se puede hacer privado.</translation>
    </message>
    <message>
        <source>Cannot read the token file %1: %2</source>
        <translation>No se puede leer el archivo de token %1: %2</translation>
    </message>
    <message>
        <source>%1 does not hold a token (64 hex digits).</source>
        <translation>%1 no contiene un token (64 dígitos hexadecimales).</translation>
    </message>
</context>
<context>
    <name>archy::main</name>
    <message>
        <source>Signal %1 received, stopping.</source>
        <translation>Señal %1 recibida, deteniendo.</translation>
    </message>
    <message>
        <source>Try --help.</source>
        <translation>Pruebe --help.</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Conectado a %1</translation>
    </message>
    <message>
        <source>Attaching to it.</source>
        <translation>Conectando con esa instancia.</translation>
    </message>
    <message>
        <source>--connect goes with the GUI or a command (status, retry, history).</source>
        <translation>--connect solo se usa con la interfaz gráfica o con un comando (status, retry, history).</translation>
    </message>
    <message>
        <source>SIGHUP received: logs go to stderr and need no reopening; nothing is reloaded (restart to change options).</source>
        <translation>SIGHUP recibido: los registros van a stderr y no hay que reabrirlos; no se recarga nada (reinicie para cambiar las opciones).</translation>
    </message>
    <message>
        <source>The recovery history could not be written: %1</source>
        <translation>No se pudo escribir el historial de recuperación: %1</translation>
    </message>
</context>
</TS>
