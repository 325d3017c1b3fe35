#!/usr/bin/env bash
# Installs the Debian packages the build and tests need when their commands are missing:
# apt-get when run as root on Debian/Ubuntu, otherwise a message saying what to install.
# usage: tools/system-deps.sh COMMAND=PACKAGE...   e.g. dot=graphviz fc-list:Noto Sans CJK=fonts-noto-cjk
set -euo pipefail

missing=()
for pair in "$@"; do
  check=${pair%%=*}
  package=${pair#*=}
  case "$check" in
    font:*) fc-list 2>/dev/null | grep -qi "${check#font:}" || missing+=("$package") ;;
    *) command -v "$check" >/dev/null 2>&1 || missing+=("$package") ;;
  esac
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing ${missing[*]} with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
else
  echo "error: missing system packages: ${missing[*]}" >&2
  echo "install them with your package manager (Debian/Ubuntu: sudo apt-get install ${missing[*]})" >&2
  exit 1
fi
