/**
 * Where each annotation sits in the article text today. Placing is pure (text in, offsets out) so
 * the reader's list, its highlights and the tests all agree; an annotation that cannot be placed
 * is kept as an orphan and shown, never dropped (issue 4, item 5). A highlight imported with its
 * quote alone (issue 17) is placed the same way, by its quote and whatever context it has.
 */
import type { Annotation } from '../shared/annotation.ts';
import { anchor, type AnchorMethod } from '../shared/anchoring/index.ts';

export interface Placed {
  annotation: Annotation;
  start: number;
  end: number;
  method: AnchorMethod;
}

export interface Placement {
  /** In reading order: by start, then the longer one first, so nested highlights draw inside. */
  placed: Placed[];
  /** Oldest first, as they were made. */
  orphans: Annotation[];
}

export function placeAnnotations(text: string, annotations: readonly Annotation[]): Placement {
  const placed: Placed[] = [];
  const orphans: Annotation[] = [];
  for (const annotation of annotations) {
    const found = anchor(text, annotation.target.selector);
    if (found && found.end > found.start) {
      placed.push({ annotation, start: found.start, end: found.end, method: found.method });
    } else {
      orphans.push(annotation);
    }
  }
  placed.sort((a, b) => a.start - b.start || b.end - a.end);
  return { placed, orphans: sortedByCreation(orphans) };
}

/** Oldest first, as they were made: the order of lists that have no place in the text. */
export function sortedByCreation(annotations: readonly Annotation[]): Annotation[] {
  return [...annotations].sort((a, b) => a.created.localeCompare(b.created));
}
