/**
 * What the suite runs inside Margins' own pages (popup, library tab, reader). Each function is
 * passed to puppeteer's evaluate, so it is self-contained.
 */

export interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

export interface PageReport {
  href: string;
  /** window.__pwned as the payloads left it (their ids), or a note when it is not an array. */
  pwned: string[];
  csp: Violation[];
  /** Elements and attributes that could run script or fetch something, found in the page. */
  armed: string[];
  title: string;
  meta: string;
  body: string;
  /** Element names found inside the title and the meta line (there should be none). */
  titleElements: string[];
}

type Watched = typeof globalThis & { __pwned?: unknown; __marginsCsp?: Violation[] };

/** Installed before a Margins page's own scripts run (or as early as the driver can). */
export function installWatch(): void {
  const scope = globalThis as Watched;
  if (scope.__marginsCsp) return;
  const seen: Violation[] = [];
  scope.__marginsCsp = seen;
  document.addEventListener('securitypolicyviolation', (event) => {
    seen.push({
      directive: event.violatedDirective,
      blocked: event.blockedURI,
      sample: event.sample,
    });
  });
}

/**
 * Reads the flags and scans the whole document (and any shadow roots) for anything that runs or
 * fetches: script outside Margins' own bundle, frames, plugins, base, refresh, event-handler
 * attributes, script URLs, srcdoc, CSS with url() and ids or names in the article body.
 */
export function inspectPage(selectors: { title: string; meta: string; body: string }): PageReport {
  const scope = globalThis as Watched;
  const own = location.origin;
  const armed: string[] = [];
  const describe = (el: Element, why: string) =>
    armed.push(`${why}: ${el.outerHTML.slice(0, 300)}${el.outerHTML.length > 300 ? '…' : ''}`);
  const URL_ATTRS = [
    'href',
    'src',
    'action',
    'formaction',
    'xlink:href',
    'data',
    'background',
    'poster',
    'srcset',
    'values',
    'to',
    'from',
    'by',
    'ping',
    'codebase',
    'dynsrc',
    'lowsrc',
  ];
  const BAD_SCHEME = /^\s*(?:javascript|vbscript|data:(?!image\/(?:png|gif|jpe?g|webp)[;,]))/i;
  const ACTIVE = new Set([
    'iframe',
    'frame',
    'object',
    'embed',
    'applet',
    'base',
    'portal',
    'fencedframe',
  ]);
  const body = selectors.body ? document.querySelector(selectors.body) : null;

  const scan = (root: Document | ShadowRoot) => {
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const tag = el.localName.toLowerCase();
      if (el.shadowRoot) {
        describe(el, 'shadow root');
        scan(el.shadowRoot);
      }
      if (tag === 'script') {
        const src = el.getAttribute('src') ?? '';
        const mine = src !== '' && new URL(src, location.href).origin === own;
        if (!mine || el.textContent?.trim()) describe(el, 'script');
      } else if (tag === 'link') {
        const href = new URL(el.getAttribute('href') ?? '', location.href);
        if (href.origin !== own || el.closest('body')) describe(el, 'link');
      } else if (
        tag === 'style' &&
        (el.closest('body') || /url\(|@import/i.test(el.textContent ?? ''))
      ) {
        describe(el, 'style');
      } else if (tag === 'meta' && (el.hasAttribute('http-equiv') || el.closest('body'))) {
        describe(el, 'meta');
      } else if (ACTIVE.has(tag)) {
        describe(el, tag);
      }
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        if (name.startsWith('on')) describe(el, `handler ${name}`);
        else if (name === 'srcdoc') describe(el, 'srcdoc');
        else if (name === 'style' && /url\s*\(|expression\s*\(|@import/i.test(attr.value))
          describe(el, 'style url()');
        else if (URL_ATTRS.includes(name) && BAD_SCHEME.test(attr.value.replace(/[\t\n\r]/g, '')))
          describe(el, `${name} scheme`);
        else if (
          /\/pwned\/|\/exfil\/|__pwned/.test(attr.value) &&
          name !== 'title' &&
          name !== 'alt'
        )
          describe(el, `attacker address in ${name}`);
      }
    }
  };
  scan(document);
  if (body) {
    for (const el of Array.from(
      body.querySelectorAll(
        '[id], [name], svg, math, template, form, input, button, textarea, select, noscript',
      ),
    )) {
      describe(el, 'in article body');
    }
  }

  const pwned = scope.__pwned;
  const titleEl = document.querySelector(selectors.title);
  const metaEl = document.querySelector(selectors.meta);
  return {
    href: location.href,
    pwned:
      pwned === undefined
        ? []
        : Array.isArray(pwned)
          ? pwned.map(String)
          : [`window.__pwned is ${Object.prototype.toString.call(pwned)}`],
    csp: scope.__marginsCsp ?? [],
    armed,
    title: titleEl?.textContent ?? '',
    meta: metaEl?.textContent ?? '',
    body: body?.textContent ?? '',
    titleElements: [titleEl, metaEl].flatMap((el) =>
      el
        ? Array.from(el.querySelectorAll('img, svg, script, iframe, math')).map((e) => e.localName)
        : [],
    ),
  };
}
