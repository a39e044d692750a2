import type { z } from 'zod';
import { NODE_KINDS } from '../model/catalogue.ts';
import { describeValue, quote, type Problem } from './errors.ts';
import { formatPath, valueAt } from './paths.ts';
import { PROP_VALUE_PARAMS } from './schema.ts';

// Turns zod's issues into problems a person can act on: the path, the node or edge
// named by id, what was expected and what was found.

type Issue = z.core.$ZodIssue;

const FIELDS: Record<string, string> = {
  document: 'format, version, title, nodes, edges',
  node: 'id, kind, label, position, size, parentId, notes, props',
  edge: 'id, source, target, label, props',
  position: 'x, y',
  size: 'width, height',
};

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a finite number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
};

interface Place {
  /** `node "lb": ` or empty. */
  subject: string;
  /** The path relative to the subject, e.g. `position.x`. */
  field: string;
  /** Which object `path` ends in, for listing its fields. */
  owner: keyof typeof FIELDS | null;
}

function placeOf(path: readonly PropertyKey[], input: unknown): Place {
  const [list, index] = path;
  if ((list === 'nodes' || list === 'edges') && typeof index === 'number') {
    const id = valueAt(input, [list, index, 'id']);
    const named = typeof id === 'string' && id !== '';
    const rest = named ? path.slice(2) : path;
    const last = path.at(-1);
    const owner = path.length === 2 ? (list === 'nodes' ? 'node' : 'edge') : last === 'position' || last === 'size' ? last : null;
    return { subject: named ? `${list === 'nodes' ? 'node' : 'edge'} ${quote(id)}: ` : '', field: formatPath(rest) || 'it', owner };
  }
  return { subject: '', field: formatPath(path) || 'the document', owner: path.length === 0 ? 'document' : null };
}

function messageFor(issue: Issue, input: unknown): string {
  const { subject, field } = placeOf(issue.path, input);
  const value = valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return `${subject}${field} is missing`;
      return `${subject}${field} must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${describeValue(value)}`;
    case 'invalid_value':
      if (issue.path[0] === 'nodes' && issue.path.at(-1) === 'kind' && issue.path.length === 3) {
        return `${subject}unknown kind ${describeValue(value)}; the kinds are ${NODE_KINDS.join(', ')}`;
      }
      return `${subject}${field} must be ${issue.values.map((option) => JSON.stringify(option)).join(' or ')}, not ${describeValue(value)}`;
    case 'too_small':
      if (typeof value === 'string') return `${subject}${field} must not be empty`;
      return `${subject}${field} is ${describeValue(value)}; it must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `${subject}${field} is ${describeValue(value)}; it must be at most ${String(issue.maximum)}`;
    default:
      return `${subject}${field}: ${issue.message}`;
  }
}

export function problemsFromIssues(issues: readonly Issue[], input: unknown): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    if (issue.code === 'custom' && issue.params?.propValue === PROP_VALUE_PARAMS.propValue) {
      const { subject, field } = placeOf(issue.path, input);
      problems.push({ path: formatPath(issue.path), message: `${subject}${field} must be text, a finite number or true/false, not ${describeValue(valueAt(input, issue.path))}` });
    } else if (issue.code === 'custom') {
      problems.push({ path: formatPath(issue.path), message: issue.message });
    } else if (issue.code === 'unrecognized_keys') {
      const { subject, owner } = placeOf(issue.path, input);
      const allowed = owner ? `; the fields are ${FIELDS[owner]}` : '';
      for (const key of issue.keys) {
        problems.push({ path: formatPath([...issue.path, key]), message: `${subject}unknown field ${quote(key)}${allowed}` });
      }
    } else {
      problems.push({ path: formatPath(issue.path), message: messageFor(issue, input) });
    }
  }
  return problems;
}
