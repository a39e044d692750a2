import { useReactFlow } from '@xyflow/react';
import { useEffect, useMemo, useState, type RefObject } from 'react';
import { describeImportError, tooLarge } from '../io/errors.ts';
import { exportFileName } from '../io/export.ts';
import type { WritableFormat } from '../io/formats/format.ts';
import type { PageSummary } from '../io/formats/report.ts';
import { openDocument, writableFormatById } from '../io/formats/registry.ts';
import { svgImage } from '../io/formats/svg.ts';
import { MAX_FILE_BYTES } from '../io/limits.ts';
import { adoptLayout } from '../layout/adopt.ts';
import { createLayoutClient } from '../layout/client.ts';
import type { CommandServices } from '../commands/registry.ts';
import type { EditorStore } from '../store/editor.ts';
import { createLazyPersistence } from './lazyPersistence.ts';
import { joinFromLocation, shareLive } from '../collab/live.ts';
import { emptyDiagram, type Diagram } from '../model/types.ts';
import type { Persistence } from './persistence.ts';

/** Asks the person which page of a file of several to open: its index, or null for Cancel. */
export type ChoosePage = (source: string, pages: readonly PageSummary[]) => Promise<number | null>;

export interface AppServices extends CommandServices {
  importFiles(files: File[]): void;
  importText(text: string, source: string): void;
  persistence: Persistence;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Lets the nodes glide to the positions a layout gives them, then stops animating
 *  so that dragging stays immediate. */
function animateNextMove(): void {
  const canvas = document.querySelector('.canvas');
  canvas?.classList.add('is-animating');
  setTimeout(() => canvas?.classList.remove('is-animating'), 450);
}

/** The page-facing side of commands: files, downloads, layout and storage. */
export function useServices(store: EditorStore, fileInput: RefObject<HTMLInputElement | null>, choosePage: ChoosePage): AppServices {
  const flow = useReactFlow();
  const [persistence] = useState(() => createLazyPersistence(store));
  const [layoutClient] = useState(createLayoutClient);

  useEffect(() => {
    // A live room's link opens, once the library is up, in the diagram that holds
    // this browser's copy of the room, or in a new one.
    const reopen = async (id: string) => {
      const library = persistence.library();
      if (!library || !(await library.list()).some((entry) => entry.id === id)) return false;
      if (store.getState().diagramId !== id) await persistence.open(id);
      return true;
    };
    const openNew = () => persistence.createNew(emptyDiagram('Live diagram'));
    void persistence.start().then(() => joinFromLocation(store, { reopen, openNew }));
    return () => persistence.stop();
  }, [persistence, store]);

  return useMemo(() => {
    const fail = (text: string) => store.getState().showNotice({ kind: 'error', text });
    const openImported = (doc: Diagram, source: string, notes: readonly string[], converted: boolean) => {
      // A converted file (draw.io, Mermaid) says what became of each element, behind its summary.
      if (converted) {
        const [summary = '', ...details] = notes;
        void persistence.openAsNew(doc).then(() => store.getState().showNotice({ kind: 'info', text: `Opened ${source} as a new diagram. ${summary}`, details }));
        return;
      }
      // An older file's upgrade may have moved a property aside; the person should know.
      const upgraded = notes.length === 0 ? '' : ` Upgraded to format version ${doc.version}: ${notes.slice(0, 3).join('; ')}${notes.length > 3 ? `; and ${notes.length - 3} more` : ''}.`;
      void persistence.openAsNew(doc).then(() => store.getState().showNotice({ kind: 'info', text: `Opened ${source} as a new diagram.${upgraded}` }));
    };
    // Files go by their name's extension, then their content (a PNG by its bytes);
    // pasted text by content. A draw.io file of several pages opens at its first, and
    // the person is asked which to keep: another page is read again with that choice,
    // and Cancel leaves everything as it was.
    const open = async (content: string | Uint8Array, source: string, fileName?: string) => {
      let result = await openDocument(content, { fileName, source });
      const pages = result.ok && result.report?.format === 'drawio' ? result.report.pages : [];
      if (pages.length > 1) {
        const page = await choosePage(source, pages);
        if (page === null) return;
        if (page !== 0) result = await openDocument(content, { fileName, source, page });
      }
      if (result.ok) openImported(result.doc, source, result.notes, result.report !== undefined);
      else fail(`Could not import ${source}: ${describeImportError(result.error)}`);
    };
    // Every written format comes from the registry: its serializer, its extension, its type.
    /** Downloads the document in `format`, written by the format or by `serialize`. */
    const writeAs = async (format: WritableFormat, serialize = format.serialize) => {
      const { doc } = store.getState();
      try {
        const text = await serialize(doc);
        download(exportFileName(doc.title, format.extensions[0]), new Blob([text], { type: format.mime }));
      } catch (error) {
        fail(`Could not export ${format.name}: ${messageOf(error)}`);
      }
    };
    return {
      persistence,
      importText: (text, source) => void open(text, source),
      importFiles(files) {
        // One after another, so that two files of several pages ask in turn.
        void files.reduce(async (previous, file) => {
          await previous;
          // Refused before reading, so a huge file never lands in memory.
          if (file.size > MAX_FILE_BYTES) return fail(`Could not import ${file.name}: ${describeImportError(tooLarge(file.size))}`);
          await open(new Uint8Array(await file.arrayBuffer()), file.name, file.name);
        }, Promise.resolve());
      },
      importFile: () => fileInput.current?.click(),
      exportAs(id) {
        const format = writableFormatById(id);
        if (format) void writeAs(format);
      },
      exportPicture(format, theme = 'light') {
        // Both are drawn on demand; most sessions never export a picture.
        const drawing = () => import('./exportImage.ts');
        if (format === 'svg') return void writeAs(svgImage, async (doc) => (await drawing()).exportSvg(doc, { theme }));
        const { doc } = store.getState();
        drawing()
          .then(({ exportPng }) => exportPng(doc, { theme }))
          .then(
            (blob) => download(exportFileName(doc.title, '.png'), blob),
            (error: unknown) => fail(`Could not export PNG: ${messageOf(error)}`),
          );
      },
      shareLive: () => void shareLive(store),
      copyLink() {
        void import('../io/share.ts').then(async ({ encodeShareLink }) => {
          const fragment = await encodeShareLink(store.getState().doc);
          const url = `${location.origin}${location.pathname}#${fragment}`;
          try {
            await navigator.clipboard.writeText(url);
            store.getState().showNotice({ kind: 'info', text: 'Link copied. It holds the whole diagram; nothing is uploaded.' });
          } catch {
            history.replaceState(null, '', url);
            store.getState().showNotice({ kind: 'info', text: 'The link is in the address bar. It holds the whole diagram; nothing is uploaded.' });
          }
        });
      },
      fitView: () => void flow.fitView({ padding: 0.15, duration: 200 }),
      autoLayout() {
        const state = store.getState();
        state.setLayoutRunning(true);
        void layoutClient.layout(state.doc, { direction: state.layoutDirection }).then(
          (result) => {
            if (result === 'cancelled') return;
            store.getState().setLayoutRunning(false);
            animateNextMove();
            store.getState().edit((current) => adoptLayout(current, result));
            store.getState().requestFit();
          },
          (error: unknown) => {
            store.getState().setLayoutRunning(false);
            fail(`Auto layout failed: ${error instanceof Error ? error.message : String(error)}`);
          },
        );
      },
      cancelLayout() {
        layoutClient.cancel();
        store.getState().setLayoutRunning(false);
      },
    };
  }, [store, flow, persistence, layoutClient, fileInput, choosePage]);
}
