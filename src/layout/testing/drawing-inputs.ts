// What a view builds and lays out with (prepared-drawing.ts DrawingInputs), for the tests of
// drawings made ahead: the default settings, digit class names and the page's 11 px type.
import type { DrawingInputs } from '../prepared-drawing';
import { DEFAULT_SANKEY_SETTINGS } from '../sankey-types';

export const TEST_CLASS_NAMES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
export const TEST_OPTIONS = { labelFontSize: 11 };

export function testDrawingInputs(width: number, height: number): DrawingInputs {
  return {
    settings: DEFAULT_SANKEY_SETTINGS,
    settingsKey: JSON.stringify(DEFAULT_SANKEY_SETTINGS),
    classNames: TEST_CLASS_NAMES,
    width,
    height,
    options: TEST_OPTIONS,
  };
}
