// "Find a class" for models with more classes than the table lists: a WAI-ARIA combobox (type a
// name or a number, the arrows move through the matches, Enter chooses, Escape closes and then
// clears). Only the few matches are drawn, so a model with 1,000 classes stays fast.
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { formatPercent } from '../../lib/format';
import { classLabel, nextOption, SEARCH_LIMIT, searchClasses } from './class-rows';

export interface ClassSearchProps {
  classNames: readonly string[];
  /** One probability per class; its length is the class count. */
  probabilities: Float32Array;
  chosenClass: number;
  onChooseClass: (c: number) => void;
}

export function ClassSearch(props: ClassSearchProps) {
  const { classNames, probabilities, chosenClass } = props;
  const classCount = probabilities.length;
  const id = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const { matches, total } = useMemo(
    () => searchClasses(classNames, classCount, query),
    [classNames, classCount, query],
  );
  const listed = open && matches.length > 0;
  const optionId = (i: number) => `${id}-option-${i}`;

  const choose = (c: number) => {
    props.onChooseClass(c);
    setQuery('');
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape') {
      // First Escape closes the list, the second clears the text (the combobox pattern).
      if (listed) setOpen(false);
      else setQuery('');
      setActive(-1);
      e.preventDefault();
      return;
    }
    if (e.key === 'Enter') {
      const c = matches[active >= 0 ? active : 0];
      if (c !== undefined) {
        e.preventDefault();
        choose(c);
      }
      return;
    }
    const next = nextOption(active, e.key, matches.length);
    if (next === null) return;
    e.preventDefault();
    setOpen(true);
    setActive(next);
  };

  const status =
    query.trim() === ''
      ? `${classCount} classes: type a name or a number from 0 to ${classCount - 1}.`
      : total === 0
        ? `No class matches “${query.trim()}”.`
        : total > SEARCH_LIMIT
          ? `${total} classes match; the first ${SEARCH_LIMIT} are listed. Type more to narrow them.`
          : `${total} ${total === 1 ? 'class matches' : 'classes match'}: Enter chooses the ${active >= 0 ? 'highlighted' : 'first'} one.`;

  return (
    <div className="pl-class-search" data-testid="class-search">
      <label htmlFor={`${id}-input`}>Find a class</label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        placeholder={`name or 0–${classCount - 1}`}
        aria-expanded={listed}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-describedby={`${id}-status`}
        aria-activedescendant={listed && active >= 0 ? optionId(active) : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => query.trim() !== '' && setOpen(true)}
      />
      <ul
        id={`${id}-list`}
        role="listbox"
        aria-label="Matching classes"
        className="pl-class-search-list"
        hidden={!listed}
      >
        {listed &&
          matches.map((c, i) => {
            const name = classLabel(classNames, c);
            return (
              <li
                key={c}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                data-class-index={c}
                className={c === chosenClass ? 'pl-class-option is-chosen' : 'pl-class-option'}
                // Keeps the focus in the input, so the list does not close before the click.
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => choose(c)}
              >
                <span className="pl-class-option-number">{c}</span>
                <span className="pl-class-option-name" title={name}>
                  {name}
                </span>
                <span className="pl-num">{formatPercent(probabilities[c] ?? 0)}</span>
              </li>
            );
          })}
      </ul>
      <p id={`${id}-status`} className="pl-class-search-status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
