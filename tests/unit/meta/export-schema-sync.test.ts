/**
 * The published JSON Schema of the export and the code's own schemas must say the same thing:
 * a field or a provenance added in one place and not the other fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  FieldSourceSchema,
  SOURCED_FIELDS,
  ArticleRecordSchema,
} from '../../../src/shared/article.ts';
import { HIGHLIGHT_COLOURS } from '../../../src/shared/annotation.ts';

interface JsonSchema {
  $defs: {
    article: { required: string[] };
    fieldSources: { properties: Record<string, { enum: string[] }> };
    annotation: { properties: { colour: { enum: string[] } } };
  };
}

const schema = JSON.parse(
  readFileSync(new URL('../../../schema/margins-export-v1.schema.json', import.meta.url), 'utf8'),
) as JsonSchema;

describe('schema/margins-export-v1.schema.json', () => {
  it('requires exactly the fields of a record, plus its annotations', () => {
    const fields = [...Object.keys(ArticleRecordSchema.entries), 'annotations'].sort();
    expect([...schema.$defs.article.required].sort()).toEqual(fields);
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
