import { useReactFlow } from '@xyflow/react';
import { useEffect, useMemo, useState, type RefObject } from 'react';
import { describeImportError, tooLarge } from '../io/errors.ts';
import { exportFileName } from '../io/export.ts';
import { drawio } from '../io/formats/drawio.ts';
import { faultlineJson } from '../io/formats/faultline.ts';
import { mermaid } from '../io/formats/mermaid.ts';
import type { FileFormat } from '../io/formats/format.ts';
import { openDocument } from '../io/formats/registry.ts';
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
export function useServices(store: EditorStore, fileInput: RefObject<HTMLInputElement | null>): AppServices {
  const flow = useReactFlow();
  const [persistence] = useState(() => createLazyPersistence(store));
  const [layoutClient] = useState(createLayoutClient);

  useEffect(() => {
    // A live room's link opens as a new diagram once the library is up.
    void persistence.start().then(() => joinFromLocation(store, () => persistence.createNew(emptyDiagram('Live diagram'))));
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
    // Files go by their name's extension, then their content; pasted text by content.
    const open = (text: string, source: string, fileName?: string) => {
      void openDocument(text, { fileName, source }).then((result) => {
        if (result.ok) openImported(result.doc, source, result.notes, result.report !== undefined);
        else fail(`Could not import ${source}: ${describeImportError(result.error)}`);
      });
    };
    // Every written format comes from the registry: its serializer, its extension, its type.
    /** Downloads the document in `format`, written by the format or by `serialize`. */
    const writeAs = async (format: FileFormat, serialize = format.serialize) => {
      const { doc } = store.getState();
      if (!serialize) return;
      try {
        const text = await serialize(doc);
        download(exportFileName(doc.title, format.extensions[0]), new Blob([text], { type: format.mime }));
      } catch (error) {
        fail(`Could not export ${format.name}: ${messageOf(error)}`);
      }
    };
    return {
      persistence,
      importText: (text, source) => open(text, source),
      importFiles(files) {
        for (const file of files) {
          // Refused before reading, so a huge file never lands in memory.
          if (file.size > MAX_FILE_BYTES) {
            fail(`Could not import ${file.name}: ${describeImportError(tooLarge(file.size))}`);
            continue;
          }
          void file.text().then((text) => open(text, file.name, file.name));
        }
      },
      importFile: () => fileInput.current?.click(),
      exportJson: () => void writeAs(faultlineJson),
      exportDrawio: () => void writeAs(drawio),
      exportMermaid: () => void writeAs(mermaid),
      exportImage(format, theme = 'light') {
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
  }, [store, flow, persistence, layoutClient, fileInput]);
}
