#!/usr/bin/env bash
# Builds the image's root filesystem extras: a jlinked Java runtime in /opt/java and the glibc libraries it links
# against (the image is `scratch`: no base image to pull). Called by `./mvnw -Pimage package`.
set -euo pipefail
out="$1"
rm -rf "$out" && mkdir -p "$out/opt" "$out/tmp"
jlink --add-modules java.base,java.logging,java.naming,java.net.http,java.management,jdk.httpserver,java.xml,java.sql,jdk.crypto.ec,jdk.unsupported,java.desktop,java.security.jgss,jdk.zipfs \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out/opt/java"
for lib in $(ldd "$out/opt/java/bin/java" "$out/opt/java/lib/server/libjvm.so" $(ls "$out"/opt/java/lib/*.so | grep -Ev "awt|fontmanager|jpeg|splash|lcms|mlib|jsound") 2>/dev/null \
    | awk '/=> \// {print $3} /^\s*\/lib/ {print $1}' | sort -u); do
  mkdir -p "$out$(dirname "$lib")" && cp -L "$lib" "$out$lib"
done
mkdir -p "$out/lib64" && cp -L /lib64/ld-linux-x86-64.so.2 "$out/lib64/"
echo "nobody:x:65532:65532:nobody:/nonexistent:/sbin/nologin" > "$out/passwd.tmp"; mkdir -p "$out/etc"; mv "$out/passwd.tmp" "$out/etc/passwd"
