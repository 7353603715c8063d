import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';

interface Props {
  count: number;
  /** Every row has this height in CSS pixels, so positions are known without measuring. */
  rowHeight: number;
  initialScrollTop: number;
  onScroll: (scrollTop: number) => void;
  /** Renders rows `start` to `end` (exclusive); each places itself at `index * rowHeight`. */
  children: (start: number, end: number) => ComponentChildren;
  label: string;
}

/** Rows drawn beyond the visible ones, so a quick scroll does not show blank space. */
const OVERSCAN = 4;
/** Until the viewport is measured, assume the popup's list height. */
export const DEFAULT_VIEWPORT = 400;

/** The rows to draw, `start` to `end` (exclusive), for a scroll position and viewport height. */
export function windowOf(scrollTop: number, height: number, rowHeight: number, count: number) {
  return {
    start: Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN),
    end: Math.min(count, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN),
  };
}

/**
 * A scrolling list that puts only the rows on screen into the DOM, so ten thousand articles
 * cost the same to show as twenty.
 */
export function VirtualList({
  count,
  rowHeight,
  initialScrollTop,
  onScroll,
  children,
  label,
}: Props) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(initialScrollTop);
  const [height, setHeight] = useState(DEFAULT_VIEWPORT);
  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return;
    element.scrollTop = initialScrollTop;
    setHeight(element.clientHeight || DEFAULT_VIEWPORT);
    const observer = new ResizeObserver(() => setHeight(element.clientHeight || DEFAULT_VIEWPORT));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const { start, end } = windowOf(scrollTop, height, rowHeight, count);
  return (
    <div
      class="list-viewport"
      ref={viewport}
      onScroll={(event) => {
        const top = event.currentTarget.scrollTop;
        setScrollTop(top);
        onScroll(top);
      }}
    >
      <ul class="articles" aria-label={label} style={{ height: `${count * rowHeight}px` }}>
        {children(start, end)}
      </ul>
    </div>
  );
}
