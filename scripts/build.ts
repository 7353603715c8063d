/**
 * `npm run build`: bundles Margins once, then writes one unpacked extension per browser
 * (dist/chrome, dist/firefox), each with its own manifest derived from the top-level manifest.json.
 */
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'vite';
import { BUNDLE_DIR } from '../vite.config.ts';
import { manifestFor, TARGETS, type Target } from './lib/manifest.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** Scripts that run in web pages: each one classic IIFE file, since they cannot be ES modules. */
const PAGE_SCRIPTS = [
  { entry: 'src/content/main.ts', file: 'content.js' },
  { entry: 'src/content/revisit.ts', file: 'revisit.js' },
];

async function bundle(): Promise<void> {
  await build({ configFile: resolve(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  for (const script of PAGE_SCRIPTS) {
    await build({
      configFile: false,
      logLevel: 'warn',
      publicDir: false,
      build: {
        outDir: BUNDLE_DIR,
        emptyOutDir: false,
        target: ['chrome120', 'firefox128'],
        minify: true,
        lib: {
          entry: resolve(ROOT, script.entry),
          formats: ['iife'],
          name: 'MarginsPageScript',
          fileName: () => script.file,
        },
      },
    });
  }
}

async function writeTarget(target: Target, manifest: Record<string, unknown>): Promise<string> {
  const out = resolve(ROOT, 'dist', target);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  await cp(BUNDLE_DIR, out, { recursive: true });
  await writeFile(
    resolve(out, 'manifest.json'),
    `${JSON.stringify(manifestFor(target, manifest), null, 2)}\n`,
  );
  return out;
}

const manifest = JSON.parse(await readFile(resolve(ROOT, 'manifest.json'), 'utf8')) as Record<
  string,
  unknown
>;
await bundle();
for (const target of TARGETS) {
  const out = await writeTarget(target, manifest);
  console.log(`built ${target}: ${out}`);
}
