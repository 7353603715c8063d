/**
 * `npm test`: every check, in the order CI runs them. Installs what is missing first (npm
 * dependencies, Chromium, Firefox ESR), then runs each step and prints a summary. Any failing
 * step makes the whole run fail.
 */
import { ensureBrowser, ensureNodeModules, run } from './lib/prerequisites.mjs';

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
];

const results = [];
let buildFailed = false;
for (const [name, [command, ...args], needsBuild] of steps) {
  if (needsBuild && buildFailed) {
    results.push([name, false, 0, 'skipped: the build failed']);
    continue;
  }
  console.log(`\n▶ ${name}: ${[command, ...args].join(' ')}`);
  const started = Date.now();
  const ok = run(command, args, { env });
  if (name === 'build' && !ok) buildFailed = true;
  results.push([name, ok, Date.now() - started, '']);
}

console.log('\nMargins checks:');
for (const [name, ok, ms, note] of results) {
  console.log(`  ${ok ? 'pass' : 'FAIL'}  ${name.padEnd(24)} ${(ms / 1000).toFixed(1)} s ${note}`);
}
const failed = results.filter(([, ok]) => !ok).length;
console.log(failed === 0 ? 'All checks passed.' : `${failed} check(s) failed.`);
process.exit(failed === 0 ? 0 : 1);
