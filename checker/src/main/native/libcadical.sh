#!/bin/sh
# Links CaDiCaL's static library (Debian: apt-get install libcadical-dev) into the shared library
# that `shall check --sat cadical` loads: ~/.cache/shall/native/libcadical.so (or $1).
# Debian ships only libcadical.a; its objects are position-independent (the default PIE build),
# so they link into a shared object as they are. Other systems that ship libcadical.so need nothing:
# set SHALL_CADICAL_LIB to it, or let shall find it in the usual library folders.
set -eu
archive=${CADICAL_ARCHIVE:-}
if [ -z "$archive" ]; then
  for candidate in /usr/lib/x86_64-linux-gnu/libcadical.a /usr/lib/aarch64-linux-gnu/libcadical.a \
                   /usr/lib/libcadical.a /usr/local/lib/libcadical.a; do
    if [ -f "$candidate" ]; then archive=$candidate; break; fi
  done
fi
if [ -z "$archive" ]; then
  echo "libcadical.sh: no libcadical.a found; install it (Debian: apt-get install libcadical-dev) or set CADICAL_ARCHIVE" >&2
  exit 3
fi
out=${1:-${XDG_CACHE_HOME:-$HOME/.cache}/shall/native/libcadical.so}
mkdir -p "$(dirname "$out")"
${CXX:-c++} -shared -o "$out.tmp" -Wl,--whole-archive "$archive" -Wl,--no-whole-archive
mv "$out.tmp" "$out"
echo "$out"
