import { describe, expect, it } from 'vitest';
import { classNamesFrom, defaultClassNames, metadataHasClassNames } from './class-names';

const THREE = ['cat', 'dog', 'bird'];
const txt = (text: string) => ({ name: 'labels.txt', text });
const json = (value: unknown) => ({ name: 'labels.json', text: JSON.stringify(value) });

describe('classNamesFrom', () => {
  it('defaults to "class 0" … "class K−1" when nothing names the classes', () => {
    expect(classNamesFrom(undefined, null, 3)).toEqual({
      names: ['class 0', 'class 1', 'class 2'],
      source: 'default',
    });
    expect(classNamesFrom({ author: 'me' }, null, 2).source).toBe('default');
    expect(defaultClassNames(0)).toEqual([]);
  });

  it.each(['classNames', 'class_names', 'labels', 'classes'])(
    'reads the metadata key %s as a list or an index map',
    (key) => {
      expect(classNamesFrom({ [key]: THREE }, null, 3)).toEqual({
        names: THREE,
        source: 'metadata',
      });
      const map = { '0': 'cat', '1': 'dog', '2': 'bird' };
      expect(classNamesFrom({ [key]: map }, null, 3).names).toEqual(THREE);
    },
  );

  it('prefers the metadata to a labels file', () => {
    expect(classNamesFrom({ classNames: THREE }, txt('a\nb\nc'), 3).source).toBe('metadata');
  });

  it('reads labels.txt one name a line, dropping trailing blank lines and CRs', () => {
    expect(classNamesFrom(null, txt('\uFEFFcat\r\ndog\r\n bird \r\n\r\n\n'), 3)).toEqual({
      names: THREE,
      source: 'labels',
    });
  });

  it('reads labels.json as a list, an index map or a metadata-like object', () => {
    expect(classNamesFrom(null, json(THREE), 3).names).toEqual(THREE);
    expect(classNamesFrom(null, json({ 2: 'bird', 0: 'cat', 1: 'dog' }), 3).names).toEqual(THREE);
    expect(classNamesFrom(null, json({ labels: THREE, modelName: 'tm' }), 3)).toEqual({
      names: THREE,
      source: 'labels',
    });
  });

  it('falls back to defaults when the metadata has the wrong count, saying why', () => {
    expect(classNamesFrom({ classNames: ['a', 'b'] }, null, 3)).toEqual({
      names: ['class 0', 'class 1', 'class 2'],
      source: 'default',
      problem:
        "model.json's userDefinedMetadata.classNames has 2 names, but the model has 3 outputs.",
    });
  });

  it('falls back from wrong metadata to a good labels file, keeping the reason', () => {
    const names = classNamesFrom({ labels: ['a'] }, txt('a\nb\nc'), 3);
    expect(names).toMatchObject({ names: ['a', 'b', 'c'], source: 'labels' });
    expect(names.problem).toMatch(/userDefinedMetadata.labels has 1 names/);
  });

  it('refuses a labels file with the wrong count, a blank line or broken JSON', () => {
    expect(classNamesFrom(null, txt('a\nb\nc\nd'), 3).problem).toBe(
      'labels.txt has 4 names, but the model has 3 outputs.',
    );
    expect(classNamesFrom(null, txt('a\n\nc'), 3).problem).toBe('labels.txt line 2 is blank.');
    expect(classNamesFrom(null, { name: 'labels.json', text: '["a",' }, 3).problem).toMatch(
      /^labels.json is not valid JSON \(/,
    );
    expect(classNamesFrom(null, json({ 0: 'a', 2: 'c', 3: 'd' }), 3).problem).toBe(
      'labels.json must map "0" … "2" to names, but "1" is missing.',
    );
    expect(classNamesFrom(null, json(['a', 7, 'c']), 3).problem).toBe(
      'labels.json entry 1 is 7, not a name.',
    );
    expect(classNamesFrom(null, json({ model: 'x' }), 3).problem).toMatch(/has no list of names/);
    for (const bad of [txt('a\nb\nc\nd'), txt('a\n\nc')]) {
      expect(classNamesFrom(null, bad, 3).names).toEqual(defaultClassNames(3));
    }
  });

  it('tells whether metadata names the classes', () => {
    expect(metadataHasClassNames({ class_names: [] })).toBe(true);
    expect(metadataHasClassNames({ other: 1 })).toBe(false);
    expect(metadataHasClassNames(null)).toBe(false);
  });
});
