import { CURRENT_VERSION } from '../../model/types.ts';
import { dependencyModel } from './001-dependency-model.ts';

// The format's migrations: an append-only list, one file per step. Step `id: n`
// upgrades a document of version n to version n + 1; ids start at 1 and rise by
// exactly 1, so CURRENT_VERSION is always MIGRATIONS.length + 1 (asserted below, at
// load). A step is a pure function of a JSON-like value: it returns a new value and
// never mutates its input. Once released a step never changes; to fix one, append a
// new step. Every step is tested against a fixture of its input version, and the
// fixtures in ../fixtures are kept forever.
//
// To add version n + 1: write `migrations/00n-what-changed.ts` exporting a Migration
// with id n, append it below, bump CURRENT_VERSION, add a fixture of the new version,
// and document the change in docs/format.md.

/** A document as a migration sees it: plain JSON data of some older version. */
export type DocumentData = Record<string, unknown>;

export interface Migration {
  /** Upgrades version `id` to version `id + 1`. */
  id: number;
  /** What changed, in one sentence (shown in docs/format.md). */
  description: string;
  /** `note` takes a sentence the person opening the file should read: what the step
   *  had to change beyond the version, and where. */
  up(doc: DocumentData, note?: (message: string) => void): DocumentData;
}

export const MIGRATIONS: readonly Migration[] = [dependencyModel];

/** Throws when the list is malformed: a bug, caught by the first test that loads io. */
export function assertMigrationList(steps: readonly Migration[], currentVersion: number): void {
  steps.forEach((step, index) => {
    if (step.id !== index + 1) {
      throw new Error(`Migration ids must start at 1 and rise by exactly 1: position ${index} has id ${step.id}`);
    }
  });
  if (currentVersion !== steps.length + 1) {
    throw new Error(`CURRENT_VERSION is ${currentVersion} but ${steps.length} migrations lead to version ${steps.length + 1}`);
  }
}

assertMigrationList(MIGRATIONS, CURRENT_VERSION);

export type MigrationResult = { ok: true; doc: DocumentData; applied: number[]; notes: string[] } | { ok: false; message: string };

/**
 * Runs the steps from `fromVersion` up to the newest the list knows, on a clone of
 * `doc` (the caller's value is never touched). A value that cannot be cloned, or a
 * step that throws or forgets to bump `version`, is reported, not thrown.
 */
export function migrate(doc: DocumentData, fromVersion: number, steps: readonly Migration[] = MIGRATIONS): MigrationResult {
  const pending = steps.slice(fromVersion - 1);
  if (pending.length === 0) return { ok: true, doc, applied: [], notes: [] };
  let current: DocumentData;
  try {
    current = structuredClone(doc);
  } catch (error) {
    return { ok: false, message: `the document could not be copied for upgrading (${errorText(error)})` };
  }
  const notes: string[] = [];
  for (const step of pending) {
    try {
      current = step.up(current, (message) => notes.push(message));
    } catch (error) {
      return { ok: false, message: `upgrading from version ${step.id} to ${step.id + 1} failed: ${errorText(error)}` };
    }
    if (current.version !== step.id + 1) {
      return { ok: false, message: `upgrading from version ${step.id} did not produce version ${step.id + 1}` };
    }
  }
  return { ok: true, doc: current, applied: pending.map((step) => step.id), notes };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
