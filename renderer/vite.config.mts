/**
 * Vite build of the renderer: root renderer/, output dist/renderer, relative base for file:// loads.
 * The CSP `<meta>` tag of index.html is written here from main/csp.ts (sources from the build's
 * environment: PROZVON_SERVER_URL, PROZVON_PBX_URLS or SIP_WS_URL), the same policy the hosts send.
 */
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { cspHtmlTransform } from '../main/csp';

const root = fileURLToPath(new URL('.', import.meta.url));

const csp: Plugin = {
  name: 'prozvon-csp',
  transformIndexHtml: cspHtmlTransform(process.env),
};

export default defineConfig({
  root,
  base: './',
  plugins: [react(), csp],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // One desktop bundle (phone metadata, obscene-word lists, zod): size matters less than in a web page.
    chunkSizeWarningLimit: 1500,
  },
});
