// Prints how many tests each suite ran, and fails when a suite ran none:
// a suite that silently skipped everything must not pass CI. Every folder of
// tests/ that holds tests is a suite here; a test file outside them fails the
// summary, so a new suite cannot go uncounted.
import fs from 'node:fs';

const report = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const suites = {
  unit: { passed: 0, failed: 0, skipped: 0 },
  components: { passed: 0, failed: 0, skipped: 0 },
  integration: { passed: 0, failed: 0, skipped: 0 },
  e2e: { passed: 0, failed: 0, skipped: 0 },
};
for (const file of report.testResults) {
  const suite = Object.keys(suites).find((name) => file.name.includes(`/tests/${name}/`));
  if (!suite) {
    console.error(`${file.name} is in no suite this summary counts (.ci/summarize-tests.mjs).`);
    process.exitCode = 1;
    continue;
  }
  for (const test of file.assertionResults) {
    if (test.status === 'passed') suites[suite].passed += 1;
    else if (test.status === 'failed') suites[suite].failed += 1;
    else suites[suite].skipped += 1;
  }
}
let failed = 0;
let passed = 0;
let skipped = 0;
for (const [name, counts] of Object.entries(suites)) {
  console.log(
    `${name.padEnd(12)} ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`,
  );
  failed += counts.failed;
  passed += counts.passed;
  skipped += counts.skipped;
  if (counts.passed === 0) {
    console.error(`The ${name} suite ran no test.`);
    process.exitCode = 1;
  }
}
if (failed > 0) process.exitCode = 1;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
