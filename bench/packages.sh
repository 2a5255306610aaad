# Sourced by the benchmark scripts: installs the Debian packages the reference tools and the corpus come from.
# shared/bench/corpus.sh copies photos that Debian 12 ships in these packages, not in gnome-backgrounds.
CORPUS_PACKAGES=(lomiri-wallpapers lomiri-wallpapers-20.04 lomiri-wallpapers-16.04 ukui-wallpapers)

# usage: install_packages PKG...   (installs the ones missing; needs root the first time)
install_packages() {
  local need=() pkg
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
  done
  if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi
}

# usage: ensure_corpus DIR SHARED_DIR   (the 20 reference photos in DIR, made once)
ensure_corpus() {
  [ -d "$1" ] && [ "$(ls "$1" | wc -l)" -ge 20 ] || bash "$2/bench/corpus.sh" "$1" >/dev/null
}
