/**
 * Realistic generated articles for the scale bench and the large-collection e2e: 800–2,000
 * words of running text in English, French, German, Spanish or Japanese, words drawn with a
 * Zipf-like skew from a common vocabulary plus a long tail of rarer words, 0–5 tags and 0–10
 * highlights quoting the text. Deterministic for a given seed.
 */
import type { ArticleSnapshot } from '../../../src/shared/article.ts';

const COMMON: Record<string, string[]> = {
  en: 'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there one all we their has been would more when will who if no out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three'.split(
    ' ',
  ),
  fr: 'le la les de des du un une et à en que qui dans pour pas sur au avec il elle ce est sont par plus ne se son sa ses leur nous vous ils été être avoir fait comme mais ou aussi tout deux après avant selon entre sans sous depuis contre pays gouvernement président ministre ville année jour semaine guerre paix accord nord sud est ouest premier dernier nouveau grand petit politique économie santé école loi projet réforme élection parti vote débat crise sommet visite délégation coopération militaire défense sécurité frontière région capitale monde international national'.split(
    ' ',
  ),
  de: 'der die das und in den von zu mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei Jahr Regierung Bundesregierung Kanzler Minister Land Stadt Gesetz Wahl Partei Haushalt Wirtschaft Krieg Frieden Abkommen Gipfel Besuch Zusammenarbeit Sicherheit Grenze Straße Maßnahmen Bürger Gemeinde'.split(
    ' ',
  ),
  es: 'el la los las de del y en que a un una por con para no se su sus al lo como más pero o este esta entre sin sobre también fue ha han ser estar gobierno presidente ministro país ciudad año día semana guerra paz acuerdo norte sur primero último nuevo grande pequeño política economía salud escuela ley proyecto reforma elección partido voto debate crisis cumbre visita delegación cooperación seguridad frontera región capital mundo internacional nacional'.split(
    ' ',
  ),
};

const JAPANESE = [
  '東京都は新しい計画を発表した。',
  '政府は来年度の予算案をまとめた。',
  '首相は記者会見で経済対策について説明した。',
  '大阪では国際会議が開かれ、多くの代表団が参加した。',
  '専門家は気候変動の影響について警告している。',
];

const SYLLABLES = 'ka ro mi ne tu sa lo vi de ra po ki an el or us ti ba mo re na li go fe'.split(
  ' ',
);

/** Small, fast, seedable PRNG (mulberry32). */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The n-th word of the long tail: a made-up word, so rare words are really rare. */
export function tailWord(n: number): string {
  let word = '';
  let rest = n;
  do {
    word += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  } while (rest > 0);
  return `${word}${SYLLABLES[(n * 7) % SYLLABLES.length]}`;
}

const TAIL_SIZE = 50_000;
const TAGS = [
  'politics',
  'asia',
  'europe',
  'economy',
  'science',
  'culture',
  'sport',
  'to-read',
  'Géopolitique',
  'long-read',
];
const LANGUAGES = ['en', 'fr', 'de', 'es', 'ja'] as const;

export interface GeneratedArticle {
  snapshot: ArticleSnapshot;
  tags: string[];
  /** Exact passages of the text to highlight, each with a note or none. */
  highlights: { quote: string; note: string }[];
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** A skewed pick: low ranks come up far more often, as in real text. */
function zipfIndex(random: () => number, size: number): number {
  return Math.min(size - 1, Math.floor(Math.pow(random(), 3) * size));
}

function sentence(random: () => number, lang: string): string {
  if (lang === 'ja') return pick(random, JAPANESE);
  const common = COMMON[lang] ?? COMMON.en ?? [];
  const length = 8 + Math.floor(random() * 14);
  const words: string[] = [];
  for (let i = 0; i < length; i++) {
    words.push(
      random() < 0.85
        ? (common[zipfIndex(random, common.length)] ?? 'the')
        : tailWord(zipfIndex(random, TAIL_SIZE)),
    );
  }
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export function generateArticle(index: number, seed = 1): GeneratedArticle {
  const random = randomSource(seed * 1_000_003 + index);
  const lang = LANGUAGES[index % 10 === 9 ? 4 : index % 4] ?? 'en';
  const targetWords = 800 + Math.floor(random() * 1200);
  const paragraphs: string[] = [];
  let words = 0;
  while (words < targetWords) {
    const sentences: string[] = [];
    for (let i = 0; i < 3 + Math.floor(random() * 4); i++) sentences.push(sentence(random, lang));
    const paragraph = sentences.join(' ');
    words += lang === 'ja' ? paragraph.length / 2 : paragraph.split(' ').length;
    paragraphs.push(paragraph);
  }
  const textContent = paragraphs.join('\n\n');
  const title = `${sentence(random, lang).slice(0, 70).replace(/\.$/, '')} ${index}`;
  const site = `site${index % 40}.example`;
  const url = `https://${site}/articles/${index}`;
  const highlights = Array.from({ length: Math.floor(random() * 11) }, () => {
    const paragraph = pick(random, paragraphs);
    const start = Math.floor(random() * Math.max(1, paragraph.length - 60));
    return {
      quote: paragraph.slice(start, start + 40),
      note: random() < 0.3 ? sentence(random, lang) : '',
    };
  });
  const tags = [
    ...new Set(Array.from({ length: Math.floor(random() * 6) }, () => pick(random, TAGS))),
  ];
  const day = 1 + (index % 28);
  return {
    snapshot: {
      kind: 'article',
      url,
      canonicalUrl: url,
      originalSourceUrl: null,
      title,
      byline: `Author ${index % 300}`,
      authors: [`Author ${index % 300}`],
      siteName: `Site ${index % 40}`,
      publishedTime: `2025-${String(1 + (index % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      modifiedTime: null,
      lang,
      dir: 'ltr',
      excerpt: paragraphs[0]?.slice(0, 200) ?? null,
      contentHtml: paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join(''),
      textContent,
      wordCount: Math.round(words),
      leadImageUrl: null,
      fieldSources: { title: 'readability' },
    },
    tags,
    highlights,
  };
}
