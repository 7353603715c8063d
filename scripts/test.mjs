/**
 * `npm test`: every check, in the order CI runs them. Installs what is missing first (npm
 * dependencies, Chromium, Firefox ESR), then runs each step and prints a summary. Any failing
 * step makes the whole run fail.
 */
import { spawn } from 'node:child_process';
import { ensureBrowser, ensureNodeModules } from './lib/prerequisites.mjs';

ensureNodeModules();
const env = {
  ...process.env,
  CHROMIUM_PATH: ensureBrowser('chromium'),
  FIREFOX_PATH: ensureBrowser('firefox'),
};

/** [name, command, whether it needs the built extension] */
const steps = [
  ['format', ['npx', 'prettier', '--check', '.'], false],
  ['lint', ['npx', 'eslint', '.'], false],
  ['typecheck', ['npx', 'tsc', '-p', '.'], false],
  ['unit tests', ['npx', 'vitest', 'run'], false],
  ['build', ['npx', 'tsx', 'scripts/build.ts'], false],
  ['firefox lint (web-ext)', ['npx', 'web-ext', 'lint', '--source-dir', 'dist/firefox'], true],
  [
    'e2e chromium',
    ['npx', 'vitest', 'run', '--config', 'vitest.e2e.config.ts', 'tests/e2e/chromium'],
    true,
  ],
  [
    'hostile pages (chromium, firefox)',
    ['npx', 'vitest', 'run', '--config', 'vitest.hostile.config.ts'],
    true,
  ],
  [
    'e2e firefox',
    ['npx', 'vitest', 'run', '--config', 'vitest.e2e.config.ts', 'tests/e2e/firefox'],
    true,
  ],
  [
    'e2e sync (chromium + firefox)',
    ['npx', 'vitest', 'run', '--config', 'vitest.e2e.config.ts', 'tests/e2e/sync'],
    true,
  ],
];

/**
 * Runs one step with its output shown live, and keeps the output so a failure can be repeated in
 * the summary: CI logs are often read from the end, where the failing test must be named.
 */
function runStep(command, args) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (stream, target) =>
      stream.on('data', (chunk) => {
        target.write(chunk);
        output += chunk.toString();
      });
    keep(child.stdout, process.stdout);
    keep(child.stderr, process.stderr);
    child.on('close', (code) => resolvePromise({ ok: code === 0, output }));
  });
}

/** The part of a failed step's output that says what failed: Vitest's failure section, or the end. */
function failureExcerpt(output) {
  // eslint-disable-next-line no-control-regex -- colour codes are what is being removed
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  const failures = plain.indexOf('Failed Tests');
  const excerpt = failures >= 0 ? plain.slice(failures) : plain;
  const lines = excerpt.split('\n');
  const limit = 120;
  return (failures >= 0 ? lines.slice(0, limit) : lines.slice(-limit)).join('\n');
}

const results = [];
const failureReports = [];
let buildFailed = false;
for (const [name, [command, ...args], needsBuild] of steps) {
  if (needsBuild && buildFailed) {
    results.push([name, false, 0, 'skipped: the build failed']);
    continue;
  }
  console.log(`\n▶ ${name}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const { ok, output } = await runStep(command, args);
  if (name === 'build' && !ok) buildFailed = true;
  if (!ok) failureReports.push([name, failureExcerpt(output)]);
  results.push([name, ok, Date.now() - started, '']);
}

for (const [name, excerpt] of failureReports) {
  console.log(`\n✗ ${name} failed — what it reported:\n${excerpt}`);
}

console.log('\nMargins checks:');
for (const [name, ok, ms, note] of results) {
  console.log(`  ${ok ? 'pass' : 'FAIL'}  ${name.padEnd(24)} ${(ms / 1000).toFixed(1)} s ${note}`);
}
const failed = results.filter(([, ok]) => !ok).length;
console.log(failed === 0 ? 'All checks passed.' : `${failed} check(s) failed.`);
process.exit(failed === 0 ? 0 : 1);
