import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = 'http://127.0.0.1:3000';

export default defineConfig({
  base: '/',
  plugins: [react()],
  // CodeMirror loads as its own chunks on first use (see ExpressionEditor, FieldView); the
  // limit sits just above today's main chunk so a heavy new import there gets noticed.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 700 },
  server: {
    proxy: { '/api': api, '/hooks': api },
  },
});
