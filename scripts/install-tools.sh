#!/usr/bin/env bash
# Installs the command-line tools some tests call, from Debian's packages: openssl (OpenSslInteropTest verifies the
# module's signatures with it) and poppler-utils' pdftoppm (TransferDeskTest renders the refusal receipt to PNG).
# Needs root or sudo; does nothing when they are already there.
set -euo pipefail
missing=()
command -v openssl >/dev/null || missing+=(openssl)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Installing ${missing[*]} from Debian packages..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
