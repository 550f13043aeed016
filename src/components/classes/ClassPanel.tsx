import { formatNumber, formatSigned } from '../../lib/format';
import { Term } from '../common/Term';
import '../maps/common.css';
import { ALL_ROWS_UP_TO, TOP_ROWS } from './class-rows';
import { ClassSearch } from './ClassSearch';
import { ClassTable, argmax } from './ClassTable';
import './classes.css';
import { RelevanceHeatmap } from './RelevanceHeatmap';

export interface ClassPanelProps {
  /** Softmax probabilities (length = number of classes). */
  probabilities: Float32Array;
  classNames: readonly string[];
  /** relevanceByClass[c][p] = R_c(p) = x_p · ∂z_c/∂x_p (gates fixed), length width × height. */
  relevanceByClass: Float32Array[];
  /** R_c of the current selection for every class, or null when nothing is selected. */
  pixelContribution: Float32Array | null;
  chosenClass: number;
  onChooseClass: (c: number) => void;
  /** 1 (grey, the default) or 3 (RGB): the channels of `image`. */
  channels?: number;
  /** The input image, drawn faintly under the heat map. */
  image: Float32Array;
  width: number;
  height: number;
  selectedPixels: readonly number[];
  /** Plain name of the selection, e.g. "pixel (row 12, col 7)". */
  selectionLabel?: string | null;
  selectionIsZero?: boolean;
  /** The class scores z (logits) of the image, when the model gives them. */
  logits?: Float32Array | null;
  /** The image is blank (all 0): there is nothing for the network to read. */
  imageEmpty?: boolean;
  /** What the image's grey is, in the dataset's words (default 'the digit'). */
  underlay?: string;
}

/**
 * What the network decides and what the selection has to do with it: class probabilities, the
 * selection's signed contribution to every class logit, and a heat map of every pixel's
 * contribution to the chosen class.
 */
export function ClassPanel(props: ClassPanelProps) {
  const { probabilities, classNames, relevanceByClass, pixelContribution, chosenClass } = props;
  const predicted = argmax(probabilities);
  const chosenName = classNames[chosenClass] ?? String(chosenClass);
  const relevance = relevanceByClass[chosenClass];
  const relevanceOk = relevance !== undefined && relevance.length === props.width * props.height;
  const chosenContribution = pixelContribution?.[chosenClass];
  const chosenLogit = props.logits?.[chosenClass];
  const underlay = props.underlay ?? 'the digit';
  const colour = props.channels === 3;
  const many = probabilities.length > ALL_ROWS_UP_TO;

  return (
    <section className="pl-panel pl-class-panel" aria-label="Classes">
      <h2>Classes</h2>
      {props.imageEmpty && (
        <p className="pl-notice" data-testid="classes-empty">
          The canvas is empty: draw something. Until then the scores below come from the network’s
          biases alone.
        </p>
      )}
      <p className="pl-explain">
        {props.imageEmpty ? '' : `The network predicts “${classNames[predicted] ?? predicted}”. `}
        The right-hand bars show how much {props.selectionLabel ?? 'the selected pixel'} pushes each
        class’s score (logit) up (blue) or down (orange): its value times the score’s gradient, with
        the network’s on/off switches fixed by this image. Choose a class to follow its flows.
        {many &&
          ` The table lists the ${TOP_ROWS} most probable of the ${probabilities.length} classes; find any other by its name or number.`}
      </p>
      {props.selectionIsZero && !props.imageEmpty && (
        <p className="pl-notice">
          The selection is background (value 0): it contributes exactly 0 to every class.
        </p>
      )}
      {many && (
        <ClassSearch
          classNames={classNames}
          probabilities={probabilities}
          chosenClass={chosenClass}
          onChooseClass={props.onChooseClass}
        />
      )}
      <ClassTable
        probabilities={probabilities}
        classNames={classNames}
        pixelContribution={pixelContribution}
        chosenClass={chosenClass}
        onChooseClass={props.onChooseClass}
      />
      {chosenContribution !== undefined && (
        <p className="pl-class-summary" data-testid="class-summary">
          Selection → “{chosenName}”: <strong>{formatSigned(chosenContribution)}</strong> logit
          units (<Term id="gradientInput" />, <Term id="gatesFixed" />)
          {chosenLogit !== undefined && Number.isFinite(chosenLogit) ? (
            <>
              {' '}
              of the class score <strong>z = {formatNumber(chosenLogit)}</strong>; the rest of the
              score comes from the other pixels and the biases.
            </>
          ) : (
            '.'
          )}
        </p>
      )}
      <h3>Which pixels speak for “{chosenName}”?</h3>
      <p className="pl-explain">
        Each pixel coloured by its own contribution to “{chosenName}”: blue for, orange against.{' '}
        {colour
          ? 'Underneath, the image in faded colour; black pixels are 0 and stay uncoloured.'
          : `The grey is ${underlay}; background pixels are 0 and stay uncoloured.`}
      </p>
      {relevanceOk ? (
        <RelevanceHeatmap
          image={props.image}
          channels={props.channels ?? 1}
          width={props.width}
          height={props.height}
          relevance={relevance}
          className={chosenName}
          selectedPixels={props.selectedPixels}
          underlayTitle={`${underlay.replace(/^the /, '').replace(/^./, (c) => c.toUpperCase())} (underlay)`}
        />
      ) : (
        <p className="pl-explain">The relevance map for this class is not available yet.</p>
      )}
    </section>
  );
}
