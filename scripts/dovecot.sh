#!/usr/bin/env bash
# Private Dovecot IMAP instance for Kontakt Hub tests and benchmarks.
#
#   scripts/dovecot.sh {start|stop|restart|status|env}
#
# * Installs dovecot-imapd with apt if /usr/sbin/dovecot is missing (without
#   letting apt start the system service).
# * Never uses the system Dovecot: everything (config, base_dir, state_dir,
#   log, maildirs) lives under <repo>/var/dovecot/; it listens on 127.0.0.1
#   only, port $HUB_TEST_IMAP_PORT (default 10143).
# * Any user name logs in with the shared password ($HUB_TEST_IMAP_PASSWORD,
#   default "test") and gets its own fresh maildir var/dovecot/mail/<user>.
# * Idempotent: start on a running instance succeeds (it restarts only if the
#   generated config changed, e.g. another port), start after a crash cleans
#   up first, stop on a stopped instance succeeds.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd -P)"
VAR_DIR="$REPO_ROOT/var/dovecot"
CONF="$VAR_DIR/dovecot.conf"
BASE_DIR="$VAR_DIR/run"
STATE_DIR="$VAR_DIR/state"
MAIL_DIR="$VAR_DIR/mail"
LOG_DIR="$VAR_DIR/log"
LOG_FILE="$LOG_DIR/dovecot.log"
PID_FILE="$BASE_DIR/master.pid"
LOCK_FILE="$VAR_DIR/.lock"

HOST="127.0.0.1"
PORT="${HUB_TEST_IMAP_PORT:-10143}"
PASSWORD="${HUB_TEST_IMAP_PASSWORD:-test}"
START_TIMEOUT="${HUB_TEST_IMAP_START_TIMEOUT:-20}"
DOVECOT_BIN="/usr/sbin/dovecot"
# When run as root, mail processes run as this system user (created if missing).
MAIL_USER="${HUB_TEST_IMAP_MAIL_USER:-hubmail}"

die() { echo "dovecot.sh: error: $*" >&2; exit 1; }
log() { echo "dovecot.sh: $*" >&2; }

usage() {
    echo "usage: $0 {start|stop|restart|status|env}" >&2
    exit 2
}

[[ "$PORT" =~ ^[0-9]+$ ]] && (( PORT > 0 && PORT < 65536 )) \
    || die "HUB_TEST_IMAP_PORT must be a TCP port number, got '$PORT'"
[[ "$PASSWORD" =~ ^[A-Za-z0-9._+-]+$ ]] \
    || die "HUB_TEST_IMAP_PASSWORD may only contain [A-Za-z0-9._+-]"

# --------------------------------------------------------------------------
# installation
# --------------------------------------------------------------------------
as_root() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "need root (or sudo) to run: $*"
    fi
}

ensure_installed() {
    if [[ -x "$DOVECOT_BIN" && -x /usr/lib/dovecot/imap ]]; then
        return 0
    fi
    log "installing dovecot-imapd via apt (service start suppressed)"
    local created_policy=0
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        # Forbid invoke-rc.d from starting the system dovecot during install.
        as_root sh -c 'printf "#!/bin/sh\nexit 101\n" > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d'
        created_policy=1
    fi
    local rc=0
    {
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
            --no-install-recommends -o Dpkg::Options::=--force-confdef \
            -o Dpkg::Options::=--force-confold dovecot-core dovecot-imapd
    } >&2 || rc=$?
    if (( created_policy )); then
        as_root rm -f /usr/sbin/policy-rc.d
    fi
    (( rc == 0 )) || die "apt-get install dovecot-imapd failed (exit $rc)"
    # On a systemd host the unit may still be enabled (or socket-activated):
    # keep the system instance off; our private instance never uses it.
    if [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null 2>&1; then
        as_root systemctl disable --now dovecot.service dovecot.socket >/dev/null 2>&1 || true
    fi
    [[ -x "$DOVECOT_BIN" ]] || die "$DOVECOT_BIN still missing after install"
}

ensure_mail_user() {
    [[ $EUID -eq 0 ]] || return 0
    if ! id -u "$MAIL_USER" >/dev/null 2>&1; then
        log "creating system user $MAIL_USER for the test maildirs"
        useradd --system --no-create-home --home-dir /nonexistent \
            --shell /usr/sbin/nologin "$MAIL_USER"
    fi
    # maildirs must belong to the mail user (fix up dirs made by earlier runs)
    if [[ -n "$(find "$MAIL_DIR" \! -user "$MAIL_USER" -print -quit)" ]]; then
        chown -R "$MAIL_USER:$(id -gn "$MAIL_USER")" "$MAIL_DIR"
    fi
}

# --------------------------------------------------------------------------
# configuration
# --------------------------------------------------------------------------
generate_config() {  # $1 = output file
    local uid gid user group login_chroot="" auth_user="" unpriv=""
    user="$(id -un)"; group="$(id -gn)"
    if [[ $EUID -eq 0 ]]; then
        # Dovecot refuses uid 0 for mail processes ("userdb returned 0 as
        # uid"), whatever first_valid_uid says: use the MAIL_USER account.
        uid="$(id -u "$MAIL_USER")"; gid="$(id -g "$MAIL_USER")"
    else
        uid="$(id -u)"; gid="$(id -g)"
    fi
    if [[ $EUID -ne 0 ]]; then
        # Running unprivileged: every service runs as the invoking user.
        login_chroot="  chroot ="
        auth_user="  user = $user"
        unpriv="default_internal_user = $user
default_internal_group = $group
default_login_user = $user"
    fi
    {
        cat <<EOF
# Generated by scripts/dovecot.sh -- do not edit, it is rewritten on start.
# Private Dovecot for Kontakt Hub tests ($("$DOVECOT_BIN" --version 2>/dev/null || echo unknown)).
base_dir = $BASE_DIR
state_dir = $STATE_DIR
instance_name = kontakt-hub-test
protocols = imap
listen = $HOST
shutdown_clients = yes

log_path = $LOG_FILE
info_log_path = $LOG_FILE
debug_log_path = $LOG_FILE
log_timestamp = "%Y-%m-%d %H:%M:%S "

ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
# Accept any user name syntax the tests generate (prefix-<hex>).
auth_username_chars = abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01234567890.-_@+

passdb {
  driver = static
  args = password=$PASSWORD
}
userdb {
  driver = static
  args = uid=$uid gid=$gid home=$MAIL_DIR/%u
}
# Mail processes run as uid $uid (the invoking user, or $MAIL_USER for root).
first_valid_uid = $uid
first_valid_gid = $gid

mail_location = maildir:$MAIL_DIR/%u
mail_privileged_group =
mailbox_idle_check_interval = 1 secs
mail_fsync = never

namespace inbox {
  inbox = yes
  separator = /
}

protocol imap {
  mail_max_userip_connections = 200
  imap_idle_notify_interval = 1 secs
}

default_client_limit = 2000
default_process_limit = 500

service imap-login {
  inet_listener imap {
    address = $HOST
    port = $PORT
  }
  inet_listener imaps {
    port = 0
  }
  # high-performance mode: few long-lived login processes
  service_count = 0
  client_limit = 1000
  process_min_avail = 1
$login_chroot
}
service imap {
  process_limit = 500
}
service anvil {
  client_limit = 2000
}
service auth {
  client_limit = 2000
$auth_user
}
$unpriv
EOF
    } >"$1"
}

# --------------------------------------------------------------------------
# process helpers
# --------------------------------------------------------------------------
read_pid() {
    [[ -s "$PID_FILE" ]] || return 1
    local pid
    pid="$(tr -dc '0-9' <"$PID_FILE")"
    [[ -n "$pid" ]] || return 1
    echo "$pid"
}

pid_alive() {  # $1 = pid; a zombie (exited, not yet reaped) counts as dead
    local state
    state="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" || return 1
    [[ -n "$state" && "$state" != "Z" && "$state" != "X" ]]
}

pid_is_our_dovecot() {  # $1 = pid
    local pid="$1" exe
    pid_alive "$pid" || return 1
    exe="$(readlink "/proc/$pid/exe" 2>/dev/null || true)"
    [[ "$exe" == "$DOVECOT_BIN" ]] || return 1
    # The master was started with "-c $CONF": make sure it is ours.
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$CONF"
}

running_pid() {  # prints the pid of our live master, or fails
    local pid
    pid="$(read_pid)" || return 1
    pid_is_our_dovecot "$pid" || return 1
    echo "$pid"
}

port_answers() {  # greeting "* OK" from HOST:PORT within 3 s
    local greeting
    greeting="$(timeout 3 bash -c '
        exec 3<>"/dev/tcp/$0/$1" || exit 1
        IFS= read -r line <&3 || exit 1
        printf "a1 LOGOUT\r\n" >&3 2>/dev/null || true
        printf "%s" "$line"
    ' "$HOST" "$PORT" 2>/dev/null)" || return 1
    [[ "$greeting" == "* OK"* ]]
}

port_open() {  # anything at all accepting on HOST:PORT
    timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$HOST" "$PORT" 2>/dev/null
}

session_members() {  # pids in session $1 (dovecot master calls setsid)
    local sid="$1"
    ps -e -o pid=,sid=,stat= 2>/dev/null \
        | awk -v s="$sid" '$2 == s && $1 != s && $3 !~ /^Z/ {print $1}'
}

kill_leftovers() {  # $1 = old master pid: leftover children of a dead master
    local sid="$1" pids pid
    pids="$(session_members "$sid")"
    [[ -n "$pids" ]] || return 0
    for pid in $pids; do
        # only dovecot processes (exe under /usr/lib/dovecot or the master)
        local exe
        exe="$(readlink "/proc/$pid/exe" 2>/dev/null || true)"
        case "$exe" in
            /usr/lib/dovecot/*|"$DOVECOT_BIN") kill -TERM "$pid" 2>/dev/null || true ;;
        esac
    done
    local i
    for i in $(seq 1 20); do
        pids="$(session_members "$sid")"
        [[ -z "$pids" ]] && return 0
        sleep 0.1
    done
    for pid in $pids; do
        exe="$(readlink "/proc/$pid/exe" 2>/dev/null || true)"
        case "$exe" in
            /usr/lib/dovecot/*|"$DOVECOT_BIN") kill -KILL "$pid" 2>/dev/null || true ;;
        esac
    done
}

log_tail() {
    if [[ -f "$LOG_FILE" ]]; then
        echo "---- last lines of $LOG_FILE ----" >&2
        tail -n 30 "$LOG_FILE" >&2
        echo "----" >&2
    fi
}

# --------------------------------------------------------------------------
# commands
# --------------------------------------------------------------------------
do_stop() {
    local pid
    if ! pid="$(running_pid)"; then
        # Not running; clean up after a crashed master if a pid file remains.
        if pid="$(read_pid)"; then
            kill_leftovers "$pid"
            rm -f "$PID_FILE"
        fi
        return 0
    fi
    kill -TERM "$pid" 2>/dev/null || true
    local i
    for i in $(seq 1 100); do   # 10 s
        pid_alive "$pid" || break
        sleep 0.05
    done
    if pid_alive "$pid"; then
        log "master $pid did not exit after SIGTERM, sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        sleep 0.2
    fi
    kill_leftovers "$pid"
    rm -f "$PID_FILE"
    # the listening socket is closed with the last process holding it
    for i in $(seq 1 50); do
        port_open || break
        sleep 0.1
    done
    log "stopped (pid $pid)"
}

# A fresh clone (CI) must not be locked out by the private test Dovecot of an
# earlier checkout on the same machine, not even one that lived at this very
# path (a re-clone leaves no pid file behind): such instances are ours,
# disposable, and recognisable by their config path under var/dovecot.
# Only called when our own pid file names no live instance. Anything else on
# the port is left alone.
stop_other_checkouts_instances() {
    local pid args
    for pid in $(pgrep -x dovecot 2>/dev/null || true); do
        args="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
        [[ "$args" == *"/var/dovecot/dovecot.conf"* ]] || continue
        log "stopping a stale private test Dovecot (pid $pid: $args)"
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.2
        done
        kill -KILL "$pid" 2>/dev/null || true
    done
    for _ in $(seq 1 25); do
        port_open || return 0
        sleep 0.2
    done
}

do_start() {
    ensure_installed
    mkdir -p "$BASE_DIR" "$STATE_DIR" "$MAIL_DIR" "$LOG_DIR"
    [[ -f "$VAR_DIR/.gitignore" ]] || printf '*\n' >"$VAR_DIR/.gitignore"
    chmod 755 "$VAR_DIR" "$BASE_DIR"
    ensure_mail_user

    local new_conf="$CONF.new"
    generate_config "$new_conf"

    local pid
    if pid="$(running_pid)"; then
        if cmp -s "$new_conf" "$CONF" && port_answers; then
            rm -f "$new_conf"
            log "already running (pid $pid) on $HOST:$PORT"
            return 0
        fi
        local old_port
        old_port="$(awk '$1 == "port" && $3 != "0" {print $3; exit}' "$CONF" 2>/dev/null || true)"
        if [[ "$old_port" != "$PORT" ]] && port_open; then
            rm -f "$new_conf"
            die "port $HOST:$PORT is already in use by another program; the running instance (pid $pid, port ${old_port:-?}) is left alone"
        fi
        log "running instance (pid $pid) has a different config or does not answer: restarting"
        do_stop
    else
        # crashed or never started: remove stale pid file and leftovers
        if pid="$(read_pid)"; then
            log "cleaning up after a dead instance (pid $pid)"
            kill_leftovers "$pid"
            rm -f "$PID_FILE"
        fi
    fi
    mv -f "$new_conf" "$CONF"

    if port_open; then
        stop_other_checkouts_instances
    fi
    if port_open; then
        die "port $HOST:$PORT is already in use by another program; set HUB_TEST_IMAP_PORT to a free port"
    fi

    # Not $(...): the daemonised master would keep the pipe open forever;
    # and close the lock fd 9, or the master would hold the lock while it lives.
    local startup_out="$LOG_DIR/startup.out"
    if ! "$DOVECOT_BIN" -c "$CONF" </dev/null >"$startup_out" 2>&1 9>&-; then
        cat "$startup_out" >&2
        log_tail
        die "dovecot failed to start (config $CONF)"
    fi

    local deadline=$(( SECONDS + START_TIMEOUT ))
    while (( SECONDS < deadline )); do
        if port_answers; then
            pid="$(read_pid || echo '?')"
            log "started dovecot (pid $pid) on $HOST:$PORT, data in $VAR_DIR"
            return 0
        fi
        if [[ -s "$PID_FILE" ]] && ! running_pid >/dev/null; then
            break   # master died
        fi
        sleep 0.1
    done
    log_tail
    die "dovecot did not answer on $HOST:$PORT within ${START_TIMEOUT}s (log: $LOG_FILE)"
}

do_restart() {
    do_stop
    do_start
}

do_status() {
    local pid
    if pid="$(running_pid)" && port_answers; then
        echo "dovecot running (pid $pid) on $HOST:$PORT"
        return 0
    fi
    echo "dovecot not running on $HOST:$PORT"
    return 1
}

do_env() {
    echo "HUB_TEST_IMAP_HOST=$HOST"
    echo "HUB_TEST_IMAP_PORT=$PORT"
    echo "HUB_TEST_IMAP_PASSWORD=$PASSWORD"
}

with_lock() {
    mkdir -p "$VAR_DIR"
    exec 9>"$LOCK_FILE"
    flock -w 60 9 || die "could not lock $LOCK_FILE (another dovecot.sh is stuck?)"
    "$@"
}

cmd="${1:-}"
case "$cmd" in
    start)   with_lock do_start ;;
    stop)    with_lock do_stop ;;
    restart) with_lock do_restart ;;
    status)  do_status ;;
    env)     do_env ;;
    *)       usage ;;
esac
