# shellcheck shell=bash
# HAProxy's runtime API (the admin socket at $HAPROXY_SOCKET), for scripts/cluster.sh and the
# cluster test. Without socat on the machine, python3 speaks to the Unix socket.

# hap_cmd COMMAND: sends one runtime-API command, prints the answer.
hap_cmd() {
  python3 -c '
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.settimeout(10)
s.connect(sys.argv[1])
s.sendall((sys.argv[2] + "\n").encode())
chunks = []
while True:
    b = s.recv(65536)
    if not b:
        break
    chunks.append(b)
sys.stdout.write(b"".join(chunks).decode())
' "$HAPROXY_SOCKET" "$1"
}

# hap_field SERVER FIELD: one column of "show stat" (scur, qcur, status, stot...) for a server of
# the "web" backend.
hap_field() {
  hap_cmd "show stat" | awk -F, -v sv="$1" -v f="$2" '
    NR == 1 { sub(/^# /, ""); for (i = 1; i <= NF; i++) col[$i] = i; next }
    $1 == "web" && $2 == sv { print $(col[f]) }'
}

# hap_wait_status SERVER STATUS TIMEOUT: until HAProxy reports the server in that state (UP, DOWN, MAINT...).
hap_wait_status() {
  local deadline=$((SECONDS + $3)) status
  while status=$(hap_field "$1" status); [ "${status%% *}" != "$2" ]; do
    [ $SECONDS -lt $deadline ] || { echo "HAProxy: $1 is '$status' after $3 s, not $2" >&2; return 1; }
    sleep 0.2
  done
}

# hap_wait_idle SERVER TIMEOUT: until no request is in flight on the server nor queued for it.
hap_wait_idle() {
  local deadline=$((SECONDS + $2))
  until [ "$(hap_field "$1" scur)" = 0 ] && [ "$(hap_field "$1" qcur)" = 0 ]; do
    [ $SECONDS -lt $deadline ] || { echo "HAProxy: $1 still has requests in flight after $2 s" >&2; return 1; }
    sleep 0.1
  done
}
