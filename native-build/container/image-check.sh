#!/bin/sh
# Builds the platform's container image with Quarkus Jib (no Docker) and starts it with an OCI runtime, on a machine
# that has neither Docker nor a registry it may reach, only Debian's packages and Maven Central:
#
#   1. a registry on 127.0.0.1:5000 (Debian's docker-registry, the CNCF distribution registry);
#   2. a base image made of Debian packages (trixie, minbase, OpenJDK 25's JRE; debootstrap and umoci), pushed there;
#   3. `./mvnw package -Pcontainer`: Jib layers the packaged platform on that base and pushes the image;
#   4. the image pulled back (skopeo), unpacked into an OCI bundle (umoci) and run by runc as the image says (its
#      user, working directory, environment and entrypoint), on the host's network, with half a core and 1.5 GiB,
#      until /q/health/ready answers 200 on its embedded PostgreSQL; then stopped with SIGTERM.
#
# Needs root and `apt-get install debootstrap umoci skopeo docker-registry runc`. Everything it makes lives under
# native-build/target/image-check (the base image is made once and kept in the registry's storage there).
# Usage: native-build/container/image-check.sh
set -eu

cd "$(dirname "$0")/../.."
for tool in debootstrap umoci skopeo docker-registry runc curl python3; do
  command -v "$tool" >/dev/null || { echo "image-check: $tool is missing (apt-get install $tool)" >&2; exit 1; }
done
[ "$(id -u)" = 0 ] || { echo "image-check: debootstrap and runc need root" >&2; exit 1; }

work=$(pwd)/native-build/target/image-check
registry=127.0.0.1:5000
base=$registry/nohold/base:trixie-jre25
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
image=$registry/nohold/nohold:$version
container=nohold-image-check
mkdir -p "$work"

# 1. The registry, for as long as this script runs.
if curl -s "http://$registry/v2/" >/dev/null || curl -s http://127.0.0.1:8080/ >/dev/null; then
  echo "image-check: $registry or 127.0.0.1:8080 is in use already (another check running?)" >&2
  exit 1
fi
cat > "$work/registry.yml" <<EOF
version: 0.1
log: {level: warn}
storage: {filesystem: {rootdirectory: $work/registry-data}}
http: {addr: $registry}
EOF
docker-registry serve "$work/registry.yml" > "$work/registry.log" 2>&1 &
registry_pid=$!
cleanup() {
  runc kill "$container" KILL 2>/dev/null || true
  runc delete --force "$container" 2>/dev/null || true
  kill "$registry_pid" 2>/dev/null || true
}
trap cleanup EXIT
until curl -fs "http://$registry/v2/" >/dev/null; do sleep 0.2; done

# 2. The base image: Debian's JRE and the user Jib's image runs as (uid 185, group 0, as in Quarkus's own base
#    images; PostgreSQL's initdb wants a name for it). Jib puts the application in /home/jboss, owned by that user,
#    where the platform keeps ./data unless NOHOLD_DATA_DIR says otherwise (the manifests' emptyDir).
if ! skopeo inspect --tls-verify=false "docker://$base" >/dev/null 2>&1; then
  echo "image-check: making the base image from Debian's packages (once; under a minute here)"
  rm -rf "$work/base-oci" "$work/base-bundle"
  umoci init --layout "$work/base-oci"
  umoci new --image "$work/base-oci:base"
  umoci unpack --image "$work/base-oci:base" "$work/base-bundle"
  debootstrap --variant=minbase --include=openjdk-25-jre-headless,ca-certificates trixie \
    "$work/base-bundle/rootfs" http://deb.debian.org/debian > "$work/debootstrap.log"
  rootfs=$work/base-bundle/rootfs
  echo "nohold:x:185:0:Nohold:/home/jboss:/usr/sbin/nologin" >> "$rootfs/etc/passwd"
  rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/*
  umoci repack --image "$work/base-oci:base" "$work/base-bundle"
  umoci config --image "$work/base-oci:base" --config.user 185:0 --config.workingdir /home/jboss \
    --config.env JAVA_HOME=/usr/lib/jvm/java-25-openjdk-amd64 --config.env LANG=C.UTF-8
  skopeo copy --dest-tls-verify=false "oci:$work/base-oci:base" "docker://$base"
fi

# 3. The image, by Jib, pushed to the registry. Quarkus's fast-jar (the AOT cache serves only the JDK that wrote it).
./mvnw -B -q package -DskipTests -pl native-build -am -P'container,!aot-cache' \
  -Dquarkus.jib.base-jvm-image="$base" -Dquarkus.container-image.registry="$registry" \
  -Dquarkus.container-image.push=true -Dquarkus.container-image.insecure=true
skopeo inspect --tls-verify=false "docker://$image" > "$work/image.json"
echo "image-check: pushed $image ($(sed -n 's/.*"Digest": "\(.*\)".*/\1/p' "$work/image.json" | head -1))"

# 4. Pulled back, unpacked and run as the image says, on the host's network (the runtime spec's network namespace
#    removed), so that the check reaches its port, and with the host's /etc/hosts, as Docker and Kubernetes give
#    every container one; limited to what the Kubernetes manifests guarantee a pod (half a core, 1.5 GiB).
rm -rf "$work/app-oci" "$work/app-bundle"
skopeo copy --src-tls-verify=false "docker://$image" "oci:$work/app-oci:app" >/dev/null
umoci unpack --image "$work/app-oci:app" "$work/app-bundle" >/dev/null
python3 - "$work/app-bundle/config.json" <<'EOF'
import json, sys
path = sys.argv[1]
spec = json.load(open(path))
spec["process"]["terminal"] = False
spec["linux"]["namespaces"] = [n for n in spec["linux"]["namespaces"] if n["type"] != "network"]
spec["root"]["readonly"] = False
spec["mounts"].append({"destination": "/etc/hosts", "type": "bind", "source": "/etc/hosts",
                       "options": ["rbind", "ro"]})
# What the manifests guarantee a pod: half a core (its CPU request) and 1.5 GiB.
spec["linux"].setdefault("resources", {})["cpu"] = {"quota": 50000, "period": 100000}
spec["linux"]["resources"]["memory"] = {"limit": 1536 * 1024 * 1024}
json.dump(spec, open(path, "w"), indent=2)
print("image-check: runs", " ".join(spec["process"]["args"]), "as", spec["process"]["user"],
      "in", spec["process"]["cwd"])
EOF
started=$(date +%s%N)
runc run --bundle "$work/app-bundle" "$container" > "$work/platform.log" 2>&1 &
platform_pid=$!
ready=
for _ in $(seq 1 240); do
  if curl -fs -o /dev/null http://127.0.0.1:8080/q/health/ready; then ready=yes; break; fi
  kill -0 "$platform_pid" 2>/dev/null || break
  sleep 0.5
done
if [ -z "$ready" ]; then
  echo "image-check: the image did not become ready (it exited, or two minutes passed); its log: $work/platform.log" >&2
  tail -30 "$work/platform.log" >&2
  exit 1
fi
echo "image-check: ready in $(( ($(date +%s%N) - started) / 1000000 )) ms (first start: initdb and the speech model's copy)"
curl -fs http://127.0.0.1:8080/q/health/ready
echo
runc kill "$container" TERM
for _ in $(seq 1 60); do
  [ "$(runc state "$container" 2>/dev/null | sed -n 's/.*"status": "\(.*\)".*/\1/p')" = stopped ] && break
  sleep 0.5
done
echo "image-check: stopped; the platform's log is $work/platform.log"
