import { beforeEach, describe, expect, it } from 'vitest';
import { syncRevisitScript } from '../../../src/background/revisit-registration.ts';
import { REVISIT_ORIGINS, REVISIT_SCRIPT_ID } from '../../../src/shared/revisit.ts';
import { readSettings } from '../../../src/shared/settings.ts';
import { turnOffAllSitesFeature, turnOnAllSitesFeature } from '../../../src/shared/site-access.ts';
import { installFakePlatform, type FakePlatform } from '../helpers/fake-platform.ts';

let browser: FakePlatform;
beforeEach(() => {
  browser = installFakePlatform();
});

const registered = async () =>
  (await browser.scripting.getRegisteredContentScripts()).map((script) => script.id);

describe('the revisit script follows the site-access grant', () => {
  it('is registered while access is granted, from Margins or the browser settings', async () => {
    expect(await syncRevisitScript()).toBe(false);
    expect(await registered()).toEqual([]);
    expect(await browser.permissions.request({ origins: REVISIT_ORIGINS })).toBe(true);
    expect(await syncRevisitScript()).toBe(true);
    expect(await syncRevisitScript()).toBe(true);
    expect(await registered()).toEqual([REVISIT_SCRIPT_ID]);
  });

  it('is unregistered once access is taken back, and stays so', async () => {
    browser.permissions.grant({ origins: REVISIT_ORIGINS });
    await syncRevisitScript();
    await browser.permissions.remove({ origins: REVISIT_ORIGINS });
    expect(await syncRevisitScript()).toBe(false);
    expect(await syncRevisitScript()).toBe(false);
    expect(await registered()).toEqual([]);
  });
});

describe('the revisit script and keeping images from every site share one access', () => {
  it('is not registered when the access was granted for images alone', async () => {
    expect(await turnOnAllSitesFeature('keepImagesFromAllSites', false)).toBe(true);
    expect(await readSettings()).toMatchObject({
      keepImagesFromAllSites: true,
      revisitHighlights: false,
    });
    expect(await syncRevisitScript()).toBe(false);
    expect(await registered()).toEqual([]);
  });

  it('keeps the access for the feature still on when the other is turned off', async () => {
    await turnOnAllSitesFeature('revisitHighlights', false);
    await turnOnAllSitesFeature('keepImagesFromAllSites', true);
    expect(await syncRevisitScript()).toBe(true);
    await turnOffAllSitesFeature('revisitHighlights');
    expect(await browser.permissions.contains({ origins: REVISIT_ORIGINS })).toBe(true);
    expect(await syncRevisitScript()).toBe(false);
    expect(await registered()).toEqual([]);
    await turnOffAllSitesFeature('keepImagesFromAllSites');
    expect(await browser.permissions.contains({ origins: REVISIT_ORIGINS })).toBe(false);
  });
});
