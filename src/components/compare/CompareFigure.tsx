// One of the comparison's three views (A, B or B − A): its caption and its Sankey. Memoised, and
// given only stable props by CompareView, so that an update that keeps a view's drawing (the same
// object: use-compare-drawings.ts) does not render that view again.
import { memo } from 'react';
import type { SankeyDrawing } from '../../layout/sankey-drawing';
import { SankeyView } from '../sankey/SankeyView';
import type { SankeyFrame } from '../sankey/use-sankey-drawing';

export type CompareSide = 'a' | 'b' | 'diff';

export interface CompareFigureProps {
  side: CompareSide;
  label: string;
  note: string;
  drawing: SankeyDrawing | null;
  /** Only A's frame is measured; B and B − A are laid out at its size. */
  frame?: SankeyFrame;
  /** B's answer is the previous one while the new one is computed (drawn dimmed). */
  stale: boolean;
  pinned: string | null;
  onPinNode: (id: string | null) => void;
  onHoverNode: (id: string | null) => void;
  externalHover: string | null;
  reveal: number;
  placeholder: string;
  describedBy?: string;
}

function CompareFigureView(props: CompareFigureProps) {
  const { side, label, note, drawing } = props;
  return (
    <figure
      className={`cmp-figure cmp-${side}`}
      aria-label={label}
      data-testid={`compare-${side}`}
      data-stale={props.stale ? 'true' : undefined}
    >
      <figcaption>
        <strong>{label}</strong> <span className="small">{note}</span>
      </figcaption>
      <SankeyView
        drawing={drawing}
        frame={props.frame}
        pinned={props.pinned}
        onPinNode={props.onPinNode}
        onHoverNode={props.onHoverNode}
        externalHover={props.externalHover}
        reveal={props.reveal}
        // Three views over the union of both sides' boxes draw ~1,600 bands together (3 × ~550 on
        // the small model, where the single view draws ~300): as SVG paths their React work, style
        // and layout took about half of a B switch. On a canvas they cost a few ms; boxes, labels
        // and the keyboard stay in SVG, and hovering a band still works (canvas hit test).
        renderer="canvas"
        showLegend={side === 'diff'}
        placeholder={props.placeholder}
        describedBy={props.describedBy}
        emptyMessage={
          side === 'diff' ? 'A and B send the same flow: the difference is zero.' : undefined
        }
      />
    </figure>
  );
}

export const CompareFigure = memo(CompareFigureView);
