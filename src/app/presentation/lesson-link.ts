// Builds lesson links and iframe code from the current view plus a lesson's choices. Pure (no
// DOM), tested in lesson-link.test.ts.
import { serializeUrlState } from '../../state/url';
import type { UrlState } from '../../state/url-fields';
import type { HideableControl } from '../../state/presentation-url';
import type { PixelRegion } from '../../lib/selection';

export type LessonView = 'normal' | 'lecture' | 'embed';

export interface LessonChoices {
  view: LessonView;
  hide: readonly HideableControl[];
  /** A gallery sample, or null to keep the current input (e.g. a drawn image). */
  sample: number | null;
  pixel: PixelRegion | null;
  /** Target class, or null to follow the prediction. */
  targetClass: number | null;
  /**
   * Lecture mode's starting step (Sankey columns revealed, 1 = the pixel alone), or null for
   * every layer; the other views keep the current view's step.
   */
  step: number | null;
}

/** `base` is the page address without its query (origin + path). */
export function lessonLink(base: string, current: UrlState, choices: LessonChoices): string {
  const state: UrlState = {
    ...current,
    mode: choices.view === 'lecture' ? 'lecture' : 'normal',
    embed: choices.view === 'embed',
    hide: choices.hide,
    px: choices.pixel,
    targetClass: choices.targetClass,
    reveal: choices.view === 'lecture' ? choices.step : current.reveal,
    // A chosen sample replaces a drawn image; no sample keeps whatever input is on screen.
    sample: choices.sample ?? current.sample,
    img: choices.sample === null ? current.img : null,
  };
  return `${base}${serializeUrlState(state)}`;
}

/**
 * The link as an embedded view: `embed=1` added, lecture mode and its starting step dropped (an
 * embed opens on the whole pathway), everything else kept.
 */
export function embedLink(link: string): string {
  const url = new URL(link);
  url.searchParams.set('embed', '1');
  url.searchParams.delete('mode');
  url.searchParams.delete('step');
  return url.toString();
}

function escapeAttribute(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export function iframeCode(link: string): string {
  return (
    `<iframe src="${escapeAttribute(embedLink(link))}" width="600" height="400" ` +
    `title="Pathway Lens" loading="lazy"></iframe>`
  );
}
