// Styles of the Sankey components, as one string that SankeyView adopts into the document as a
// constructed stylesheet, so the components carry their look without a CSS import and also render
// under Node (tests use react-dom/server). Not an inline <style> element: the page's content
// security policy (vite/content-security-policy.ts, style-src 'self') refuses those, and CSSOM
// stylesheets are outside its reach.

const SANKEY_CSS = `
.pl-sankey { position: relative; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1f2328; }
.pl-sankey svg { display: block; overflow: visible; }
.pl-sankey canvas { position: absolute; left: 0; top: 0; pointer-events: none; }
.pl-sankey .pl-sankey-plot { position: relative; }
.pl-sankey .pl-sankey-pan { position: relative; }
.pl-sankey .pl-sankey-scroll { overflow-x: auto; overflow-y: hidden; overscroll-behavior-x: contain; }
.pl-sankey .pl-sankey-end { position: absolute; top: 0; z-index: 2; pointer-events: none; background: #ffffff; }
.pl-sankey .pl-sankey-end-start { left: 0; box-shadow: 4px 0 6px -4px rgba(31, 35, 40, 0.35); }
.pl-sankey .pl-sankey-end-end { right: 0; box-shadow: -4px 0 6px -4px rgba(31, 35, 40, 0.35); }
.pl-sankey .pl-sankey-pan[data-pans='true']::before, .pl-sankey .pl-sankey-pan[data-pans='true']::after { content: ''; position: absolute; top: 0; bottom: 0; width: 18px; pointer-events: none; z-index: 1; transition: opacity 150ms; }
.pl-sankey .pl-sankey-pan[data-pans='true']::before { left: 0; background: linear-gradient(to right, rgba(31, 35, 40, 0.22), rgba(31, 35, 40, 0)); }
.pl-sankey .pl-sankey-pan[data-pans='true']::after { right: 0; background: linear-gradient(to left, rgba(31, 35, 40, 0.22), rgba(31, 35, 40, 0)); }
.pl-sankey .pl-sankey-pan[data-at-start='true']::before, .pl-sankey .pl-sankey-pan[data-at-end='true']::after { opacity: 0; }
.pl-sankey .pl-pan-badge { position: absolute; bottom: 4px; right: 6px; z-index: 2; padding: 1px 8px; border-radius: 999px; background: #1f2328; color: #ffffff; font-size: 12px; font-weight: 600; pointer-events: none; opacity: 0.85; }
.pl-sankey .pl-pan-hint { margin: 4px 0 0; font-size: 13px; color: #57606a; }
.pl-sankey [data-node-id], .pl-sankey .pl-band { transition: opacity 220ms ease, fill-opacity 220ms ease; }
.pl-sankey [data-node-id] { cursor: pointer; outline: none; }
.pl-sankey [data-node-id]:focus-visible .pl-node-box { stroke: #0969da; stroke-width: 3; }
.pl-sankey .pl-band { cursor: pointer; }
.pl-sankey .pl-label { font-size: 12px; paint-order: stroke; stroke: #ffffff; stroke-width: 3px; stroke-linejoin: round; pointer-events: none; }
.pl-sankey .pl-marker { font-size: 13px; paint-order: stroke; stroke: #ffffff; stroke-width: 3px; stroke-linejoin: round; pointer-events: none; }
.pl-sankey .pl-label-sub { fill: #57606a; }
.pl-sankey .pl-header { font-size: 13px; font-weight: 600; }
.pl-sankey .pl-header-note { font-size: 11px; fill: #57606a; }
.pl-sankey .pl-tooltip { position: absolute; left: 0; top: 0; z-index: 3; max-width: 300px; padding: 6px 9px; background: #ffffff; border: 1px solid #d0d7de; border-radius: 6px; box-shadow: 0 3px 10px rgba(31, 35, 40, 0.18); font-size: 12px; line-height: 1.45; color: #1f2328; white-space: pre-line; pointer-events: none; font-variant-numeric: tabular-nums; }
.pl-sankey .pl-tooltip[hidden] { display: none; }
.pl-sankey .pl-tooltip::first-line { font-weight: 600; }
/* Over a faint diagram (a comparison's empty side keeps the shared boxes) it must stay readable. */
.pl-sankey .pl-empty { position: absolute; inset: 35% 10% auto; text-align: center; font-size: 15px; color: #57606a; background: rgba(255, 255, 255, 0.92); padding: 8px 12px; border-radius: 6px; }
.pl-sankey-panel { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1f2328; }
.pl-sankey-controls { display: flex; flex-wrap: wrap; gap: 8px 20px; align-items: center; font-size: 13px; }
.pl-sankey-controls fieldset { border: 0; padding: 0; margin: 0; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.pl-sankey-controls legend { float: left; margin-right: 6px; font-weight: 600; }
.pl-playback button[aria-disabled='true'] { opacity: 0.45; cursor: default; }
.pl-pathway-panel .pl-sankey { transition: opacity 200ms ease; }
.pl-pathway-panel[aria-busy='true'] .pl-sankey { opacity: 0.55; }
.pl-query-error { color: #a40e26; font-size: 13px; }
.pl-untraceable { margin: 24px 0; padding: 16px 18px; border: 1px dashed #d0d7de; border-radius: 8px; color: #57606a; font-size: 15px; }
.pl-chains-scroll { max-width: 100%; overflow-x: auto; }
/* An earlier result's chains, kept until this one's arrive: dimmed only if that takes a while. */
.pl-chains-scroll, .pl-words { transition: opacity 0s; }
:is(.pl-chains-scroll, .pl-words)[data-stale] { opacity: 0.45; transition: opacity 150ms ease 250ms; }
.pl-chains-error { color: #a40e26; font-size: 13px; }
.pl-chains { border-collapse: collapse; font-size: 12px; font-variant-numeric: tabular-nums; margin: 8px 0; }
.pl-chains caption { text-align: left; color: #57606a; padding-bottom: 4px; caption-side: top; }
.pl-chains th, .pl-chains td { padding: 2px 8px; text-align: right; }
.pl-chains th { font-weight: 600; border-bottom: 1px solid #d0d7de; }
.pl-chains tbody tr { cursor: default; }
.pl-chains tbody tr:hover, .pl-chains tbody tr:focus, .pl-chains tbody tr[data-active] { background: #eaeef2; outline: none; }
.pl-chains .pl-positive { color: #00468c; }
.pl-chains .pl-negative { color: #6f3600; }
.pl-effect { color: #57606a; font-variant-numeric: tabular-nums; }
:where(.pl-legend) { display: flex; flex-wrap: wrap; gap: 6px 18px; align-items: center; font-size: 12px; color: #1f2328; margin: 6px 0; }
.pl-legend > span { display: inline-flex; align-items: center; }
.pl-legend .pl-swatch { display: inline-block; width: 18px; height: 10px; margin-right: 6px; vertical-align: -1px; }
.pl-legend .pl-legend-marker { margin-right: 6px; font-size: 13px; }
.pl-legend .pl-muted { color: #57606a; }
.pl-explainer { font-size: 13px; line-height: 1.5; color: #1f2328; max-width: 72ch; }
.pl-explainer summary { cursor: pointer; font-weight: 600; }
.pl-words { font-size: 13px; margin: 6px 0; }
.pl-words summary { cursor: pointer; font-weight: 600; }
.pl-words ol { margin: 4px 0 0; padding-left: 1.6em; }
.pl-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (prefers-reduced-motion: reduce) {
  .pl-sankey, .pl-sankey [data-node-id], .pl-sankey .pl-band { transition: none; }
  :is(.pl-chains-scroll, .pl-words)[data-stale] { transition: opacity 0s 250ms; }
}
`;

const adopted = new WeakSet<Document>();

/**
 * Adds SANKEY_CSS to the document once. Adopted sheets follow the page's own in the cascade, so
 * where a rule here and one of the app's have the same specificity, this one wins. The one such
 * pair, `.pl-legend` (also the feature maps' colour legend, src/components/maps/common.css), is
 * written `:where(.pl-legend)` here so that the app's rule still wins, as when these styles came
 * first in the page. Without constructable stylesheets (old browsers) a <style> element goes
 * first in <head> instead, which a strict policy refuses.
 */
export function adoptSankeyStyles(doc: Document | undefined = globalThis.document): void {
  if (!doc || adopted.has(doc)) return;
  adopted.add(doc);
  if (typeof CSSStyleSheet !== 'undefined' && 'replaceSync' in CSSStyleSheet.prototype) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(SANKEY_CSS);
    doc.adoptedStyleSheets = [sheet, ...doc.adoptedStyleSheets];
    return;
  }
  const style = doc.createElement('style');
  style.textContent = SANKEY_CSS;
  doc.head.prepend(style);
}
