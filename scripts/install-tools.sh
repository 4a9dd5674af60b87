#!/usr/bin/env bash
# Installs the command-line tools some tests call: openssl (OpenSslInteropTest verifies the module's signatures with
# it) from Debian's packages. Needs root or sudo; does nothing when they are already there.
set -euo pipefail
missing=()
command -v openssl >/dev/null || missing+=(openssl)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing ${missing[*]} from Debian packages..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
