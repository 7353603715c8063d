/**
 * The published JSON Schema of the export and the code's own schemas must say the same thing:
 * a field or a provenance added in one place and not the other fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  EXTRACTION_STEPS,
  FieldSourceSchema,
  MAX_STEP_FAILURES,
  SOURCED_FIELDS,
  ArticleRecordSchema,
} from '../../../src/shared/article.ts';
import { HIGHLIGHT_COLOURS } from '../../../src/shared/annotation.ts';

interface JsonSchema {
  $defs: {
    article: { required: string[]; properties: Record<string, unknown> };
    fieldSources: { properties: Record<string, { enum: string[] }> };
    extractionFailures: { maxItems: number; items: { properties: { step: { enum: string[] } } } };
    annotation: { properties: { colour: { enum: string[] } } };
  };
}

const schema = JSON.parse(
  readFileSync(new URL('../../../schema/margins-export-v1.schema.json', import.meta.url), 'utf8'),
) as JsonSchema;

describe('schema/margins-export-v1.schema.json', () => {
  // A field the record schema may leave out (optional, with no default) is absent from records
  // written before it existed, so the export cannot require it.
  const entries = Object.entries(ArticleRecordSchema.entries);
  const mayBeAbsent = (entry: (typeof entries)[number][1]): boolean =>
    entry.type === 'optional' && !('default' in entry && entry.default !== undefined);

  it('requires exactly the fields of a record always written, its text and its annotations', () => {
    const fields = [
      ...entries.filter(([, entry]) => !mayBeAbsent(entry)).map(([key]) => key),
      // Not stored: the export derives it from contentHtml (exportArticleChunk).
      'textContent',
      'annotations',
    ].sort();
    expect([...schema.$defs.article.required].sort()).toEqual(fields);
  });

  it('describes the fields a record may leave out', () => {
    const optional = entries.filter(([, entry]) => mayBeAbsent(entry)).map(([key]) => key);
    expect(optional).toEqual(['extractionFailures']);
    for (const key of optional) expect(schema.$defs.article.properties).toHaveProperty(key);
  });

  it('lists the same extraction steps as the code', () => {
    expect(schema.$defs.extractionFailures.items.properties.step.enum).toEqual([
      ...EXTRACTION_STEPS,
    ]);
    expect(schema.$defs.extractionFailures.maxItems).toBe(MAX_STEP_FAILURES);
  });

  it('lists the same provenance fields and sources as the code', () => {
    const properties = schema.$defs.fieldSources.properties;
    expect(Object.keys(properties).sort()).toEqual([...SOURCED_FIELDS].sort());
    for (const field of SOURCED_FIELDS) {
      expect(properties[field]?.enum.sort()).toEqual([...FieldSourceSchema.options].sort());
    }
  });

  it('lists the same highlight colours as the code', () => {
    expect(schema.$defs.annotation.properties.colour.enum).toEqual([...HIGHLIGHT_COLOURS]);
  });
});
