// Revisit script: registered only while the user allows "Show my highlights on pages I revisit"
// (an optional site permission); on a saved article's page it draws the user's highlights.
import { installPlatform } from '../platform/browser.ts';
import { webExtensionPlatform } from '../platform/webextension.ts';
import { request } from '../shared/messaging.ts';
import { drawHighlights } from './draw-highlights.ts';

installPlatform(webExtensionPlatform);

async function showSavedHighlights(): Promise<void> {
  const { annotations } = await request({ type: 'page-annotations' });
  if (annotations.length > 0) drawHighlights(document, annotations);
}

void showSavedHighlights().catch((error: unknown) => {
  console.warn('Margins could not show your highlights on this page', error);
});
