/**
 * Host match patterns (`https://*.example.org/*`) as the permissions API compares them: a grant
 * of a pattern covers every narrower one, so access to every https host covers
 * `https://couch.example.org/*`. A host without a port covers every port, as in the browsers.
 */
interface MatchPattern {
  scheme: string;
  host: string;
  port: string | null;
  path: string;
}

const PATTERN = /^(\*|https?|wss?|ftp|file):\/\/(\*|\*\.[^/*:]+|[^/*:]*)(?::(\d+|\*))?(\/.*)$/;

export function parseMatchPattern(pattern: string): MatchPattern {
  if (pattern === '<all_urls>') return { scheme: '<all_urls>', host: '*', port: null, path: '/*' };
  const match = PATTERN.exec(pattern);
  if (!match) throw new Error(`Invalid match pattern: ${pattern}`);
  const [, scheme = '', host = '', port, path = ''] = match;
  return { scheme, host: host.toLowerCase(), port: port ?? null, path };
}

function schemeCovers(broad: string, narrow: string): boolean {
  if (broad === '<all_urls>') return true;
  if (broad === '*') return narrow === '*' || narrow === 'http' || narrow === 'https';
  return broad === narrow;
}

function hostCovers(broad: string, narrow: string): boolean {
  if (broad === '*') return true;
  if (broad.startsWith('*.')) {
    const domain = broad.slice(2);
    const bare = narrow.startsWith('*.') ? narrow.slice(2) : narrow;
    return bare === domain || bare.endsWith(`.${domain}`);
  }
  return broad === narrow;
}

function portCovers(broad: string | null, narrow: string | null): boolean {
  return broad === null || broad === '*' || broad === narrow;
}

/** A path glob where `*` stands for any run of characters; a narrow `*` is matched literally. */
function pathCovers(broad: string, narrow: string): boolean {
  const glob = broad
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${glob}$`).test(narrow);
}

/** Whether every address `narrow` matches is also matched by `broad`. */
export function patternCovers(broad: string, narrow: string): boolean {
  const b = parseMatchPattern(broad);
  const n = parseMatchPattern(narrow);
  return (
    schemeCovers(b.scheme, n.scheme) &&
    hostCovers(b.host, n.host) &&
    portCovers(b.port, n.port) &&
    pathCovers(b.path, n.path)
  );
}
