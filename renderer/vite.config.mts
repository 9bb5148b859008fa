/** Vite build of the renderer: root renderer/, output dist/renderer, relative base for file:// loads. */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // One desktop bundle (phone metadata, obscene-word lists, zod): size matters less than in a web page.
    chunkSizeWarningLimit: 1500,
  },
});
