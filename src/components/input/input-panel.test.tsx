import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { InputCanvas } from './InputCanvas';
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
