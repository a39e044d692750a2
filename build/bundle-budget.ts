import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

// Fails the production build when the JavaScript that index.html loads before first
// paint (the entry chunk and everything it imports statically) grows past the
// budget, or when any file grows past what the service worker will precache (it
// would silently leave that file out, and the app would break offline). Reports
// every chunk's size in dist/bundle-report.json.

/** Workbox skips larger files; vite.config.ts sets the same limit. */
export const MAX_PRECACHE_BYTES = 2 * 1024 * 1024;

export interface ChunkSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleReport {
  budgetGzipBytes: number;
  entryGzipBytes: number;
  entry: ChunkSize[];
  lazy: ChunkSize[];
}

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  code: string;
  isEntry: boolean;
  imports: string[];
}

export function entryClosure(bundle: Record<string, ChunkLike | { type: 'asset' }>): Set<string> {
  const closure = new Set<string>();
  const pending = Object.values(bundle)
    .filter((item): item is ChunkLike => item.type === 'chunk' && item.isEntry)
    .map((chunk) => chunk.fileName);
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (closure.has(file)) continue;
    closure.add(file);
    const chunk = bundle[file];
    if (chunk?.type === 'chunk') pending.push(...chunk.imports);
  }
  return closure;
}

type Emitted = { type: 'chunk'; fileName: string; code: string } | { type: 'asset'; fileName: string; source: string | Uint8Array };

/** Files the service worker would refuse to precache. */
export function oversizeFiles(items: readonly Emitted[], maxBytes: number): string[] {
  return items
    .filter((item) => (item.type === 'chunk' ? Buffer.byteLength(item.code) : Buffer.byteLength(item.source)) > maxBytes)
    .map((item) => item.fileName);
}

export function bundleBudget(budgetGzipBytes: number): Plugin {
  return {
    name: 'faultline-bundle-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const items = bundle as unknown as Record<string, ChunkLike | { type: 'asset' }>;
      const entryFiles = entryClosure(items);
      const sizes = (Object.values(items).filter((item) => item.type === 'chunk') as ChunkLike[]).map((chunk) => ({
        file: chunk.fileName,
        bytes: Buffer.byteLength(chunk.code),
        gzipBytes: gzipSync(chunk.code).length,
      }));
      const entry = sizes.filter((size) => entryFiles.has(size.file));
      const report: BundleReport = {
        budgetGzipBytes,
        entryGzipBytes: entry.reduce((sum, size) => sum + size.gzipBytes, 0),
        entry,
        lazy: sizes.filter((size) => !entryFiles.has(size.file)),
      };
      this.emitFile({ type: 'asset', fileName: 'bundle-report.json', source: JSON.stringify(report, null, 2) });
      const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
      this.info(`entry JavaScript ${kb(report.entryGzipBytes)} gzip (budget ${kb(budgetGzipBytes)})`);
      const oversize = oversizeFiles(Object.values(bundle), MAX_PRECACHE_BYTES);
      if (oversize.length > 0) {
        this.error(`Too large to precache for offline use (over ${kb(MAX_PRECACHE_BYTES)}): ${oversize.join(', ')}`);
      }
      if (report.entryGzipBytes > budgetGzipBytes) {
        this.error(
          `The first-load JavaScript is ${kb(report.entryGzipBytes)} gzip, over the ${kb(budgetGzipBytes)} budget: ` +
            entry.map((size) => `${size.file} ${kb(size.gzipBytes)}`).join(', '),
        );
      }
    },
  };
}
