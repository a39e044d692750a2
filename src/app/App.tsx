import { ReactFlowProvider } from '@xyflow/react';
import { lazy, Suspense, useMemo, useRef } from 'react';
import { Canvas } from '../canvas/Canvas.tsx';
import type { CommandContext } from '../commands/registry.ts';
import { acceptAttribute } from '../io/formats/registry.ts';
import { BlastBanner } from '../panels/BlastBanner.tsx';
import { DeleteGroupDialog } from '../panels/DeleteGroupDialog.tsx';
import { LibraryDialog } from '../panels/LibraryDialog.tsx';
import { LiveBar } from '../panels/LiveBar.tsx';
import { Findings } from '../panels/Findings.tsx';
import { Notice } from '../panels/Notice.tsx';
import { Numbers } from '../panels/Numbers.tsx';
import { Palette } from '../panels/Palette.tsx';
import { Properties } from '../panels/Properties.tsx';
import { RulesDialog } from '../panels/RulesDialog.tsx';
import { ShortcutsDialog } from '../panels/ShortcutsDialog.tsx';
import { Toolbar } from '../panels/Toolbar.tsx';
import { EditorContext, useEditor } from '../store/context.ts';
import type { EditorStore } from '../store/editor.ts';
import { UpdateNotice } from './UpdateNotice.tsx';
import { useAnalysis } from './useAnalysis.ts';
import { useServices } from './useServices.ts';
import { useShortcuts } from './useShortcuts.ts';

// The starter designs are data the first paint does not need.
const TemplatesDialog = lazy(() => import('../panels/TemplatesDialog.tsx').then((module) => ({ default: module.TemplatesDialog })));

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
  const services = useServices(store, fileInput);
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
          <Canvas onFilesDropped={services.importFiles} />
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
      {dialog === 'shortcuts' && <ShortcutsDialog onClose={close} />}
      {dialog === 'rules' && <RulesDialog onClose={close} />}
      {dialog === 'delete-group' && <DeleteGroupDialog onClose={close} />}
      {dialog === 'library' && <LibraryDialog persistence={services.persistence} onClose={close} />}
      {dialog === 'templates' && (
        <Suspense fallback={null}>
          <TemplatesDialog persistence={services.persistence} onClose={close} />
        </Suspense>
      )}
    </div>
  );
}
