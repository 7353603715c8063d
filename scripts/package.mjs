/**
 * `npm run package`: zips dist/chrome and dist/firefox into store-ready archives in
 * dist/packages/ (run after the build; `npm run package` does both).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync('manifest.json', 'utf8'));
for (const target of ['chrome', 'firefox']) {
  const result = spawnSync(
    'npx',
    [
      'web-ext',
      'build',
      '--source-dir',
      `dist/${target}`,
      '--artifacts-dir',
      'dist/packages',
      '--filename',
      `margins-${target}-${version}.zip`,
      '--overwrite-dest',
    ],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
