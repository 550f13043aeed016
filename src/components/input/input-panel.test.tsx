import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { InputCanvas } from './InputCanvas';
import { InputPanel } from './InputPanel';
import { InputToolbar } from './InputToolbar';
import { PixelReadout } from './PixelReadout';

const noop = () => {};
const image = new Float32Array(28 * 28);
image[10 * 28 + 14] = 0.8;
image[10 * 28 + 15] = 0.4;

describe('PixelReadout', () => {
  it('says plainly that a zero pixel carries no pathway', () => {
    const html = renderToStaticMarkup(
      <PixelReadout image={image} width={28} selectedPixels={[0]} hoverPixel={1} />,
    );
    expect(html).toContain('This pixel is 0 (background)');
    expect(html).toContain('carries no pathway');
    expect(html).toContain('no pathway'); // hover line
  });

  it('counts the zero pixels of a region and reads a non-zero pixel', () => {
    const region = [10 * 28 + 14, 10 * 28 + 15, 11 * 28 + 14, 11 * 28 + 15];
    const html = renderToStaticMarkup(
      <PixelReadout image={image} width={28} selectedPixels={region} hoverPixel={10 * 28 + 14} />,
    );
    expect(html).toContain('2 of 4 selected pixels are 0');
    expect(html).toContain('row 10, col 14');
    expect(html).not.toContain('This pixel is 0');
  });

  it('invites a first selection', () => {
    const html = renderToStaticMarkup(
      <PixelReadout image={image} width={28} selectedPixels={[]} hoverPixel={null} />,
    );
    expect(html).toContain('Nothing selected yet');
  });
});

describe('InputCanvas', () => {
  it('is one focusable, labelled widget with keyboard help for its mode', () => {
    const html = renderToStaticMarkup(
      <InputCanvas
        image={image}
        width={28}
        height={28}
        selectedPixels={[294]}
        hoverPixel={null}
        onSelect={noop}
        onHover={noop}
        mode="select"
      />,
    );
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
    expect(html).toContain('aria-label="Input image, 28 by 28 pixels"');
    expect(html).toContain('Shift plus arrows grow it');
    expect(html).toContain('<canvas width="28" height="28"'); // native size, enlarged by CSS
  });
});

describe('InputToolbar', () => {
  it('offers labelled tools with the current one pressed', () => {
    const html = renderToStaticMarkup(
      <InputToolbar
        mode="draw"
        onModeChange={noop}
        brushSize={2.5}
        onBrushSizeChange={noop}
        onClear={noop}
        onUpload={noop}
      />,
    );
    expect(html).toMatch(/aria-pressed="true"[^>]*>.*Brush/);
    expect(html).toContain('Clear');
    expect(html).toContain('Upload');
    expect(html).toContain('2.5 px');
  });

  it('hides drawing tools for a read-only input', () => {
    const html = renderToStaticMarkup(
      <InputToolbar
        mode="select"
        onModeChange={noop}
        brushSize={2}
        onBrushSizeChange={noop}
        allowDrawing={false}
      />,
    );
    expect(html).not.toContain('Brush');
    expect(html).not.toContain('Clear');
  });
});

describe('any input geometry', () => {
  // 32×32 RGB: pixel 0 orange, the rest black.
  const rgb = new Float32Array(32 * 32 * 3);
  rgb.set([1, 0.5, 0], 0);

  it('reads colour pixels out as R, G, B, black as the background', () => {
    const html = renderToStaticMarkup(
      <PixelReadout image={rgb} width={32} channels={3} selectedPixels={[0]} hoverPixel={1} />,
    );
    expect(html).toContain('red 1, green 0.5, blue 0');
    expect(html).toContain('R 0 · G 0 · B 0');
    expect(html).toContain('background (0): no pathway');
    expect(html).toContain('background:rgb(255 128 0)');
    expect(html).not.toContain('This pixel is 0');
    const region = renderToStaticMarkup(
      <PixelReadout
        image={rgb}
        width={32}
        channels={3}
        selectedPixels={[0, 1]}
        hoverPixel={null}
      />,
    );
    expect(region).toContain('1 of 2 selected pixels are 0');
  });

  it('shrinks a 256×256 image to its slot, smoothly, without per-cell DOM', () => {
    const html = renderToStaticMarkup(
      <InputCanvas
        image={new Float32Array(256 * 256 * 3)}
        width={256}
        height={256}
        channels={3}
        selectedPixels={[]}
        hoverPixel={5}
        onSelect={noop}
        onHover={noop}
        displaySize={224}
      />,
    );
    expect(html).toContain('<canvas width="256" height="256"');
    expect(html).toContain('width:224px;height:224px;image-rendering:auto');
    expect(html).not.toContain('pl-grid'); // grid lines would hide 1-pixel cells
    expect(html.match(/<rect/g)?.length ?? 0).toBeLessThanOrEqual(2); // the hover outline
    expect(html).toContain('256 by 256 pixels, in colour');
  });

  it('gives a 20×20 grey image whole-pixel cells with grid lines', () => {
    const html = renderToStaticMarkup(
      <InputCanvas
        image={new Float32Array(400)}
        width={20}
        height={20}
        selectedPixels={[]}
        hoverPixel={null}
        onSelect={noop}
        onHover={noop}
        displaySize={224}
      />,
    );
    expect(html).toContain('<canvas width="20" height="20"');
    expect(html).toContain('width:220px;height:220px');
    expect(html).toContain('pl-grid');
  });

  it('offers the colour brush only on a colour image, with a scaled size range', () => {
    const props = {
      width: 32,
      height: 32,
      selectedPixels: [],
      hoverPixel: null,
      onSelect: noop,
      onHover: noop,
      mode: 'draw' as const,
      onModeChange: noop,
      onDraw: noop,
    };
    const colour = renderToStaticMarkup(<InputPanel {...props} image={rgb} channels={3} />);
    expect(colour).toContain('aria-label="Brush colour"');
    expect(colour).toMatch(/aria-label="White"[^>]*aria-pressed="true"/);
    expect(colour).toContain('type="color"');
    const grey = renderToStaticMarkup(<InputPanel {...props} image={new Float32Array(1024)} />);
    expect(grey).not.toContain('Brush colour');
    const large = renderToStaticMarkup(
      <InputPanel {...props} width={256} height={256} image={new Float32Array(256 * 256)} />,
    );
    expect(large).toMatch(/type="range"[^>]*max="4\d"/);
  });
});
