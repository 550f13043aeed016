import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ClassPanel } from './ClassPanel';
import { argmax } from './ClassTable';
import { heatmapDisplay } from './RelevanceHeatmap';

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

describe('ClassPanel with 100 classes', () => {
  const K = 100;
  const longName = 'a class name far too long for the narrow name column of the table';
  const manyNames = Array.from({ length: K }, (_, c) => (c === 55 ? longName : `kind ${c}`));
  // Class 30 is the most probable, then 31, 32, … (class 55 is far down).
  const manyProbs = Float32Array.from({ length: K }, (_, c) => (c >= 30 && c < 40 ? 50 - c : 0.1));
  const sum = manyProbs.reduce((a, b) => a + b, 0);
  manyProbs.forEach((v, c) => (manyProbs[c] = v / sum));

  function renderMany(chosenClass: number) {
    return renderToStaticMarkup(
      <ClassPanel
        probabilities={manyProbs}
        classNames={manyNames}
        relevanceByClass={manyNames.map(() => new Float32Array(4))}
        pixelContribution={null}
        chosenClass={chosenClass}
        onChooseClass={noop}
        image={new Float32Array(12)}
        channels={3}
        width={2}
        height={2}
        selectedPixels={[]}
      />,
    );
  }

  const rowsOf = (html: string) =>
    [
      ...html.matchAll(
        /<button type="button" class="pl-class-row[^"]*"[^>]*data-class-index="(\d+)"/g,
      ),
    ].map((m) => Number(m[1]));

  it('draws the ten most probable rows, best first, and one row for the other 90', () => {
    const html = renderMany(30);
    expect(rowsOf(html)).toEqual([30, 31, 32, 33, 34, 35, 36, 37, 38, 39]);
    expect(html).toContain('other (90 classes)');
    expect(html).toContain('Class (top 10 of 100)');
  });

  it('keeps the chosen class visible when it is not among the ten', () => {
    const html = renderMany(55);
    expect(rowsOf(html)).toEqual([30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 55]);
    expect(html).toContain('other (89 classes)');
    expect(html).toMatch(
      /aria-pressed="true" aria-label="Class a class name far too long[^"]*\(number 55\)[^"]*chosen, not among the most probable/,
    );
  });

  it('cuts a long name with a tooltip that holds all of it', () => {
    expect(renderMany(55)).toContain(`class="pl-class-label" title="${longName}"`);
    expect(renderMany(30)).not.toContain('title="kind 31"');
  });

  it('offers a class search (a combobox) with the class range', () => {
    const html = renderMany(30);
    expect(html).toMatch(/<input[^>]*role="combobox"[^>]*placeholder="name or 0–99"/);
    expect(html).toContain('aria-expanded="false"');
    expect(html).toContain('100 classes: type a name or a number from 0 to 99.');
    expect(render()).not.toContain('role="combobox"');
  });

  it('says the relevance map lies over the image in faded colour', () => {
    const html = renderMany(30);
    expect(html).toContain('data-underlay="colour"');
    expect(html).toContain('Underneath, the image in faded colour');
    expect(render()).toContain('data-underlay="grey"');
  });
});

describe('argmax', () => {
  it('finds the first largest value', () => {
    expect(argmax([0.2, 0.5, 0.5])).toBe(1);
  });
});

describe('heatmapDisplay', () => {
  it('keeps whole pixels per cell for small images (MNIST: 8 px)', () => {
    expect(heatmapDisplay(28, 28, 224)).toEqual({ width: 224, height: 224 });
    expect(heatmapDisplay(20, 20, 224)).toEqual({ width: 220, height: 220 });
    expect(heatmapDisplay(32, 16, 224)).toEqual({ width: 224, height: 112 });
  });

  it('fits large images to the size instead of overflowing or shrinking them', () => {
    expect(heatmapDisplay(128, 128, 224)).toEqual({ width: 224, height: 224 });
    expect(heatmapDisplay(256, 128, 224)).toEqual({ width: 224, height: 112 });
  });
});
