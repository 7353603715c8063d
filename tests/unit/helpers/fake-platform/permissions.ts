import type {
  PermissionRequest,
  Permissions,
  PermissionSet,
} from '../../../../src/platform/platform.ts';
import { FakeEvent } from './events.ts';
import { declaredPermissions } from './manifest.ts';
import { patternCovers } from './match-pattern.ts';

/**
 * What the user does when Margins asks for a permission: grants it, refuses it, or is never
 * asked because the request did not come from a click (Firefox then throws; Chrome too when
 * the popup has lost its gesture).
 */
export type PromptAnswer = 'grant' | 'refuse' | 'no-gesture';

/**
 * The permissions manifest.json declares, with the user's grants: the required ones are held
 * from the start and cannot be removed; optional ones and hosts are held once the user grants
 * them, from Margins' request or the browser's own extension settings (`grant`), and
 * `onAdded`/`onRemoved` fire with exactly what changed. Asking for anything the manifest does not
 * declare as optional throws, as browsers do.
 */
export class FakePermissions implements Permissions {
  readonly onAdded = new FakeEvent<(added: PermissionSet) => void>();
  readonly onRemoved = new FakeEvent<(removed: PermissionSet) => void>();
  /** How the user answers the next prompts. */
  answer: PromptAnswer = 'grant';
  /** Every prompt the user was shown, in order. */
  readonly prompts: PermissionRequest[] = [];
  private readonly granted = new Set<string>();
  private readonly grantedOrigins: string[] = [];

  async contains(wanted: PermissionRequest): Promise<boolean> {
    return this.holds(wanted);
  }

  async request(wanted: PermissionRequest): Promise<boolean> {
    this.checkDeclared(wanted);
    // Browsers check the gesture first, even for what is held already.
    if (this.answer === 'no-gesture') {
      throw new Error('permissions.request may only be called from a user input handler');
    }
    if (this.holds(wanted)) return true;
    this.prompts.push(structuredClone(wanted));
    if (this.answer === 'refuse') return false;
    this.grant(wanted);
    return true;
  }

  async remove(unwanted: PermissionRequest): Promise<boolean> {
    const { required, requiredOrigins } = declaredPermissions();
    const permissions = unwanted.permissions ?? [];
    const origins = unwanted.origins ?? [];
    if (
      permissions.some((name) => required.includes(name)) ||
      origins.some((origin) => requiredOrigins.includes(origin))
    ) {
      throw new Error('You cannot remove required permissions.');
    }
    const removed: PermissionSet = { permissions: [], origins: [] };
    for (const name of permissions) {
      if (this.granted.delete(name)) removed.permissions?.push(name);
    }
    // A grant goes when the pattern given back covers it; a narrower one leaves a broad grant.
    for (const granted of [...this.grantedOrigins]) {
      if (origins.some((origin) => patternCovers(origin, granted))) {
        this.grantedOrigins.splice(this.grantedOrigins.indexOf(granted), 1);
        removed.origins?.push(granted);
      }
    }
    const changed = (removed.permissions?.length ?? 0) + (removed.origins?.length ?? 0) > 0;
    if (changed) this.onRemoved.dispatch(removed);
    return changed;
  }

  /** The user grants from the browser's settings, or accepts a prompt: fires onAdded. */
  grant(wanted: PermissionRequest): void {
    this.checkDeclared(wanted);
    const added: PermissionSet = { permissions: [], origins: [] };
    for (const name of wanted.permissions ?? []) {
      if (this.granted.has(name)) continue;
      this.granted.add(name);
      added.permissions?.push(name);
    }
    for (const origin of wanted.origins ?? []) {
      if (this.grantedOrigins.some((granted) => patternCovers(granted, origin))) continue;
      this.grantedOrigins.push(origin);
      added.origins?.push(origin);
    }
    if ((added.permissions?.length ?? 0) + (added.origins?.length ?? 0) > 0) {
      this.onAdded.dispatch(added);
    }
  }

  /** Whether an API permission is held now (required or granted); for the fake's own APIs. */
  has(permission: string): boolean {
    return declaredPermissions().required.includes(permission) || this.granted.has(permission);
  }

  private holds(wanted: PermissionRequest): boolean {
    const origins = [...declaredPermissions().requiredOrigins, ...this.grantedOrigins];
    return (
      (wanted.permissions ?? []).every((name) => this.has(name)) &&
      (wanted.origins ?? []).every((origin) =>
        origins.some((granted) => patternCovers(granted, origin)),
      )
    );
  }

  private checkDeclared(wanted: PermissionRequest): void {
    const { optional, optionalOrigins } = declaredPermissions();
    const undeclared = [
      ...(wanted.permissions ?? []).filter((name) => !optional.includes(name)),
      ...(wanted.origins ?? []).filter(
        (origin) => !optionalOrigins.some((declared) => patternCovers(declared, origin)),
      ),
    ];
    if (undeclared.length > 0) {
      throw new Error(
        `Only permissions specified in the manifest may be requested: ${undeclared.join(', ')}`,
      );
    }
  }
}
