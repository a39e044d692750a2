import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { App } from './App.tsx';
import { createEditorStore } from '../store/editor.ts';
import { startColorScheme } from './colorScheme.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const store = createEditorStore();
// Before the first paint, so a dark page never flashes light.
startColorScheme(store);
createRoot(root).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
