#!/usr/bin/env bash
# `npm test`: setup, type-check, unit tests, e2e tests. Keeps going past failures so one run
# shows everything, then prints as its LAST line exactly "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p artifacts
ci=false
[[ "${CI:-}" == "true" ]] && ci=true

extra_failed=0 # failures outside the test runners' own counts
extra_passed=0

if ! bash scripts/setup.sh; then
  echo "test-all: setup failed (continuing: later steps will show what is missing)" >&2
  extra_failed=$((extra_failed + 1))
fi

echo "test-all: type-check"
if $ci; then
  npx tsc --noEmit -p . >artifacts/tsc.log 2>&1
  tsc_rc=$?
  head -n 40 artifacts/tsc.log
else
  npx tsc --noEmit -p .
  tsc_rc=$?
fi
# A type error counts as a failure; a clean type-check is not a test and adds nothing.
[[ $tsc_rc -eq 0 ]] || extra_failed=$((extra_failed + 1))

# run_vitest NAME [ARGS...]: a runner that exits non-zero but reports no failed test (an
# unhandled error, no test files) counts as one failure; the summary below reads the JSON.
run_vitest() {
  local name=$1
  shift
  rm -f "artifacts/$name.json"
  echo "test-all: $name tests"
  npx vitest run "$@" --reporter=default --reporter=json --outputFile="artifacts/$name.json"
  echo $? >"artifacts/$name.rc"
}
run_vitest unit
run_vitest e2e -c vitest.e2e.config.ts

node -e '
  const fs = require("fs");
  let passed = +process.argv[1], failed = +process.argv[2], skipped = 0;
  for (const name of ["unit", "e2e"]) {
    const file = `artifacts/${name}.json`;
    const rc = Number(fs.readFileSync(`artifacts/${name}.rc`, "utf8"));
    if (!fs.existsSync(file)) {
      console.log(`test-all: ${name} runner crashed (exit ${rc}) without writing ${file}`);
      failed += 1;
      continue;
    }
    const r = JSON.parse(fs.readFileSync(file, "utf8"));
    passed += r.numPassedTests;
    failed += r.numFailedTests;
    skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    if (rc !== 0 && r.numFailedTests === 0) {
      console.log(`test-all: ${name} runner exited ${rc} with no failed test (unhandled error?)`);
      failed += 1;
    }
  }
  if (skipped) console.log(`test-all: ${skipped} skipped`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
' "$extra_passed" "$extra_failed"
