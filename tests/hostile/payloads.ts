/**
 * The hostile payloads and the pages that carry them. Each payload that runs script calls
 * `PWN(Pnn)` in the page source, which the hostile server expands into code that both sets
 * `top.__pwned` and requests `/pwned/Pnn` from the server; each CSS payload requests
 * `/exfil/Pnn…`. A few payloads run nothing but would change a Margins page if they got in; their
 * `probe` is an expression that must stay true in every Margins page.
 */

export type Detection = 'script' | 'exfil' | 'dom';

export interface Payload {
  id: string;
  vector: string;
  /** Where the payload sits in its page. */
  where: string;
  /** What the user should still see once the payload is neutralised. */
  userSees: string;
  detection: Detection;
  /** For `dom` payloads: an expression evaluated in each Margins page that must be true. */
  probe?: string;
}

export interface HostilePage {
  file: string;
  /** Text the shown title must contain (and nothing else may be markup). */
  title: string;
  /** Text the byline must contain, or null when the page names no author worth checking. */
  byline: string | null;
  /** Sentences that must be in the reader's article body, as the user reads them. */
  sentences: string[];
  payloads: Payload[];
}

const s = (id: string, vector: string, where: string, userSees: string): Payload => ({
  id,
  vector,
  where,
  userSees,
  detection: 'script',
});
const x = (id: string, vector: string, where: string, userSees: string): Payload => ({
  id,
  vector,
  where,
  userSees,
  detection: 'exfil',
});
const d = (id: string, vector: string, where: string, userSees: string, probe: string) => ({
  id,
  vector,
  where,
  userSees,
  detection: 'dom' as const,
  probe,
});

export const PAGES: HostilePage[] = [
  {
    file: 'p01-scripts.html',
    title: 'City library extends weekend opening hours',
    byline: 'Ingrid Halvorsen',
    sentences: [
      'The central library will stay open until eight in the evening on Saturdays and Sundays from next month, the city council said on Tuesday.',
      'Staff unions said the longer hours had been agreed after three rounds of talks.',
      'The reading room on the second floor will also reopen after its roof repairs.',
    ],
    payloads: [
      s(
        'P01',
        'inline <script> in the middle of a sentence',
        'article body, first paragraph',
        'the whole sentence, without a gap',
      ),
      s(
        'P02',
        '<script src> to the attacker server',
        'article body, between paragraphs',
        'the paragraphs around it',
      ),
      s(
        'P03',
        '<script> inside inline <svg>',
        'article body, second paragraph',
        'the sentence around the svg',
      ),
      s('P04', '<script type=module>', 'article body, end of article', 'the last paragraph'),
      s(
        'P05',
        'SVG <script href> to the attacker server',
        'article body, third paragraph',
        'the sentence around it',
      ),
    ],
  },
  {
    file: 'p02-handlers.html',
    title: 'Regional rail operator trials quieter carriages',
    byline: 'Tomasz Wielgosz',
    sentences: [
      'Passengers on the coastal line will be able to choose a quieter carriage on every train from the first of March.',
      'The operator said the trial carriages carry no announcements except for safety messages and the next stop.',
      'Season ticket holders will be asked to fill in a short survey at the end of the trial.',
    ],
    payloads: [
      s('P06', '<img src=missing onerror>', 'article body, figure', 'the photo caption'),
      s('P07', '<svg onload>', 'article body, inline', 'the sentence around it'),
      s(
        'P08',
        '<span onmouseover> (the suite hovers every element of the reader body)',
        'article body, inside a sentence',
        'the words inside the span',
      ),
      s(
        'P09',
        '<input autofocus onfocus>',
        'article body, after a paragraph',
        'the paragraph before it',
      ),
      s('P10', '<a href=#… autofocus onfocus>', 'article body, inside a sentence', 'the link text'),
      s(
        'P11',
        '<details open ontoggle> (the suite clicks its summary in the reader)',
        'article body',
        'the summary and the details text',
      ),
      s(
        'P12',
        '<img onload> on an image that loads',
        'article body, figure',
        'the image and its caption',
      ),
      s(
        'P13',
        '<p onanimationstart> with a page @keyframes',
        'article body, paragraph',
        'the paragraph text',
      ),
      s('P14', '<video><source onerror>', 'article body', 'the surrounding text'),
    ],
  },
  {
    file: 'p03-urls.html',
    title: 'Farmers report early start to apple harvest',
    byline: 'Aoife Brennan',
    sentences: [
      'Orchards across the valley began picking their first apples nearly two weeks earlier than usual this year.',
      'Growers blamed a warm spring and a dry August for the early ripening of the fruit.',
      'Cider makers said they expected a smaller but sweeter crop than last autumn.',
    ],
    payloads: [
      s('P15', '<a href="javascript:…">', 'article body, inside a sentence', 'the link text'),
      s(
        'P16',
        '<a href> with entity-encoded, mixed-case, tab-split "java\\tscript:"',
        'article body, inside a sentence',
        'the link text',
      ),
      s('P17', '<iframe src="javascript:…">', 'article body', 'the surrounding text'),
      s('P18', '<iframe src="data:text/html,<script>…">', 'article body', 'the surrounding text'),
      s(
        'P19',
        '<form action="javascript:…"> with a submit button',
        'article body',
        'the surrounding text',
      ),
      s('P20', '<button formaction="javascript:…">', 'article body', 'the surrounding text'),
      s('P21', '<svg><a xlink:href="javascript:…">', 'article body', 'the surrounding text'),
      s('P22', '<object data="data:text/html,…">', 'article body', 'the surrounding text'),
      s(
        'P23',
        '<embed src="data:image/svg+xml,<svg onload>">',
        'article body',
        'the surrounding text',
      ),
      s(
        'P24',
        '<a href="data:text/html,<script>…">',
        'article body, inside a sentence',
        'the link text',
      ),
      s(
        'P25',
        '<img src="javascript:…"> and <img srcset> with a javascript: candidate',
        'article body, figure',
        'the caption',
      ),
    ],
  },
  {
    file: 'p04-svg-math.html',
    title: 'University opens new observatory on the hill',
    byline: 'Kwame Mensah',
    sentences: [
      'The university has opened a small public observatory on the hill above the campus, with a telescope that visitors can use on clear Friday nights.',
      'The project was paid for by a bequest from a former lecturer in physics who taught at the university for forty years.',
      'School groups can book a daytime visit to look at the sun through a filtered telescope.',
    ],
    payloads: [
      s(
        'P26',
        '<svg><a><animate attributeName=href values="javascript:…">',
        'article body',
        'the surrounding text',
      ),
      s(
        'P27',
        '<svg><a><set attributeName=href to="javascript:…">',
        'article body',
        'the surrounding text',
      ),
      s('P28', '<svg><foreignObject><img onerror>', 'article body', 'the surrounding text'),
      s('P29', '<svg><use href="data:image/svg+xml,…#x">', 'article body', 'the surrounding text'),
      s(
        'P30',
        '<math><maction actiontype=statusline xlink:href="javascript:…">',
        'article body',
        'the surrounding text',
      ),
      s(
        'P31',
        '<math><annotation-xml encoding="text/html"><img onerror>',
        'article body',
        'the surrounding text',
      ),
      s(
        'P32',
        '<math><mtext><table><mglyph><style><img onerror> (namespace confusion)',
        'article body',
        'the surrounding text',
      ),
    ],
  },
  {
    file: 'p05-frames.html',
    title: 'Ferry timetable changes for the winter season',
    byline: 'Sigrid Mortensen',
    sentences: [
      'The island ferry will sail four times a day instead of six from the last weekend of October until the end of March.',
      'The first sailing from the mainland leaves at seven in the morning and the last returns at half past six.',
      'Residents with an island pass keep their priority boarding on every crossing.',
    ],
    payloads: [
      s('P33', '<iframe srcdoc="<script>…">', 'article body', 'the surrounding text'),
      s(
        'P34',
        '<object data> pointing at an attacker HTML page',
        'article body',
        'the surrounding text',
      ),
      s(
        'P35',
        '<embed src> pointing at an attacker SVG with a script',
        'article body',
        'the surrounding text',
      ),
      d(
        'P36',
        '<base href> to another path (head), and a relative link in the body',
        'head and article body',
        'the relative link resolved on the page\u2019s own site; Margins\u2019 own base unchanged',
        "document.querySelectorAll('base').length === 0 && location.protocol !== 'http:'",
      ),
      d(
        'P37',
        '<meta http-equiv=refresh> in the body, to /pwned/P37 after 20 s',
        'article body',
        'the surrounding text; the Margins page stays where it is',
        "document.querySelectorAll('body meta').length === 0",
      ),
      s('P38', '<link rel=import> to an attacker page', 'article body', 'the surrounding text'),
      x(
        'P39',
        '<link rel=stylesheet> to an attacker stylesheet',
        'article body',
        'the surrounding text',
      ),
    ],
  },
  {
    file: 'p06-css.html',
    title: 'Local bakery wins national bread award',
    byline: 'Lucia Ferraro',
    sentences: [
      'A family bakery on Mill Street has won the national award for the best sourdough loaf, beating more than two hundred entries.',
      'The judges praised the loaf for its open crumb, its dark crust and a flavour they described as deep but not sour.',
      'The bakery plans to run weekend bread classes for beginners from the spring.',
    ],
    payloads: [
      x(
        'P40',
        'style attribute with background-image: url(attacker)',
        'article body, paragraph',
        'the paragraph text',
      ),
      x(
        'P41',
        '<style> rule with background: url(attacker) for a class on a paragraph',
        'article body',
        'the paragraph text',
      ),
      x('P42', '<style>@import url(attacker)</style>', 'article body', 'the surrounding text'),
      x(
        'P43',
        '<style> attribute-selector exfiltration (p[title^=…] { background: url(attacker) })',
        'article body',
        'the paragraph with the title attribute',
      ),
      x(
        'P44',
        '<table background=attacker> (legacy attribute)',
        'article body, table',
        'the table cells',
      ),
      x(
        'P45',
        'style attribute with list-style-image / cursor / border-image url(attacker)',
        'article body, list',
        'the list items',
      ),
    ],
  },
  {
    file: 'p07-clobber.html',
    title: 'School district expands free lunch programme',
    byline: 'Rahel Tesfaye',
    sentences: [
      'Every pupil in the district\u2019s primary schools will be offered a free hot lunch from the start of the next school year.',
      'The district said the programme would be paid for by a new arrangement with local farms that supply vegetables at cost.',
      'Parents can still send a packed lunch if they prefer, the district said.',
    ],
    payloads: [
      d(
        'P46',
        '<img name=getElementById>',
        'article body, figure',
        'the caption',
        "typeof document.getElementById === 'function'",
      ),
      d(
        'P47',
        '<form id=app> / <img name=body>',
        'article body',
        'the surrounding text',
        "document.body instanceof HTMLBodyElement && !(document.getElementById('app') instanceof HTMLFormElement)",
      ),
      d(
        'P48',
        '<a id=defaultView name=defaultView> twice (HTMLCollection clobbering)',
        'article body, inside a sentence',
        'the link text',
        '!(window.defaultView instanceof Element) && !(document.defaultView instanceof HTMLCollection)',
      ),
      d(
        'P49',
        '<img name=querySelector> and <form name=cookie>',
        'article body',
        'the surrounding text',
        "typeof document.querySelector === 'function' && typeof document.cookie === 'string'",
      ),
      d(
        'P50',
        'ids equal to the reader\u2019s own test ids and ARIA targets (id=reader-status, id=page-note)',
        'article body',
        'the surrounding text',
        "document.querySelectorAll('#page-note, #reader-status').length <= 1",
      ),
    ],
  },
  {
    file: 'p08-mxss.html',
    title: 'Museum returns borrowed paintings after restoration',
    byline: 'Hugo Lemaire',
    sentences: [
      'The city museum has sent twelve paintings back to the private collections that lent them, after two years of careful restoration.',
      'Restorers removed layers of yellowed varnish and repaired tears in three of the canvases.',
      'The museum said it would publish a short film about the restoration work next month.',
    ],
    payloads: [
      s(
        'P51',
        '<noscript><p title="</noscript><img onerror>"> (scripting on/off parse difference)',
        'article body',
        'the surrounding text',
      ),
      s(
        'P52',
        '<svg></p><style><a id="</style><img onerror>">',
        'article body',
        'the surrounding text',
      ),
      s('P53', '<svg><p><style><img src=x onerror>', 'article body', 'the surrounding text'),
      s(
        'P54',
        '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img onerror&gt;">',
        'article body',
        'the surrounding text',
      ),
      s(
        'P55',
        '<form><math><mtext></form><form><mglyph><style></math><img onerror> (nested form)',
        'article body',
        'the surrounding text',
      ),
      s('P56', '<template><img onerror></template>', 'article body', 'the surrounding text'),
      s(
        'P57',
        'declarative shadow DOM: <template shadowrootmode=open><img onerror>',
        'article body',
        'the host\u2019s light text',
      ),
      s(
        'P58',
        '<textarea> and <title> whose text is an <img onerror> tag',
        'article body',
        'the surrounding text',
      ),
      s(
        'P59',
        '<xmp>/<noembed> whose text is an <img onerror> tag, and a text node "<img src=x onerror=…>"',
        'article body',
        'the escaped text shown as text, never as an element',
      ),
    ],
  },
  {
    file: 'p09-huge.html',
    title: 'Coastal path reopens after landslide repairs',
    byline: 'Eilidh MacLeod',
    sentences: [
      'The coastal path between the two harbours has reopened after a landslide closed a stretch of it for most of the summer.',
      'Engineers built a new retaining wall and moved part of the path twenty metres inland.',
      'Walkers are asked to keep to the marked route while the new grass takes root.',
    ],
    payloads: [
      d(
        'P60',
        '1 MB title attribute on a paragraph',
        'article body, paragraph',
        'the paragraph text',
        "document.readyState === 'complete'",
      ),
      s(
        'P61',
        '<img> with a 1 MB alt and an onerror after it',
        'article body, figure',
        'the caption',
      ),
      s(
        'P62',
        '1 MB data- attribute whose value contains "><script>…',
        'article body, paragraph',
        'the paragraph text',
      ),
    ],
  },
  {
    file: 'p10-title.html',
    title: 'Harbour council approves flood wall',
    byline: 'Maria Okafor',
    sentences: [
      'The harbour council voted on Thursday to build a flood wall along the old quay, after the third winter in a row of flooded cellars.',
      'The wall will be a metre high and will have gates that can be closed when a storm surge is forecast.',
      'Work is expected to start in the spring and to take about eighteen months.',
    ],
    payloads: [
      s(
        'P63',
        '<title> text carrying an <img onerror> tag',
        'head <title>',
        'the title words, with no element made from the tag',
      ),
      s('P64', 'og:title carrying an <img onerror> tag', 'head meta og:title', 'the title words'),
      s('P65', 'author meta carrying <svg onload>', 'head meta author', 'the author\u2019s name'),
      s('P66', 'JSON-LD headline with <img onerror>', 'head JSON-LD', 'the title words'),
      s(
        'P67',
        'JSON-LD author.name with <img onerror> and <\\/script><script>',
        'head JSON-LD',
        'the author\u2019s name',
      ),
      s(
        'P68',
        'visible byline element with an inline <img onerror>',
        'article header byline',
        'the author\u2019s name',
      ),
      s(
        'P69',
        'site name (og:site_name) carrying <img onerror>',
        'head meta og:site_name',
        'the site name words',
      ),
    ],
  },
];

export const PAYLOADS: Payload[] = PAGES.flatMap((page) => page.payloads);
