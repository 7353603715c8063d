// Revisit script: registered only while the user allows "Show my highlights on pages I revisit"
// (an optional site permission); on a saved article's page it draws the user's highlights.
import * as v from 'valibot';
import { browser, installPlatform } from '../platform/browser.ts';
import { webExtensionPlatform } from '../platform/webextension.ts';
import { AnnotationSchema } from '../shared/annotation.ts';
import { drawHighlights } from './draw-highlights.ts';

const ReplySchema = v.object({
  ok: v.literal(true),
  value: v.object({ annotations: v.array(AnnotationSchema) }),
});

installPlatform(webExtensionPlatform);

async function showSavedHighlights(): Promise<void> {
  const reply = v.safeParse(
    ReplySchema,
    await browser.runtime.sendMessage({ type: 'page-annotations' }),
  );
  if (!reply.success || reply.output.value.annotations.length === 0) return;
  drawHighlights(document, reply.output.value.annotations);
}

void showSavedHighlights().catch((error: unknown) => {
  console.warn('Margins could not show your highlights on this page', error);
});
