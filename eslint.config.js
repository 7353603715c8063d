import { readFileSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Which folders of src/ may import from which (README, "Layers"). */
const layers = JSON.parse(readFileSync(new URL('./layers.json', import.meta.url), 'utf8'));

/**
 * An import that climbs out of its folder (`../` as often as needed) into one of `rooms`. Only a
 * climb can leave a folder, and no folder inside one is named like a room (the layers meta-test
 * checks), so the import's text alone says where it lands.
 */
const into = (rooms) => `^(?:\\.\\./)+(?:${rooms.join('|')})(?:/|$)`;

/** Relative imports name the file as it is on disk, extension included, as Vite and tsc resolve it. */
const WITH_EXTENSION = {
  regex: '^\\.{1,2}/(?!.*\\.(?:ts|tsx|mjs|js|json|css)$)',
  message: 'Name the file with its extension.',
};

/** The lint rules that keep one folder of src/ to the imports its row of layers.json allows. */
function wallsOf(room, { imports, typesFrom = [] }) {
  const others = Object.keys(layers.rooms).filter((other) => other !== room);
  const forbidden = others.filter(
    (other) => !imports.includes(other) && !typesFrom.includes(other),
  );
  const allowed = [...imports, ...typesFrom.map((other) => `${other} (types only)`)];
  const reach = allowed.length ? `only from ${allowed.join(', ')}` : 'from no other folder';
  const message = `src/${room}/ may import ${reach} (README, "Layers").`;
  const patterns = [
    WITH_EXTENSION,
    ...(forbidden.length ? [{ regex: into(forbidden), caseSensitive: true, message }] : []),
    ...(typesFrom.length
      ? [{ regex: into(typesFrom), caseSensitive: true, allowTypeImports: true, message }]
      : []),
  ];
  const unreachable = [...forbidden, ...typesFrom];
  const rules = { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] };
  if (!unreachable.length) return { files: [`src/${room}/**/*.{ts,tsx}`], rules };
  return {
    files: [`src/${room}/**/*.{ts,tsx}`],
    rules: {
      ...rules,
      // The rule above does not look at import(); a lazily loaded module is still a dependency.
      'no-restricted-syntax': [
        'error',
        {
          // esquery's regular expressions cannot hold a "/": \u002F is one.
          selector: `ImportExpression[source.value=/${into(unreachable).replaceAll('/', '\\u002F')}/]`,
          message,
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/', 'artifacts/', 'node_modules/', 'tests/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [WITH_EXTENSION] }],
    },
  },
  ...Object.entries(layers.rooms).map(([room, row]) => wallsOf(room, row)),
  {
    files: ['scripts/**', 'bench/**', 'tests/e2e/**'],
    rules: { 'no-console': 'off' },
  },
);
