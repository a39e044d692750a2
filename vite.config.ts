import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { bundleBudget, MAX_PRECACHE_BYTES } from './build/bundle-budget.ts';

/** The JavaScript index.html loads before first paint, gzip. */
const ENTRY_BUDGET_BYTES = 180 * 1024;

export default defineConfig({
  plugins: [
    react(),
    bundleBudget(ENTRY_BUDGET_BYTES),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icon.svg', 'icon-192.png', 'icon-512.png', 'icon-maskable-512.png'],
      manifest: {
        name: 'Faultline — architecture review',
        short_name: 'Faultline',
        description: 'Draw your system architecture and see where it breaks: single points of failure, CAP trade-offs and classic design mistakes.',
        theme_color: '#1f2937',
        background_color: '#f8fafc',
        display: 'standalone',
        start_url: '.',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Every lazy chunk, the ELK worker included, so the whole app works offline.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        maximumFileSizeToCacheInBytes: MAX_PRECACHE_BYTES,
        navigateFallback: 'index.html',
      },
    }),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false },
  preview: { port: 4173, strictPort: true },
});
