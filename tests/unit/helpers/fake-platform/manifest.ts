import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const MANIFEST = join(import.meta.dirname, '../../../../manifest.json');

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
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<
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
