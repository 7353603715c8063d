import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository's own files the fake reads, so it declares and says what the extension does. */
export const ROOT = join(import.meta.dirname, '../../../..');

export interface DeclaredPermissions {
  /** Granted at install, and never removable. */
  required: string[];
  requiredOrigins: string[];
  /** What the extension may ask for at run time. */
  optional: string[];
  optionalOrigins: string[];
}

let declared: DeclaredPermissions | undefined;

/** The permissions manifest.json declares (read once per test file). */
export function declaredPermissions(): DeclaredPermissions {
  if (!declared) {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as Record<
      string,
      string[] | undefined
    >;
    declared = {
      required: manifest.permissions ?? [],
      requiredOrigins: manifest.host_permissions ?? [],
      optional: manifest.optional_permissions ?? [],
      optionalOrigins: manifest.optional_host_permissions ?? [],
    };
  }
  return declared;
}
