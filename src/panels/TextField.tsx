import { useId, useState } from 'react';
import { useFieldText } from './useFieldText.ts';

interface TextFieldProps {
  label: string;
  value: string;
  required?: boolean;
  multiline?: boolean;
  onChange(text: string): void;
  onDone(): void;
}

/** A free-text input; a required one shows an error instead of taking empty text. */
export function TextField({ label, value, required, multiline, onChange, onDone }: TextFieldProps) {
  const id = useId();
  const { text, setText, onFocus, onBlur } = useFieldText(value);
  const [error, setError] = useState<string | null>(null);
  const take = (next: string) => {
    setText(next);
    if (required && next.trim() === '') return setError(`${label} cannot be empty`);
    setError(null);
    onChange(next);
  };
  const common = {
    id,
    value: text,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    onFocus,
    onBlur: () => {
      onBlur();
      onDone();
    },
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(event) => take(event.target.value)} />
      ) : (
        <input
          {...common}
          type="text"
          onChange={(event) => take(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') event.currentTarget.blur();
          }}
        />
      )}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
