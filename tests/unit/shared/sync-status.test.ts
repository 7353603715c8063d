import { describe, expect, it } from 'vitest';
import { syncOriginPattern } from '../../../src/shared/sync-status.ts';

describe('the site access sync asks for', () => {
  it('is the server’s host, whatever its port and path', () => {
    expect(syncOriginPattern('http://localhost:5984')).toBe('http://localhost/*');
    expect(syncOriginPattern('https://couch.example.org:6984/couch/')).toBe(
      'https://couch.example.org/*',
    );
    expect(syncOriginPattern('https://Couch.Example.org')).toBe('https://couch.example.org/*');
    expect(syncOriginPattern('http://[::1]:5984')).toBe('http://[::1]/*');
  });

  it('is nothing for an address that is not http(s)', () => {
    expect(syncOriginPattern('ftp://couch.example.org')).toBeNull();
    expect(syncOriginPattern('couch.example.org:5984')).toBeNull();
    expect(syncOriginPattern('')).toBeNull();
  });
});
