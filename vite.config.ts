/**
 * Builds Margins' extension pages and background as ES modules into dist/.bundle; the content
 * script is built separately as one classic IIFE (scripts/build.ts), because a content script
 * injected with scripting.executeScript cannot be an ES module. A plain Vite config (rather than
 * an extension plugin) keeps the build small and its output predictable for both browsers.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = resolve(import.meta.dirname, 'src');

export const BUNDLE_DIR = resolve(import.meta.dirname, 'dist/.bundle');

export default defineConfig({
  root,
  publicDir: resolve(import.meta.dirname, 'public'),
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: BUNDLE_DIR,
    emptyOutDir: true,
    target: ['chrome120', 'firefox128'],
    modulePreload: false,
    sourcemap: false,
    minify: true,
    rollupOptions: {
      input: {
        popup: resolve(root, 'popup.html'),
        reader: resolve(root, 'reader.html'),
        options: resolve(root, 'options.html'),
        transfer: resolve(root, 'transfer.html'),
        offscreen: resolve(root, 'offscreen.html'),
        background: resolve(root, 'background/index.ts'),
      },
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
});
