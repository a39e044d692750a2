import { vi } from 'vitest';
import type { Migration } from '../migrations/index.ts';

// tldraw's migrationTestUtils idea: rather than a hand-kept list of tested ids, which
// can say "tested" for a step no test runs, spy on every registered step's `up` and
// ask at the end which ones were never called. The spies call through, so tests see
// the real steps.

export interface MigrationGuard {
  /** Ids of the steps no test has run since the guard was set, in list order. */
  unrun(): number[];
}

export function guardMigrations(steps: readonly Migration[]): MigrationGuard {
  const spies = steps.map((step) => ({ id: step.id, up: vi.spyOn(step, 'up') }));
  return { unrun: () => spies.filter(({ up }) => up.mock.calls.length === 0).map(({ id }) => id) };
}
