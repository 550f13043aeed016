// The compare mode's centre (docs/compare.md): A (the ordinary view's selection, class and image),
// B (compare-types.ts) and B − A as three Sankeys over one node set and one layout, with their
// totals, the largest differences in words, the pinned map in A, B and B − A, and the exports.
// Hover, pin and playback are the store's, so the three views (and lecture stepping) move together.
import { useEffect, useId } from 'react';
import { CompareControls } from '../../components/compare/CompareControls';
import { CompareExport } from '../../components/compare/CompareExport';
import { CompareFigure } from '../../components/compare/CompareFigure';
import { CompareMaps } from '../../components/compare/CompareMaps';
import { CompareTotals } from '../../components/compare/CompareTotals';
import { CompareWords } from '../../components/compare/CompareWords';
import { useCompareDrawings } from '../../components/compare/use-compare-drawings';
import { currentSource } from '../../components/sankey/ExportButtons';
import { PlaybackControl } from '../../components/sankey/PlaybackControl';
import type { SankeyDrawing } from '../../layout/sankey-drawing';
import { describePixels } from '../../layout/sankey-columns';
import { fittedLayoutOptions } from '../../layout/sankey-layout';
import { mapRefOf } from '../../lib/map-id';
import { compareSwapBlocker } from '../../state/compare-store';
import { selectClassNames } from '../../state/selectors';
import {
  compareGatesDiffer,
  compareImagePixels,
  compareIsLive,
  selectCompareResult,
} from '../../state/selectors-compare';
import { selectShownPathways } from '../../state/selectors-view';
import { appStore, useAppState } from '../../state/store';
import { useSankeyFit } from '../presentation/sankey-fit';
import { markLatest, PERF_MARKS } from '../../lib/perf-marks';
import { PERF_BASELINE } from '../../lib/perf-baseline';
import { useMapLinking } from './use-map-linking';
import '../../components/compare/compare.css';

/**
 * On the page each view has half the centre (~500 px): the embed's fitted 11 px type, so that
 * labels are shortened or hidden rather than drawn over each other (lecture and embed keep theirs).
 */
const PAGE_COMPARE_OPTIONS = fittedLayoutOptions(11);

function heightFor(view: 'normal' | 'lecture' | 'embed'): number {
  return view === 'lecture' ? 300 : view === 'embed' ? 240 : 360;
}

function titleOf(side: string, drawing: SankeyDrawing, width: number): string {
  const where = describePixels(drawing.graph.pixels, width);
  return `${side}: ${where} → class ${drawing.graph.className}`;
}

export function CompareView() {
  const kind = useAppState((s) => s.compare.kind)!;
  const settings = useAppState((s) => s.sankey);
  const input = useAppState((s) => s.input);
  const pinned = useAppState((s) => s.pinned);
  const pinnedMapId = useAppState((s) => s.pinnedMap);
  const reveal = useAppState((s) => s.reveal);
  const hoveredMap = useAppState((s) => s.hoveredMap);
  const a = useAppState(selectShownPathways);
  const b = useAppState(selectCompareResult);
  // B's pressed pixel's answer, there before the release: laid out while the button is down.
  const bAhead = useAppState((s) => s.compare.pathwaysAhead);
  const bLive = useAppState(compareIsLive);
  const bError = useAppState((s) => s.compare.pathways.error);
  const classNames = useAppState(selectClassNames);
  const gatesDiffer = useAppState(compareGatesDiffer);
  const imageB = useAppState(compareImagePixels);
  const regionB = useAppState((s) => s.compare.selection?.region ?? null);
  const classB = useAppState((s) => s.compare.classIndex);
  const sourceB = useAppState((s) => s.compare.image?.source ?? null);
  const sampleCount = useAppState((s) => s.samples.set?.count ?? 0);
  const swapBlocker = useAppState(compareSwapBlocker);
  const view = useAppState((s) =>
    s.presentation.embed ? 'embed' : s.presentation.mode === 'lecture' ? 'lecture' : 'normal',
  );
  const fit = useSankeyFit(a?.layers.length ?? 0);
  const { drawings, problem, frame } = useCompareDrawings(
    a,
    b,
    settings,
    classNames,
    heightFor(view),
    view === 'normal' ? PAGE_COMPARE_OPTIONS : fit.options,
    bAhead,
  );
  const wordsId = useId();
  // For `npm run bench:ui`: when B's live answer and the difference are on the page.
  useEffect(() => {
    if (!bLive || !b || !drawings) return;
    markLatest(PERF_MARKS.compareRendered, {
      pixels: b.pixels.join(','),
      classIndex: b.classIndex,
    });
  }, [bLive, b, drawings]);
  // A's drawing is kept (the same object) while B changes and the boxes stay: so are these handlers.
  const graph = drawings?.a.graph ?? null;
  const layers = a?.layers ?? null;
  const actions = appStore.getState();

  const { onPinNode, onHoverNode, externalHover } = useMapLinking(graph, layers, hoveredMap);
  const pinnedMap = layers ? mapRefOf(layers, pinnedMapId) : null;
  const steps = graph?.columns.map((c) => c.label) ?? [];

  const waiting = !a
    ? 'Pick a pixel on the input image: it is A.'
    : bError
      ? `B could not be computed: ${bError}`
      : kind === 'images' && !imageB
        ? 'Choose B’s image below: a gallery sample, or keep the current image as B and then draw over, upload or pick another A.'
        : kind === 'pixels' && !regionB
          ? 'Pick B’s pixel on the small image above (click, or drag a rectangle).'
          : 'Computing B…';
  const figure = (side: 'a' | 'b' | 'diff', label: string, note: string) => (
    <CompareFigure
      side={side}
      label={label}
      note={note}
      drawing={drawings?.[side] ?? null}
      // B and B − A are laid out at A's measured size; only A's frame is measured.
      frame={side === 'a' ? frame : undefined}
      stale={side !== 'a' && !bLive}
      pinned={pinned}
      onPinNode={onPinNode}
      onHoverNode={onHoverNode}
      externalHover={externalHover}
      reveal={reveal ?? Infinity}
      placeholder={problem ?? waiting}
      describedBy={side === 'diff' ? wordsId : undefined}
    />
  );
  const fileBase = `compare-${kind}`;
  const titles = drawings
    ? {
        a: titleOf('A', drawings.a, input.width),
        b: titleOf('B', drawings.b, input.width),
        diff: `B − A: ${titleOf('B', drawings.b, input.width).slice(3)} minus ${titleOf('A', drawings.a, input.width).slice(3)}`,
      }
    : { a: 'A', b: 'B', diff: 'B − A' };

  return (
    <div className="pl-panel cmp-panel" data-testid="compare-view" data-kind={kind}>
      <h2>Compare two pathways</h2>
      <CompareControls
        kind={kind}
        onKindChange={actions.setCompareKind}
        onClose={() => actions.setCompareKind(null)}
        imageB={imageB}
        width={input.width}
        height={input.height}
        channels={input.channels}
        regionB={regionB}
        // A pick waits for B's answer to be drawn with it (compare-types.ts pendingSelection);
        // ?perf=baseline selects it at once, as before.
        onPickB={PERF_BASELINE ? actions.setCompareSelection : actions.proposeCompareSelection}
        onPressB={PERF_BASELINE ? undefined : actions.pressCompareSelection}
        classNames={classNames}
        classB={classB}
        onClassB={actions.setCompareClass}
        sourceB={sourceB}
        sampleCount={sampleCount}
        onSampleB={actions.setCompareSample}
        onKeepCurrent={actions.keepImageAsB}
        onSwap={actions.swapCompareSides}
        swapBlocker={swapBlocker}
      />
      {gatesDiffer && (
        <p className="cmp-gates" role="note" data-testid="compare-gates-note">
          A and B read different images, so their gates (which ReLUs are on, which pool inputs win)
          differ too: the difference includes the change of gates, not only of the input.
        </p>
      )}
      {drawings && (
        <CompareTotals a={drawings.graphs.a.relevance} b={drawings.graphs.b.relevance} />
      )}
      {/* Lecture type (16 px) needs a whole row per view: side by side, the headers overlapped. */}
      <div className="cmp-grid" data-view={view}>
        {figure('a', 'A', titles.a.slice(3))}
        {figure('b', 'B', titles.b.slice(3))}
        {figure('diff', 'B − A', 'blue: B gives the class more; orange: less')}
      </div>
      <div className="cmp-footer">
        {steps.length > 0 && (
          <PlaybackControl
            steps={steps}
            value={reveal ?? steps.length}
            onChange={(v) => actions.setReveal(v >= steps.length ? null : v)}
          />
        )}
        <CompareExport
          graphs={drawings?.graphs ?? null}
          titles={titles}
          kind={kind}
          gatesDiffer={gatesDiffer}
          source={currentSource}
          fileBase={fileBase}
        />
      </div>
      {drawings && <CompareWords graphs={drawings.graphs} id={wordsId} />}
      {drawings && (
        <CompareMaps
          a={drawings.a.result}
          b={drawings.b.result}
          diff={drawings.diff.result}
          map={pinnedMap}
        />
      )}
    </div>
  );
}
