// A model on another site (or this one), by the address of its model.json. The line under the
// field says where the files will be downloaded from before anything is: typing an address on
// another site and pressing Open is the user's consent to fetch from it.
import { useId, useState } from 'react';
import { checkModelUrl } from '../../model/site-url';

export interface ModelUrlFormProps {
  onOpen(address: string): void;
  disabled?: boolean;
}

function whereText(text: string): { text: string; ok: boolean } | null {
  if (text.trim() === '') return null;
  const check = checkModelUrl(text, document.baseURI);
  if (!check.ok) return { text: `Cannot open: ${check.reason}.`, ok: false };
  if (check.sameOrigin) return { text: 'Downloads from this site.', ok: true };
  return {
    text: `Downloads from ${check.origin}. That site must allow this page to read the files (CORS).`,
    ok: true,
  };
}

export function ModelUrlForm({ onOpen, disabled = false }: ModelUrlFormProps) {
  const [text, setText] = useState('');
  const hintId = useId();
  const where = whereText(text);
  return (
    <form
      className="model-url-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (where?.ok) onOpen(text.trim());
      }}
    >
      <label>
        Address of model.json
        <input
          type="text"
          inputMode="url"
          spellCheck={false}
          autoComplete="off"
          placeholder="https://example.org/my-model/model.json"
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          aria-describedby={hintId}
          data-testid="model-url-input"
        />
      </label>
      <button type="submit" disabled={disabled || !where?.ok}>
        Open
      </button>
      <p
        id={hintId}
        className={`small ${where && !where.ok ? 'open-model-error' : 'muted'}`}
        data-testid="model-url-origin"
        aria-live="polite"
      >
        {where?.text ?? 'A model on another site, or a path on this one (models/mine/model.json).'}
      </p>
    </form>
  );
}
