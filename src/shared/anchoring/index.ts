// Why: one entry point for the anchoring core shared by the reader, the content script and tools.
export { anchor } from './anchor.ts';
export { describeRange } from './describe.ts';
export { rangeFromTextOffsets, textNodesOf, textOffsetsOfRange, textOf } from './dom.ts';
export * from './types.ts';
