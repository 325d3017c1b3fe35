#!/usr/bin/env bash
# Installs the Debian packages the build and tests need when they are missing: apt-get when
# run as root on Debian/Ubuntu. Anyone else gets one line naming the packages, and the build
# goes on without them (diagrams are then described, not drawn; browser tests skip).
# usage: tools/system-deps.sh CHECK=PACKAGE...   e.g. dot=graphviz "font:Noto Sans CJK=fonts-noto-cjk"
#   CHECK is a command looked up on PATH, or font:FAMILY looked up with fc-list.
set -euo pipefail

# Read the font list once, whole: `fc-list | grep -q` under pipefail fails whenever grep
# exits before fc-list has written everything (SIGPIPE), which made installed fonts look
# missing in about half the runs.
font_families=
fonts_read=false

missing=()
for pair in "$@"; do
  check=${pair%%=*}
  package=${pair#*=}
  case "$check" in
    font:*)
      if ! $fonts_read; then
        font_families=$(fc-list : family 2>/dev/null || true)
        fonts_read=true
      fi
      grep -qiF -- "${check#font:}" <<<"$font_families" || missing+=("$package") ;;
    *) command -v "$check" >/dev/null 2>&1 || missing+=("$package") ;;
  esac
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing ${missing[*]} with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2; then
    exit 0
  fi
  echo "warning: apt-get could not install ${missing[*]}; going on without them" >&2
else
  echo "warning: missing system packages ${missing[*]} (Debian/Ubuntu: sudo apt-get install ${missing[*]}); going on without them" >&2
fi
