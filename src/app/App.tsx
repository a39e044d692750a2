import { ReactFlowProvider } from '@xyflow/react';
import { lazy, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import { Canvas } from '../canvas/Canvas.tsx';
import type { CommandContext } from '../commands/registry.ts';
import { acceptAttribute } from '../io/formats/registry.ts';
import { BlastBanner } from '../panels/BlastBanner.tsx';
import { LiveBar } from '../panels/LiveBar.tsx';
import { Findings } from '../panels/Findings.tsx';
import { Notice } from '../panels/Notice.tsx';
import { Numbers } from '../panels/Numbers.tsx';
import { Palette } from '../panels/Palette.tsx';
import { Properties } from '../panels/Properties.tsx';
import { Toolbar } from '../panels/Toolbar.tsx';
import { EditorContext, useEditor } from '../store/context.ts';
import type { EditorStore } from '../store/editor.ts';
import { UpdateNotice } from './UpdateNotice.tsx';
import { useAnalysis } from './useAnalysis.ts';
import type { PageRequest } from '../panels/PageDialog.tsx';
import { useServices, type ChoosePage } from './useServices.ts';
import { useShortcuts } from './useShortcuts.ts';

// Dialogs, and the starter designs' data, are not needed for the first paint.
const TemplatesDialog = lazy(() => import('../panels/TemplatesDialog.tsx').then((module) => ({ default: module.TemplatesDialog })));
const ShortcutsDialog = lazy(() => import('../panels/ShortcutsDialog.tsx').then((module) => ({ default: module.ShortcutsDialog })));
const RulesDialog = lazy(() => import('../panels/RulesDialog.tsx').then((module) => ({ default: module.RulesDialog })));
const DeleteGroupDialog = lazy(() => import('../panels/DeleteGroupDialog.tsx').then((module) => ({ default: module.DeleteGroupDialog })));
const PageDialog = lazy(() => import('../panels/PageDialog.tsx').then((module) => ({ default: module.PageDialog })));
const LibraryDialog = lazy(() => import('../panels/LibraryDialog.tsx').then((module) => ({ default: module.LibraryDialog })));

export function App({ store }: { store: EditorStore }) {
  return (
    <EditorContext.Provider value={store}>
      <ReactFlowProvider>
        <Editor store={store} />
      </ReactFlowProvider>
    </EditorContext.Provider>
  );
}

function Editor({ store }: { store: EditorStore }) {
  const fileInput = useRef<HTMLInputElement>(null);
  // A file of several pages waits here for the person's choice.
  const [pageRequest, setPageRequest] = useState<(PageRequest & { answer(page: number | null): void }) | null>(null);
  const choosePage = useCallback<ChoosePage>((source, pages) => new Promise((answer) => setPageRequest({ source, pages, answer })), []);
  const services = useServices(store, fileInput, choosePage);
  const context: CommandContext = useMemo(() => ({ store, services }), [store, services]);
  useShortcuts(context, services.importText);
  useAnalysis(store);
  const dialog = useEditor((state) => state.dialog);
  const close = () => store.getState().closeDialog();
  return (
    <div className="app">
      <Toolbar context={context} />
      <Notice />
      <LiveBar />
      <UpdateNotice persistence={services.persistence} />
      <main className="workspace">
        <Palette />
        <div className="canvas-column">
          <BlastBanner />
          <Canvas context={context} onFilesDropped={services.importFiles} />
        </div>
        <aside className="side-panel">
          <Properties />
          <Numbers />
          <Findings />
        </aside>
      </main>
      <input
        type="file"
        accept={acceptAttribute()}
        className="visually-hidden"
        aria-label="Choose a JSON file to import"
        tabIndex={-1}
        ref={fileInput}
        onChange={(event) => {
          services.importFiles([...(event.target.files ?? [])]);
          event.target.value = '';
        }}
      />
      <Suspense fallback={null}>
        {dialog === 'shortcuts' && <ShortcutsDialog onClose={close} />}
        {dialog === 'rules' && <RulesDialog onClose={close} />}
        {dialog === 'delete-group' && <DeleteGroupDialog onClose={close} />}
        {dialog === 'library' && <LibraryDialog persistence={services.persistence} onClose={close} />}
        {dialog === 'templates' && <TemplatesDialog persistence={services.persistence} onClose={close} />}
        {pageRequest && (
          <PageDialog
            request={pageRequest}
            onChoose={(page) => {
              setPageRequest(null);
              pageRequest.answer(page);
            }}
          />
        )}
      </Suspense>
    </div>
  );
}
