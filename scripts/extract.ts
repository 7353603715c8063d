// CLI: prints the snapshot the extension would save for a saved page (or a manifest of pages), using
// jsdom; with --explain, each field's value, its source and every source's candidates instead.
import { existsSync } from 'node:fs';
import { explainExtraction } from './lib/explain.ts';
import { extractPage, runBatch } from './lib/extract-batch.ts';
import { loadPageDom } from './lib/page-dom.ts';

const USAGE =
  'usage: extract [--url URL] [--content-type CT] [--explain] FILE\n       extract --jsonl MANIFEST';

interface Args {
  url: string | null;
  contentType: string | null;
  jsonl: string | null;
  file: string | null;
  explain: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const args: Args = { url: null, contentType: null, jsonl: null, file: null, explain: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--url') args.url = value();
    else if (arg === '--content-type') args.contentType = value();
    else if (arg === '--jsonl') args.jsonl = value();
    else if (arg === '--explain') args.explain = true;
    else if (arg === '--help' || arg === '-h') throw new UsageError('');
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else if (args.file) throw new UsageError('only one FILE may be given');
    else args.file = arg;
  }
  if (!args.file === !args.jsonl) throw new UsageError('give either FILE or --jsonl MANIFEST');
  if (args.explain && args.jsonl) throw new UsageError('--explain reads one FILE');
  if (args.url && !/^[a-z][a-z0-9+.-]*:/i.test(args.url))
    throw new UsageError(`--url must be absolute: ${args.url}`);
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const input = args.jsonl ?? args.file ?? '';
  if (!existsSync(input)) throw new UsageError(`no such file: ${input}`);
  if (args.jsonl) {
    await runBatch(args.jsonl, (line) => process.stdout.write(`${JSON.stringify(line)}\n`));
    return;
  }
  const source = { file: input, url: args.url, contentType: args.contentType };
  if (args.explain) {
    const dom = loadPageDom(source);
    process.stdout.write(explainExtraction(dom.window.document));
    dom.window.close();
    return;
  }
  const record = extractPage(source);
  process.stdout.write(`${JSON.stringify(record, null, 2)}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(error.message ? `extract: ${error.message}\n${USAGE}` : USAGE);
    process.exit(2);
  }
  console.error(`extract: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
