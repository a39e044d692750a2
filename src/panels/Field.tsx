import { useId, useState } from 'react';
import { useFieldText } from './useFieldText.ts';
import { parsePropertyInput, type PropertySpec } from '../model/properties.ts';
import type { Figure } from '../model/catalogue.ts';
import type { PropValue } from '../model/types.ts';

interface FieldProps {
  spec: PropertySpec;
  value: PropValue | undefined;
  /** Called with each valid value; invalid input stays in the field with its error. */
  onChange(value: PropValue | undefined): void;
  /** A problem the value would make with the other properties, if any. */
  conflict?(value: PropValue | undefined): string | undefined;
  /** The figure used while the field is empty, and where it comes from. */
  inUse?: Figure;
  onDone(): void;
}

/** One property input generated from its schema, with its error beside it. */
export function Field({ spec, value, onChange, conflict, inUse, onDone }: FieldProps) {
  const id = useId();
  const { text, setText, onFocus, onBlur } = useFieldText(value === undefined ? '' : String(value));
  const [error, setError] = useState<string | null>(null);
  const effective = value ?? spec.default;

  const take = (raw: string | boolean) => {
    if (typeof raw === 'string') setText(raw);
    const parsed = parsePropertyInput(spec, raw);
    const clash = parsed.ok ? conflict?.(parsed.value) : undefined;
    const result = clash ? { ok: false as const, message: clash } : parsed;
    if (result.ok) {
      setError(null);
      onChange(result.value);
      // A choice is complete when made; typed text is complete when the field is left.
      if (spec.type === 'boolean' || spec.type === 'enum') onDone();
    } else {
      setError(result.message);
    }
  };

  const describedBy = `${id}-help${error ? ` ${id}-error` : ''}`;
  let control;
  if (spec.type === 'boolean') {
    control = (
      <input id={id} type="checkbox" checked={effective === true} aria-describedby={describedBy} onChange={(event) => take(event.target.checked)} onBlur={onDone} />
    );
  } else if (spec.type === 'enum') {
    control = (
      <select id={id} value={typeof value === 'string' ? value : ''} aria-describedby={describedBy} onChange={(event) => take(event.target.value)} onBlur={onDone}>
        <option value="">{spec.default ? `Default (${spec.default})` : spec.fallback ? `Not set (${spec.fallback})` : 'Not set'}</option>
        {spec.options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    );
  } else {
    const listId = spec.type === 'text' && spec.suggestions ? `${id}-list` : undefined;
    control = (
      <>
        <input
          id={id}
          type="text"
          inputMode={spec.type === 'integer' ? 'numeric' : spec.type === 'number' ? 'decimal' : undefined}
          value={text}
          placeholder={inUse ? String(inUse.value) : spec.default !== undefined ? String(spec.default) : (spec.fallback ?? '')}
          list={listId}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => take(event.target.value)}
          onFocus={onFocus}
          onBlur={() => {
            onBlur();
            onDone();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.currentTarget.blur();
          }}
        />
        {listId && spec.type === 'text' && (
          <datalist id={listId}>
            {spec.suggestions?.map((option) => <option key={option} value={option} />)}
          </datalist>
        )}
      </>
    );
  }

  return (
    <div className={`field field-${spec.type}`}>
      <label htmlFor={id}>{spec.label}</label>
      {control}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      <p id={`${id}-help`} className="field-help">
        {spec.help}
        {spec.default === undefined && spec.fallback && spec.type !== 'enum' ? ` Unset: ${spec.fallback}.` : ''}
      </p>
      {inUse && value === undefined && (
        <p className="field-in-use">
          In use: {inUse.value} ({inUse.source}).
        </p>
      )}
    </div>
  );
}
