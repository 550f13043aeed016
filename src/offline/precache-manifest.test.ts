import { describe, expect, it } from 'vitest';
import { selectPrecacheFiles } from './precache-manifest';

describe('selectPrecacheFiles', () => {
  const built = [
    'sw.js',
    'index.html',
    'assets/index-abc.js',
    'assets/index-abc.js.map',
    'assets/tfjs-backend-wasm-simd-x.wasm',
    'models/mnist/model.json',
    'models/mnist/group1-shard1of1.bin',
    'models/fashion/model.json',
    'models/mine/model.json',
    'models/README.txt',
    'samples/mnist.bin',
    'samples/fashion.json',
    'samples/mine.bin',
    'precomputed/mnist-default.json',
    '.well-known/x.txt',
  ];

  it('keeps the shell and the shipped models and samples, sorted', () => {
    expect(selectPrecacheFiles(built, ['mnist', 'fashion'])).toEqual([
      'assets/index-abc.js',
      'assets/tfjs-backend-wasm-simd-x.wasm',
      'index.html',
      'models/fashion/model.json',
      'models/mnist/group1-shard1of1.bin',
      'models/mnist/model.json',
      'precomputed/mnist-default.json',
      'samples/fashion.json',
      'samples/mnist.bin',
    ]);
  });

  it('leaves out the service worker, maps, dotfiles and models that are not shipped', () => {
    const kept = selectPrecacheFiles(built, ['mnist']);
    expect(kept).not.toContain('sw.js');
    expect(kept).not.toContain('assets/index-abc.js.map');
    expect(kept).not.toContain('.well-known/x.txt');
    expect(kept.filter((p) => p.includes('fashion') || p.includes('mine'))).toEqual([]);
  });
});
