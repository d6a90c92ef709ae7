#!/bin/sh
# Runs one fuzz target for about three minutes on one core, starting from the committed
# seeds and the crate's fixtures (read recursively by libFuzzer; new inputs go to
# fuzz/corpus/<target>, which is not committed). Usage: fuzz/run.sh json|import [seconds]
set -eu
cd "$(dirname "$0")"
target=$1
seconds=${2:-180}
mkdir -p "corpus/$target" artifacts
case $target in
    json) fixtures="../tests/fixtures/checks ../tests/fixtures/render" ;;
    import) fixtures="../tests/fixtures" ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
esac
# shellcheck disable=SC2086
exec cargo +nightly fuzz run "$target" "corpus/$target" "seeds/$target" $fixtures -- \
    -max_total_time="$seconds" -jobs=1 -workers=1 -dict="dict/$target.dict" \
    -timeout=10 -rss_limit_mb=4096 -print_final_stats=1
