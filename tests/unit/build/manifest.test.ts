import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { manifestFor } from '../../../scripts/lib/manifest.ts';

const source = JSON.parse(
  readFileSync(new URL('../../../manifest.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

/** Saving needs these and nothing broader; site access may only ever be optional. */
const ALLOWED_PERMISSIONS = [
  'activeTab',
  'scripting',
  'contextMenus',
  'storage',
  'unlimitedStorage',
  'downloads',
  // Automatic backup's schedule (issue 7); no warning at install.
  'alarms',
  // Chrome only: a hidden page that parses the pages fetched for imported links; no warning.
  'offscreen',
];

describe('per-browser manifests', () => {
  it('gives Chrome a service worker and no Gecko settings', () => {
    const chrome = manifestFor('chrome', source);
    expect(chrome.background).toEqual({ service_worker: 'background.js', type: 'module' });
    expect(chrome).not.toHaveProperty('browser_specific_settings');
  });

  it('gives Firefox an event page and its add-on id', () => {
    const firefox = manifestFor('firefox', source);
    expect(firefox.background).toEqual({ scripts: ['background.js'], type: 'module' });
    expect(firefox).toHaveProperty('browser_specific_settings.gecko.id', 'margins@margins.app');
  });

  it('gives offscreen documents to Chrome only (Firefox parses in its background page)', () => {
    expect(manifestFor('chrome', source).permissions).toContain('offscreen');
    expect(manifestFor('firefox', source).permissions).not.toContain('offscreen');
  });

  it('does not change the source manifest', () => {
    const before = JSON.stringify(source);
    manifestFor('chrome', source);
    expect(JSON.stringify(source)).toBe(before);
  });

  it.each(['chrome', 'firefox'] as const)('asks %s for the fewest permissions', (target) => {
    const manifest = manifestFor(target, source);
    expect(manifest.manifest_version).toBe(3);
    for (const permission of manifest.permissions as string[]) {
      expect(ALLOWED_PERMISSIONS).toContain(permission);
    }
    expect(manifest).not.toHaveProperty('host_permissions');
    // Writing backups is asked for when the user turns backup on.
    expect(manifest.optional_permissions).toEqual(['downloads']);
    expect(manifest).not.toHaveProperty('content_scripts');
  });
});

describe('what extension pages may load', () => {
  it.each(['chrome', 'firefox'] as const)(
    'lets %s pages show images only from Margins itself, blob: and data:',
    (target) => {
      const manifest = manifestFor(target, source) as {
        content_security_policy: { extension_pages: string };
      };
      const directives = new Map(
        manifest.content_security_policy.extension_pages
          .split(';')
          .map((directive) => directive.trim().split(/\s+/))
          .map(([name = '', ...values]) => [name, values]),
      );
      expect(directives.get('img-src')).toEqual(["'self'", 'blob:', 'data:']);
      expect(directives.get('media-src')).toEqual(["'self'", 'blob:', 'data:']);
      expect(directives.get('font-src')).toEqual(["'self'"]);
      expect(directives.get('script-src')).toEqual(["'self'"]);
      // No default-src: it would also govern connect-src, which sync and imports need.
      expect(directives.has('default-src')).toBe(false);
    },
  );
});
