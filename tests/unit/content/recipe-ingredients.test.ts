// A recipe's ingredient list, set apart from the method, belongs to the saved recipe.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/content/extract/index.ts';
import { ingredientList } from '../../../src/content/extract/recipe.ts';

const page = (html: string) =>
  new JSDOM(html, { url: 'https://kochen.example/rezepte/apfelkuchen' }).window.document;

const METHOD_DE =
  '<p>Den Backofen auf 180 Grad vorheizen und die Form mit etwas Butter einfetten. '.repeat(3) +
  '</p><p>Mehl, Zucker und Butter zu einem glatten Teig verkneten und eine Stunde kühlen. '.repeat(
    3,
  ) +
  '</p><p>Die Äpfel schälen, in Spalten schneiden und dicht auf den Teig legen. '.repeat(3) +
  '</p>';
const RECIPE_LD =
  '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Recipe",' +
  '"name":"Apfelkuchen","recipeIngredient":["250 g Mehl","125 g Zucker","125 g Butter",' +
  '"4 Äpfel"]}</script>';
const INGREDIENTS_DE =
  '<aside class="recipe-ingredients"><h2>Zutaten</h2><table>' +
  '<tr><td>250 g</td><td>Mehl</td></tr><tr><td>125 g</td><td>Zucker</td></tr>' +
  '<tr><td>125 g</td><td>Butter</td></tr><tr><td>4</td><td>Äpfel (säuerlich)</td></tr>' +
  '<script>window.ads = "Werbeplatz Anzeige Banner";</script></table></aside>';

const recipe = (head: string, aside: string, method = METHOD_DE) =>
  extractArticle(
    page(
      `<html lang="de"><head><title>Apfelkuchen</title>${head}</head><body>` +
        `<h1>Apfelkuchen</h1>${aside}<article class="recipe-method"><h2>Zubereitung</h2>` +
        `${method}</article></body></html>`,
    ),
  );

describe('a recipe’s ingredients', () => {
  it('are saved before the method when the page sets them apart (de)', () => {
    const { textContent } = recipe(RECIPE_LD, INGREDIENTS_DE);
    expect(textContent).toContain('Äpfel (säuerlich)');
    expect(textContent.indexOf('Zutaten')).toBeLessThan(textContent.indexOf('Den Backofen'));
    expect(textContent).not.toContain('Werbeplatz');
  });

  it('are found by their microdata, one ingredient at a time (en)', () => {
    const doc = page(
      '<html lang="en"><head><title>Pancakes</title></head><body>' +
        '<div itemscope itemtype="https://schema.org/Recipe"><h1 itemprop="name">Pancakes</h1>' +
        '<ul><li itemprop="recipeIngredient">2 cups flour</li><li itemprop="recipeIngredient">' +
        '2 eggs</li><li itemprop="recipeIngredient">1 cup buttermilk</li></ul>' +
        `<div class="method">${'<p>Whisk the flour with the eggs and the buttermilk until smooth, then rest the batter for ten minutes. </p>'.repeat(6)}</div>` +
        '</div></body></html>',
    );
    expect(ingredientList(doc)?.list.localName).toBe('ul');
    expect(extractArticle(doc).textContent).toContain('1 cup buttermilk');
  });

  it('are not repeated when the method already holds them', () => {
    const { textContent } = recipe(
      RECIPE_LD,
      '',
      INGREDIENTS_DE.replaceAll('aside', 'div') + METHOD_DE,
    );
    expect(textContent.split('Äpfel (säuerlich)')).toHaveLength(2);
  });

  it('are left to Readability on a page that does not declare a recipe', () => {
    expect(recipe('', INGREDIENTS_DE).textContent).not.toContain('Äpfel (säuerlich)');
  });
});
