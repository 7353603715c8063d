import { markMatches } from '../../search/marks.ts';

/** Text with the words the search matched wrapped in `<mark>`. */
export function Marked({ text, query }: { text: string; query: string }) {
  return (
    <>
      {markMatches(text, query).map((piece, index) =>
        piece.marked ? <mark key={index}>{piece.text}</mark> : piece.text,
      )}
    </>
  );
}
