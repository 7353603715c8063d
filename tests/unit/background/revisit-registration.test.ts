import { beforeEach, describe, expect, it } from 'vitest';
import { syncRevisitScript } from '../../../src/background/revisit-registration.ts';
import { REVISIT_ORIGINS, REVISIT_SCRIPT_ID } from '../../../src/shared/revisit.ts';
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
