#!/usr/bin/env bash
# Start what the test suite needs that is not already running on this kind of machine.
# PostgreSQL (127.0.0.1:5432) and Redis (127.0.0.1:6379) are provided by the machine;
# they are checked here so a missing one fails early with a clear message.
set -euo pipefail
cd "$(dirname "$0")/.."

check_port() {  # name host port
    if ! (exec 3<>"/dev/tcp/$2/$3") 2>/dev/null; then
        echo "test-services: $1 is not answering on $2:$3" >&2
        exit 1
    fi
}

# The browser tests drive Debian's Chromium (tests/web/test_xss_browser.py); install it once on a fresh machine.
if [ ! -x /usr/bin/chromium ]; then
    SUDO=""
    if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium
fi

check_port PostgreSQL 127.0.0.1 5432
check_port Redis 127.0.0.1 6379
bash scripts/dovecot.sh start
