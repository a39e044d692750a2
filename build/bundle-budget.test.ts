import { describe, expect, it } from 'vitest';
import { entryClosure, oversizeFiles } from './bundle-budget.ts';

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

describe('oversizeFiles', () => {
  it('names chunks and assets over the precache limit', () => {
    const items = [
      { type: 'chunk' as const, fileName: 'small.js', code: 'x'.repeat(10) },
      { type: 'chunk' as const, fileName: 'big.js', code: 'x'.repeat(101) },
      { type: 'asset' as const, fileName: 'big.png', source: new Uint8Array(200) },
      { type: 'asset' as const, fileName: 'ok.json', source: '{}' },
    ];
    expect(oversizeFiles(items, 100)).toEqual(['big.js', 'big.png']);
  });
});
