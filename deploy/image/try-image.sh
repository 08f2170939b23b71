#!/usr/bin/env bash
# Shows that the image built by `./mvnw -Pimage package -DskipTests` starts, without Docker: unpacks
# operator/target/kaizen-operator-image.tar into a root filesystem and runs the image's own entry point in it
# (chroot, as uid 65532, env from the image config) with the given arguments (default: `validate` of an example).
# Needs root (chroot) and python3. Prints the image size and the time the entry point took.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
tar_file="$repo/operator/target/kaizen-operator-image.tar"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/image" "$work/rootfs"
tar -xf "$tar_file" -C "$work/image"
python3 - "$work" <<'PY'
import json, os, subprocess, sys
work = sys.argv[1]
manifest = json.load(open(os.path.join(work, "image", "manifest.json")))[0]
for layer in manifest["Layers"]:
    subprocess.run(["tar", "--warning=no-unknown-keyword", "-xzf", os.path.join(work, "image", layer), "-C", os.path.join(work, "rootfs")], check=True)
config = json.load(open(os.path.join(work, "image", manifest["Config"])))["config"]
with open(os.path.join(work, "entrypoint"), "w") as f:
    f.write("\n".join(config["Entrypoint"]))
with open(os.path.join(work, "env"), "w") as f:
    f.write("\n".join(config.get("Env", [])))
with open(os.path.join(work, "user"), "w") as f:
    f.write(config.get("User", "0"))
PY
mapfile -t entrypoint < "$work/entrypoint"
mapfile -t env < "$work/env"
if [ $# -eq 0 ]; then
  cp "$repo/examples/logpipeline.yaml" "$work/rootfs/tmp/"
  set -- validate /tmp/logpipeline.yaml
fi
echo "image tar: $(du -h "$tar_file" | cut -f1), unpacked: $(du -sh "$work/rootfs" | cut -f1)"
echo "entry point: ${entrypoint[*]} $*"
start=$(date +%s%N)
env -i "${env[@]}" "$(command -v chroot)" --userspec="$(cat "$work/user")" "$work/rootfs" "${entrypoint[@]}" "$@"
echo "exit 0 after $(( ($(date +%s%N) - start) / 1000000 )) ms"
