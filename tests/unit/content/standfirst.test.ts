// A news page's standfirst, set in the headline's header apart from the text, opens the saved body.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/content/extract/index.ts';

const BODY_DE = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Absatz ${i + 1}: Die Landesregierung will die Abstandsregeln in Geschäften und Bussen bis zum Sommer beibehalten, sagte die Ministerin.</p>`,
).join('');
const LEAD_DE =
  'Die Regeln gelten weiter. Welche Ideen es für Läden, Busse und Schulen gibt, erklärt unser Überblick.';

const save = (header: string, after = '') =>
  extractArticle(
    new JSDOM(
      `<html lang="de"><head><title>Abstandsregeln</title></head><body><main><article>` +
        `<header><h1>Wie es mit den Abstandsregeln weitergeht</h1>${header}</header>` +
        `<div class="article-body">${BODY_DE}</div>${after}</article></main></body></html>`,
      { url: 'https://zeitung.example/politik/abstandsregeln' },
    ).window.document,
  ).textContent;

describe('the standfirst', () => {
  it.each([
    ['a paragraph marked as the lead', `<p class="ts-intro">${LEAD_DE}</p>`],
    ['a teaser under the headline', `<h2 class="article-head__teaser">${LEAD_DE}</h2>`],
    [
      'a box marked as the abstract',
      `<div class="field field--name-field-abstract">${LEAD_DE}</div>`,
    ],
  ])('opens the body when it is %s (de)', (_name, header) => {
    const text = save(header);
    expect(text.startsWith(LEAD_DE)).toBe(true);
    expect(text).toContain('Absatz 6');
    expect(text.split(LEAD_DE).length - 1).toBe(1);
  });

  it('is not repeated when the body holds it already (de)', () => {
    const held = extractArticle(
      new JSDOM(
        `<html lang="de"><head><title>Abstandsregeln</title></head><body><main><article>` +
          `<h1>Wie es mit den Abstandsregeln weitergeht</h1>` +
          `<div class="article-body"><p class="lead">${LEAD_DE}</p>${BODY_DE}</div></article></main></body></html>`,
        { url: 'https://zeitung.example/politik/abstandsregeln' },
      ).window.document,
    ).textContent;
    expect(held.split(LEAD_DE).length - 1).toBe(1);
  });

  it('is not a dek, a summary or a subtitle, display lines written about the story (en)', () => {
    for (const name of ['c-entry-summary p-dek', 'summary', 'subtitle']) {
      const text = save(
        `<p class="${name}">The council will keep the distance rules until summer, and here is what that means for you.</p>`,
      );
      expect(text).not.toContain('what that means for you');
    }
  });

  it('is not a marked block after the body’s first words, nor a linked teaser (de)', () => {
    const teaser = `<div class="teaser"><a href="/andere">${LEAD_DE}</a></div>`;
    expect(save(teaser)).not.toContain('Die Regeln gelten weiter');
    const after = `<p class="summary">${LEAD_DE}</p>`;
    expect(save('', `<section>${after}</section>`).startsWith('Absatz 1')).toBe(true);
  });
});
