/**
 * Pages state dates in many shapes; this turns the first one found into ISO 8601 without inventing
 * a time zone.
 */
const MONTHS: Record<string, number> = {};
const MONTH_NAMES = [
  'january jan janvier janv januar jänner jän enero ene gennaio genn gen janeiro januari',
  'february feb février fevrier févr fevr février februar febrero febbraio fevereiro fev februari',
  'march mar mars märz marz maerz marzo março marco maart mrt',
  'april apr avril avr abril aprile aprl',
  'may mai mayo maggio maio mei',
  'june jun juin juni junio giugno junho',
  'july jul juillet juil juli julio luglio julho',
  'august aug août aout agosto augustus ago',
  'september sep sept septembre setiembre septiembre settembre setembro set',
  'october oct octobre oktober octubre ottobre outubro okt out',
  'november nov novembre noviembre novembro',
  'december dec décembre decembre déc dezember diciembre dicembre dezembro dez dic',
];
MONTH_NAMES.forEach((line, i) => line.split(' ').forEach((name) => (MONTHS[name] = i + 1)));

const ZONES: Record<string, string> = {
  z: 'Z',
  utc: 'Z',
  gmt: 'Z',
  est: '-05:00',
  edt: '-04:00',
  cst: '-06:00',
  cdt: '-05:00',
  mst: '-07:00',
  mdt: '-06:00',
  pst: '-08:00',
  pdt: '-07:00',
  bst: '+01:00',
  cet: '+01:00',
  cest: '+02:00',
};

const pad = (n: number | string): string => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  return new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
}

function monthOf(word: string): number | null {
  const key = word.toLowerCase().replace(/\.$/, '');
  return MONTHS[key] ?? MONTHS[key.normalize('NFD').replace(/\p{M}/gu, '')] ?? null;
}

function offsetOf(raw: string | undefined): string {
  if (!raw) return '';
  const zone = ZONES[raw.toLowerCase()];
  if (zone) return zone;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(raw);
  return m ? `${m[1]}${m[2]}:${m[3] ?? '00'}` : '';
}

const TIME =
  /^\s*(?:,|at|à|a las|alle|um|às|-|–|·|\|)?\s*(\d{1,2})[:h](\d{2})(?::(\d{2}))?\s*([ap])?\.?\s*(?:m\b\.?)?\s*(Z|UTC|GMT|[ECMP][SD]T|BST|CES?T|[+-]\d{2}:?\d{2})?(?![\p{L}\d])/iu;

/** Formats y-m-d plus an optional time read from the text right after the date. */
function withTime(y: number, m: number, d: number, rest: string): string {
  const date = `${y}-${pad(m)}-${pad(d)}`;
  const t = TIME.exec(rest);
  if (!t?.[1] || !t[2]) return date;
  let hour = Number(t[1]);
  const ampm = t[4]?.toLowerCase();
  if (ampm === 'p' && hour < 12) hour += 12;
  if (ampm === 'a' && hour === 12) hour = 0;
  if (hour > 23 || Number(t[2]) > 59) return date;
  return `${date}T${pad(hour)}:${t[2]}${t[3] ? `:${t[3]}` : ''}${offsetOf(t[5])}`;
}

const ISO =
  /(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:T|\s+)(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?(?![\d])/;
const DAY_MONTH_YEAR =
  /(?<![\p{L}\d])(\d{1,2})(?:st|nd|rd|th|er|º|\.)?\s+(?:de\s+)?(\p{L}{3,10})\.?,?\s+(?:de\s+)?(\d{4})(?!\d)/gu;
const MONTH_DAY_YEAR =
  /(?<![\p{L}])(\p{L}{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/gu;
const NUMERIC = /(?<!\d)(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?!\d)/;
const CJK = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

/** Finds the first date in `text` and returns it as ISO 8601, as precise as stated; else null. */
export function parseDate(text: string | null | undefined, lang?: string | null): string | null {
  const s = (text ?? '').replace(/\u00a0/g, ' ').trim();
  if (!s) return null;
  if (/^\d{10}(\d{3})?$/.test(s)) {
    const ms = Number(s) * (s.length === 10 ? 1000 : 1);
    const y = new Date(ms).getUTCFullYear();
    return y >= 1990 && y < 2100 ? new Date(ms).toISOString() : null;
  }
  const iso = ISO.exec(s);
  if (iso) {
    const [, y, , m, d, hh, mm, ss, frac, zone] = iso;
    if (validDay(Number(y), Number(m), Number(d))) {
      const date = `${y}-${pad(m ?? '')}-${pad(d ?? '')}`;
      if (!hh || !mm) return date;
      return `${date}T${hh}:${mm}${ss ? `:${ss}${frac ?? ''}` : ''}${offsetOf(zone)}`;
    }
  }
  const cjk = CJK.exec(s);
  if (cjk && validDay(Number(cjk[1]), Number(cjk[2]), Number(cjk[3]))) {
    return withTime(
      Number(cjk[1]),
      Number(cjk[2]),
      Number(cjk[3]),
      s.slice(cjk.index + cjk[0].length),
    );
  }
  const found: { index: number; value: string }[] = [];
  for (const m of s.matchAll(DAY_MONTH_YEAR)) {
    const month = monthOf(m[2] ?? '');
    if (month && validDay(Number(m[3]), month, Number(m[1]))) {
      const rest = s.slice(m.index + m[0].length);
      found.push({ index: m.index, value: withTime(Number(m[3]), month, Number(m[1]), rest) });
      break;
    }
  }
  for (const m of s.matchAll(MONTH_DAY_YEAR)) {
    const month = monthOf(m[1] ?? '');
    if (month && validDay(Number(m[3]), month, Number(m[2]))) {
      const rest = s.slice(m.index + m[0].length);
      found.push({ index: m.index, value: withTime(Number(m[3]), month, Number(m[2]), rest) });
      break;
    }
  }
  if (found.length) return found.sort((a, b) => a.index - b.index)[0]?.value ?? null;
  const num = NUMERIC.exec(s);
  if (num) {
    const a = Number(num[1]);
    const b = Number(num[3]);
    const y = Number(num[4]);
    // 03/04/2024 is ambiguous: US English writes month first, everyone else day first.
    const monthFirst = b > 12 || (a <= 12 && num[2] === '/' && /^en(-us)?$/i.test(lang ?? 'en'));
    const [m, d] = monthFirst ? [a, b] : [b, a];
    if (validDay(y, m, d)) return withTime(y, m, d, s.slice(num.index + num[0].length));
  }
  return null;
}
