#!/bin/sh
# Makes a TEST PKI (never for production): a test certification authority and a signing key and certificate for every
# demo user - applicants with their IIN, school and kindergarten heads with their organisation's BIN - shaped like NCA
# RK's certificates (docs/signature.md). Only the JDK and the Maven wrapper are needed. Usage:
#   scripts/test-pki.sh                      # into ~/.bilim/pki, for the region demo (where the application looks)
#   scripts/test-pki.sh FOLDER [SCALE] [SEED] # SCALE tiny | region | national (the organisations' BINs depend on it)
# The application trusts FOLDER/test-ca.pem and loads FOLDER/*.p12 when started with BILIM_TEST_PKI_DIR=FOLDER
# (it makes ~/.bilim/pki by itself on first use if it is missing). Then, for example:
#   openssl cms -sign -binary -md sha256 -outform DER -in x.pdf -signer FOLDER/applicant.pem \
#       -inkey FOLDER/applicant.key.pem -out x.p7s
#   openssl cms -verify -binary -inform DER -in x.p7s -content x.pdf -CAfile FOLDER/test-ca.pem -out /dev/null
set -eu
cd "$(dirname "$0")/.."
FOLDER="${1:-$HOME/.bilim/pki}"
SCALE="${2:-region}"
SEED="${3:-20261123}"
exec ./mvnw -q -B compile exec:java -Dexec.args="$FOLDER $SCALE $SEED"
