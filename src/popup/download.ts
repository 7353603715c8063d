/**
 * Hands a file to the browser's downloads, built from pieces so no single giant string exists.
 */
export function downloadFile(parts: BlobPart[], fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // The download has started from the URL; release it once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
