import type { PropValue } from './types.ts';

// A property's schema drives the Properties form and the file validation alike.

interface BaseSpec {
  key: string;
  label: string;
  help: string;
  /** The value in use when none is set, in words, when it depends on the component
   *  ("a majority of its replicas"); shown where a fixed default would be. */
  fallback?: string;
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

/** Any finite number in a range; `exclusive` ends are not part of it. */
export interface NumberSpec extends BaseSpec {
  type: 'number';
  min: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
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

export type PropertySpec = BooleanSpec | IntegerSpec | NumberSpec | EnumSpec | TextSpec;

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
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { ok: false, message: `${spec.label} must be a number` };
      const low = spec.minExclusive ? value <= spec.min : value < spec.min;
      if (low) return { ok: false, message: `${spec.label} must be ${spec.minExclusive ? 'more than' : 'at least'} ${spec.min}` };
      const high = spec.max !== undefined && (spec.maxExclusive ? value >= spec.max : value > spec.max);
      if (high) return { ok: false, message: `${spec.label} must be ${spec.maxExclusive ? 'less than' : 'at most'} ${spec.max}` };
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
  if (spec.type === 'number') {
    if (!/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(text)) return { ok: false, message: `${spec.label} must be a number` };
    return checkProperty(spec, Number(text));
  }
  return checkProperty(spec, text);
}
