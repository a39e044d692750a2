import type { PropValue } from './types.ts';

// A property's schema drives the Properties form and the file validation alike.

interface BaseSpec {
  key: string;
  label: string;
  help: string;
}

export interface BooleanSpec extends BaseSpec {
  type: 'boolean';
  default: boolean;
}

export interface IntegerSpec extends BaseSpec {
  type: 'integer';
  min: number;
  max?: number;
  default?: number;
}

export interface EnumSpec extends BaseSpec {
  type: 'enum';
  options: readonly string[];
  default?: string;
}

export interface TextSpec extends BaseSpec {
  type: 'text';
  /** Offered as suggestions; any text is accepted. */
  suggestions?: readonly string[];
  default?: string;
}

export type PropertySpec = BooleanSpec | IntegerSpec | EnumSpec | TextSpec;

export type PropertyCheck = { ok: true; value: PropValue | undefined } | { ok: false; message: string };

/**
 * Checks a value against its spec. `undefined` (the property left unset) is always
 * allowed: the default applies.
 */
export function checkProperty(spec: PropertySpec, value: unknown): PropertyCheck {
  if (value === undefined) return { ok: true, value: undefined };
  switch (spec.type) {
    case 'boolean':
      return typeof value === 'boolean'
        ? { ok: true, value }
        : { ok: false, message: `${spec.label} must be true or false` };
    case 'integer': {
      if (typeof value !== 'number' || !Number.isInteger(value)) {
        return { ok: false, message: `${spec.label} must be a whole number` };
      }
      if (value < spec.min) return { ok: false, message: `${spec.label} must be at least ${spec.min}` };
      if (spec.max !== undefined && value > spec.max) {
        return { ok: false, message: `${spec.label} must be at most ${spec.max}` };
      }
      return { ok: true, value };
    }
    case 'enum':
      return typeof value === 'string' && spec.options.includes(value)
        ? { ok: true, value }
        : { ok: false, message: `${spec.label} must be one of ${spec.options.join(', ')}` };
    case 'text':
      return typeof value === 'string'
        ? { ok: true, value }
        : { ok: false, message: `${spec.label} must be text` };
  }
}

/** Parses what a person typed into a form field. */
export function parsePropertyInput(spec: PropertySpec, raw: string | boolean): PropertyCheck {
  if (spec.type === 'boolean') return checkProperty(spec, raw);
  const text = String(raw).trim();
  if (text === '') {
    return spec.type === 'integer' && spec.key === 'replicas'
      ? { ok: false, message: `${spec.label} is required` }
      : { ok: true, value: undefined };
  }
  if (spec.type === 'integer') {
    if (!/^-?\d+$/.test(text)) return { ok: false, message: `${spec.label} must be a whole number` };
    return checkProperty(spec, Number(text));
  }
  return checkProperty(spec, text);
}
