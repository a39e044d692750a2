import { describe, expect, it } from 'vitest';
import { entryClosure } from './bundle-budget.ts';

const chunk = (fileName: string, imports: string[] = [], isEntry = false) => ({ type: 'chunk' as const, fileName, code: '', isEntry, imports });

describe('entryClosure', () => {
  it('follows static imports from the entry and leaves lazy chunks out', () => {
    const bundle = {
      'index.js': chunk('index.js', ['vendor.js'], true),
      'vendor.js': chunk('vendor.js', ['shared.js']),
      'shared.js': chunk('shared.js'),
      'elk.worker.js': chunk('elk.worker.js'),
      'export.js': chunk('export.js', ['shared.js']),
      'style.css': { type: 'asset' as const },
    };
    expect([...entryClosure(bundle)].sort()).toEqual(['index.js', 'shared.js', 'vendor.js']);
  });
});
