import { afterAll, describe, expect, it } from 'vitest';
import { CURRENT_VERSION } from '../../model/types.ts';
import { guardMigrations } from '../test-support/migration-guard.ts';
import { assertMigrationList, migrate, MIGRATIONS, type DocumentData, type Migration } from './index.ts';

// One `describe` per released migration goes below, each with a fixture of its input
// version, run through the real step (MIGRATIONS[n - 1].up or migrate). The guard
// spies on every registered step and fails after the last test when one never ran.
const guard = guardMigrations(MIGRATIONS);
afterAll(() => {
  expect(guard.unrun(), 'these migrations need a describe block that runs them on a fixture').toEqual([]);
});

const renameTitle: Migration = {
  id: 1,
  description: 'Test step: `name` becomes `title`.',
  up: ({ name, ...rest }) => ({ ...rest, version: 2, title: name }),
};
const addTags: Migration = {
  id: 2,
  description: 'Test step: documents gain `tags`.',
  up: (doc) => ({ ...doc, version: 3, tags: [] }),
};

describe('the migration list', () => {
  it('matches the current version', () => {
    expect(() => assertMigrationList(MIGRATIONS, CURRENT_VERSION)).not.toThrow();
    expect(MIGRATIONS.map((step) => step.id)).toEqual(Array.from({ length: CURRENT_VERSION - 1 }, (_, i) => i + 1));
  });

  it('refuses ids that do not start at 1 or rise by exactly 1', () => {
    expect(() => assertMigrationList([addTags], 2)).toThrow(/start at 1/);
    expect(() => assertMigrationList([renameTitle, renameTitle], 3)).toThrow(/position 1 has id 1/);
    expect(() => assertMigrationList([renameTitle], 1)).toThrow(/CURRENT_VERSION is 1 but 1 migrations lead to version 2/);
    expect(() => assertMigrationList([renameTitle, addTags], 3)).not.toThrow();
  });
});

describe('migrate', () => {
  const v1: DocumentData = { format: 'faultline', version: 1, name: 'Old', nodes: [], edges: [] };

  it('runs every step from the document’s version, in order', () => {
    const result = migrate(v1, 1, [renameTitle, addTags]);
    expect(result).toEqual({ ok: true, applied: [1, 2], notes: [], doc: { format: 'faultline', version: 3, title: 'Old', nodes: [], edges: [], tags: [] } });
  });

  it('starts at the document’s own version', () => {
    const v2 = { format: 'faultline', version: 2, title: 'Newer' };
    expect(migrate(v2, 2, [renameTitle, addTags])).toMatchObject({ ok: true, applied: [2], doc: { version: 3, title: 'Newer', tags: [] } });
  });

  it('returns a current document untouched', () => {
    const result = migrate(v1, 3, [renameTitle, addTags]);
    expect(result).toEqual({ ok: true, applied: [], notes: [], doc: v1 });
  });

  it('works on a clone: the caller’s value never changes', () => {
    const mutating: Migration = { id: 1, description: 'mutates', up: (doc) => Object.assign(doc, { version: 2, name: 'changed' }) };
    const before = structuredClone(v1);
    expect(migrate(v1, 1, [mutating])).toMatchObject({ ok: true, doc: { name: 'changed' } });
    expect(v1).toEqual(before);
  });

  it('reports a step that throws or forgets the version, and a value that cannot be cloned', () => {
    const throws: Migration = { id: 1, description: 'throws', up: () => { throw new Error('nodes is not a list'); } };
    const forgets: Migration = { id: 1, description: 'forgets', up: (doc) => ({ ...doc }) };
    expect(migrate(v1, 1, [throws])).toEqual({ ok: false, message: 'upgrading from version 1 to 2 failed: nodes is not a list' });
    expect(migrate(v1, 1, [forgets])).toEqual({ ok: false, message: 'upgrading from version 1 did not produce version 2' });
    expect(migrate({ ...v1, f: () => 1 }, 1, [renameTitle])).toMatchObject({ ok: false, message: expect.stringMatching(/could not be copied/) });
  });
});

describe('migration 1: version 1 to 2, the dependency model and the numbers', () => {
  const step = MIGRATIONS[0]!;
  const v1Doc: DocumentData = {
    format: 'faultline',
    version: 1,
    title: 'Old',
    nodes: [
      { id: 'c', kind: 'client', props: { rps: 5, availability: 'n/a' } },
      { id: 's', kind: 'service', props: { needs: 'db', owner: 'x' } },
      { id: 'z', kind: 'zone', props: { availability: 'high', hitRate: 1 } },
      { id: 'k', kind: 'cdn', props: { hitRate: 'most' } },
    ],
    edges: [{ id: 'e', source: 'c', target: 's', props: { weight: 2, kind: 'request' } }],
  };

  it('moves each new name a kind gains aside, keeps everything else, and says what moved', () => {
    const notes: string[] = [];
    const before = structuredClone(v1Doc);
    const up = step.up(v1Doc, (message) => notes.push(message));
    expect(v1Doc).toEqual(before);
    expect(up).toEqual({
      ...v1Doc,
      version: 2,
      nodes: [
        { id: 'c', kind: 'client', props: { rps_v1: 5, availability: 'n/a' } },
        { id: 's', kind: 'service', props: { needs_v1: 'db', owner: 'x' } },
        { id: 'z', kind: 'zone', props: { availability_v1: 'high', hitRate: 1 } },
        { id: 'k', kind: 'cdn', props: { hitRate_v1: 'most' } },
      ],
      edges: [{ id: 'e', source: 'c', target: 's', props: { weight_v1: 2, kind: 'request' } }],
    });
    expect(notes).toHaveLength(5);
    expect(notes[0]).toBe('node "c": its own property "rps" is kept as "rps_v1", since version 2 gives "rps" a meaning');
  });

  it('leaves shapes it does not understand for validation to report', () => {
    expect(step.up({ format: 'faultline', version: 1, nodes: 'x', edges: [null, 3] })).toEqual({ format: 'faultline', version: 2, nodes: 'x', edges: [null, 3] });
  });

  it('runs through migrate from version 1 and reports its notes', () => {
    const result = migrate(v1Doc, 1);
    expect(result).toMatchObject({ ok: true, applied: [1], doc: { version: 2 } });
    expect(result.ok && result.notes).toHaveLength(5);
  });
});

describe('the guard that every migration ran', () => {
  // Copies, so the spies count only this test's calls.
  const fakeList = (): Migration[] => [{ ...renameTitle }, { ...addTags }];

  it('passes an empty list', () => {
    expect(guardMigrations([]).unrun()).toEqual([]);
  });

  it('names every step before any test runs one', () => {
    expect(guardMigrations(fakeList()).unrun()).toEqual([1, 2]);
  });

  it('counts a step run through migrate, and only the steps migrate ran', () => {
    const steps = fakeList();
    const guarded = guardMigrations(steps);
    migrate({ format: 'faultline', version: 2, title: 't' }, 2, steps);
    expect(guarded.unrun()).toEqual([1]);
    migrate({ format: 'faultline', version: 1, name: 't' }, 1, steps);
    expect(guarded.unrun()).toEqual([]);
  });

  it('lets the real step run', () => {
    const steps = fakeList();
    guardMigrations(steps);
    expect(steps[1]!.up({ version: 2 })).toEqual({ version: 3, tags: [] });
  });
});
