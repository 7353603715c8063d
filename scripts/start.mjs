/**
 * `npm start` (Chromium) or `npm start -- --firefox`: installs what is missing, builds Margins,
 * serves the demo article on 127.0.0.1 and opens it in a browser with a fresh temporary profile
 * and the extension loaded. Click the Margins toolbar button to save the article.
 */
import { ensureBrowser, ensureNodeModules, run } from './lib/prerequisites.mjs';

const target = process.argv.includes('--firefox') ? 'firefox' : 'chromium';

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    'Margins: npm start opens a browser window, but this session has no display (DISPLAY and ' +
      'WAYLAND_DISPLAY are unset). Run it from a desktop session, or under a virtual display with ' +
      '"xvfb-run npm start". To check everything without a display, run "npm test".',
  );
  process.exit(1);
}

ensureNodeModules();
const executablePath = ensureBrowser(target);
if (!run('npx', ['tsx', 'scripts/build.ts'])) process.exit(1);
run('npx', ['tsx', 'scripts/launch-demo.ts', target, executablePath]);
