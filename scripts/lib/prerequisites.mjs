/**
 * What `npm start` and `npm test` need before they can run, installed when missing: the npm
 * dependencies, and Chromium / Firefox ESR from the system's package manager. Plain Node with no
 * dependencies, because it runs before `node_modules` exists.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export const BROWSERS = {
  chromium: {
    label: 'Chromium',
    env: 'CHROMIUM_PATH',
    paths: ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'],
    // Without chromium-l10n, Debian's Chromium shows only English whatever the language.
    aptPackage: 'chromium chromium-l10n',
  },
  firefox: {
    label: 'Firefox ESR',
    env: 'FIREFOX_PATH',
    paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
    aptPackage: 'firefox-esr',
  },
};

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT, ...options });
  return result.status === 0;
}

function commandExists(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Installs npm dependencies when node_modules is missing or older than the lock file. */
export function ensureNodeModules() {
  const marker = resolve(ROOT, 'node_modules/.package-lock.json');
  const lock = resolve(ROOT, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('Margins: installing npm dependencies (npm ci)…');
  if (!run('npm', ['ci', '--no-audit', '--no-fund'])) {
    console.error('Margins: `npm ci` failed; see the messages above.');
    process.exit(1);
  }
}

export function findBrowser(name) {
  const browser = BROWSERS[name];
  const fromEnv = process.env[browser.env];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return browser.paths.find((path) => existsSync(path)) ?? null;
}

/**
 * Returns the browser's executable, installing it with apt-get when it is missing and the system
 * can provide it; otherwise stops with a message saying what to install.
 */
export function ensureBrowser(name) {
  const found = findBrowser(name);
  if (found) return found;
  const browser = BROWSERS[name];
  const isRoot = process.getuid?.() === 0;
  const canSudo =
    !isRoot && commandExists('sudo') && spawnSync('sudo', ['-n', 'true']).status === 0;
  if (commandExists('apt-get') && (isRoot || canSudo)) {
    const prefix = isRoot ? [] : ['sudo', '-n'];
    console.log(
      `Margins: ${browser.label} was not found. Installing the Debian package "${browser.aptPackage}" with: ` +
        `${[...prefix, 'apt-get', 'install', '-y', browser.aptPackage].join(' ')}`,
    );
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const [command, ...args] = [...prefix, 'apt-get'];
    const installed =
      run(command, [...args, 'update', '-q'], { env }) &&
      run(command, [...args, 'install', '-y', '-q', ...browser.aptPackage.split(' ')], { env });
    const path = installed ? findBrowser(name) : null;
    if (path) return path;
  }
  console.error(
    `Margins needs ${browser.label}, which is not installed. Install it (on Debian or Ubuntu: ` +
      `"sudo apt-get install ${browser.aptPackage}"), or set ${browser.env} to its executable, then run this again.`,
  );
  process.exit(1);
}
