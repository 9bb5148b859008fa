#!/bin/sh
# Dev PBX for Prozvon (`npm run pbx`): Kamailio registrar + proxy on loopback, SIP.js over ws://.
# usage: [SIP_PORT=5060 WS_PORT=8088 PIDFILE=… LOG=…] sh resources/dev-pbx/start-pbx.sh [-A WITH_AUTH] [-A WITH_TRACE]
#   Defaults: WebSocket ws://127.0.0.1:8088, SIP UDP 127.0.0.1:5060, auth OFF (any user registers).
#   -A WITH_AUTH: digest auth for the demo accounts operator1..5, lead, admin (+ customer/customer);
#                 SIP password = the demo login password (operator1..5 / operator, lead / lead,
#                 admin / admin), as the demo server provisions them (server/demo/seed.ts).
#   -A WITH_EVENTS -A 'EVENTS_URL="http://127.0.0.1:8787/api/v1/pbx/events"': call events to the server,
#                 X-Api-Key from $PBX_API_KEY (also needs kamailio-utils-modules kamailio-json-modules).
#   FOREGROUND=1 keeps it in the foreground (Ctrl-C stops it); otherwise it runs in the background,
#   writes its pid to $PIDFILE and returns once the WebSocket port is owned by THIS kamailio.
#   Stop: kill "$(cat "$PIDFILE")".
# Requires the Debian packages kamailio and kamailio-websocket-modules.
DIR="$(cd "$(dirname "$0")" && pwd)"
CFG="$DIR/kamailio.cfg"
SIP_PORT=${SIP_PORT:-5060}; WS_PORT=${WS_PORT:-8088}
PIDFILE=${PIDFILE:-/tmp/prozvon-pbx-$WS_PORT.pid}; LOG=${LOG:-/tmp/prozvon-pbx-$WS_PORT.log}
command -v kamailio >/dev/null 2>&1 || { echo "kamailio not found: apt-get install kamailio kamailio-websocket-modules" >&2; exit 1; }
if ss -ltn "sport = :$WS_PORT" | grep -q LISTEN || ss -lun "sport = :$SIP_PORT" | grep -q UNCONN; then
  echo "port $WS_PORT/tcp or $SIP_PORT/udp already in use (a stale kamailio? see: ss -ltnp 'sport = :$WS_PORT')" >&2; exit 1
fi
if [ -n "$FOREGROUND" ]; then
  echo "dev PBX: ws://127.0.0.1:$WS_PORT  sip:127.0.0.1:$SIP_PORT (udp)"
  exec kamailio -f "$CFG" -DD -E -A SIP_PORT="$SIP_PORT" -A WS_PORT="$WS_PORT" "$@"
fi
kamailio -f "$CFG" -DD -E -A SIP_PORT="$SIP_PORT" -A WS_PORT="$WS_PORT" "$@" >"$LOG" 2>&1 &
PID=$!; echo $PID > "$PIDFILE"
i=0; OWNED=
while [ $i -lt 100 ]; do
  kill -0 $PID 2>/dev/null || { echo "kamailio exited" >&2; cat "$LOG" >&2; exit 1; }
  # the listening socket belongs to a child of kamailio's main process: check pid or parent pid
  for o in $(ss -ltnp "sport = :$WS_PORT" | grep -o 'pid=[0-9]*' | cut -d= -f2); do
    [ "$o" = "$PID" ] || [ "$(ps -o ppid= -p "$o" | tr -d ' ')" = "$PID" ] && OWNED=1
  done
  if [ -n "$OWNED" ]; then
    echo "dev PBX up (pid $PID): ws://127.0.0.1:$WS_PORT  sip:127.0.0.1:$SIP_PORT (udp); log $LOG; stop: kill $PID"
    exit 0
  fi
  i=$((i+1)); sleep 0.05
done
echo "kamailio did not start" >&2; cat "$LOG" >&2; kill $PID 2>/dev/null; exit 1
