import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'bench/baseline',
  base: './',
  plugins: [react()],
  build: { outDir: '../out/baseline', emptyOutDir: true },
});
