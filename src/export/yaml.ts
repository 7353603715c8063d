/**
 * Just enough YAML to write Markdown front matter that no title can break: every value is a
 * double-quoted scalar. The escapes used (\\ \" \n \r \t \uXXXX) mean the same in YAML 1.1, 1.2
 * and JSON, so any YAML reader gets back exactly the text that was written.
 */

/**
 * Characters a double-quoted YAML scalar must not hold as they are: the quote and backslash,
 * C0 and C1 controls and DEL (not printable in YAML), the line and paragraph separators (line
 * breaks to YAML 1.1 readers), the byte-order mark and the non-characters, and lone surrogates
 * (which have no UTF-8 form).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEEDS_ESCAPE = /[\\"\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/gu;

const SHORT_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function escapeCharacter(character: string): string {
  const short = SHORT_ESCAPES[character];
  if (short) return short;
  const code = character.charCodeAt(0);
  // With the `u` flag only a lone surrogate matches here; it has no text to keep.
  if (code >= 0xd800 && code <= 0xdfff) return '\uFFFD';
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `"a \"quoted\" title"`: a YAML double-quoted scalar holding exactly `text`. */
export function yamlString(text: string): string {
  return `"${text.replace(NEEDS_ESCAPE, escapeCharacter)}"`;
}

export type FrontMatterValue = string | readonly string[] | null;

/**
 * A front matter block from fixed, plain keys. A missing value (null, or an empty list) leaves
 * its key out, so a reader never mistakes "unknown" for an empty string.
 */
export function frontMatter(
  fields: readonly (readonly [key: string, value: FrontMatterValue])[],
): string {
  const lines = ['---'];
  for (const [key, value] of fields) {
    if (value === null || value.length === 0) continue;
    if (typeof value === 'string') {
      lines.push(`${key}: ${yamlString(value)}`);
    } else {
      lines.push(`${key}:`);
      for (const item of value) lines.push(`  - ${yamlString(item)}`);
    }
  }
  lines.push('---');
  return `${lines.join('\n')}\n`;
}
