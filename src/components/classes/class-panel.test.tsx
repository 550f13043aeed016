import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ClassPanel } from './ClassPanel';
import { argmax } from './ClassTable';

const names = ['zero', 'one', 'two'];
const probs = new Float32Array([0.1, 0.7, 0.2]);
const relevance = [0, 1, 2].map(() => new Float32Array(4));
const noop = () => {};

function render(extra: Partial<Parameters<typeof ClassPanel>[0]> = {}) {
  return renderToStaticMarkup(
    <ClassPanel
      probabilities={probs}
      classNames={names}
      relevanceByClass={relevance}
      pixelContribution={new Float32Array([0.25, -0.5, 0])}
      chosenClass={2}
      onChooseClass={noop}
      image={new Float32Array(4)}
      width={2}
      height={2}
      selectedPixels={[0]}
      {...extra}
    />,
  );
}

describe('ClassPanel', () => {
  it('marks the prediction and the chosen class', () => {
    const html = render();
    expect(html).toContain('The network predicts “one”');
    expect(html).toMatch(/aria-pressed="true" aria-label="Class two/);
    expect(html).toContain('Class one: probability 70%, predicted');
  });

  it('prints signed contributions on one scale and names the measure', () => {
    const html = render();
    expect(html).toContain('+0.250');
    expect(html).toContain('\u22120.500');
    // Each technical term carries its explanation (src/components/common/Term.tsx).
    expect(html).toContain('gradient × input<button');
    expect(html).toContain('aria-label="What is “gates fixed”?"');
    expect(html).toMatch(/role="tooltip"[^>]*><strong>gates fixed<\/strong>: The on\/off switches/);
  });

  it('shows the class score next to the selection’s contribution', () => {
    const html = render({ logits: new Float32Array([1, 2, 12.345]) });
    expect(html).toMatch(/logit units .* of the class score <strong>z = 12.3<\/strong>/);
    expect(render()).not.toContain('of the class score');
  });

  it('says that an empty canvas is empty instead of naming a prediction', () => {
    const html = render({ imageEmpty: true });
    expect(html).toContain('The canvas is empty: draw something.');
    expect(html).not.toContain('The network predicts');
  });

  it('says so when the relevance map is missing or has the wrong size', () => {
    expect(render({ relevanceByClass: [] })).toContain('not available yet');
    expect(render({ relevanceByClass: [0, 1, 2].map(() => new Float32Array(3)) })).toContain(
      'not available yet',
    );
  });

  it('shows dashes without a selection', () => {
    expect(render({ pixelContribution: null })).toContain('>–<');
  });
});

describe('argmax', () => {
  it('finds the first largest value', () => {
    expect(argmax([0.2, 0.5, 0.5])).toBe(1);
  });
});
