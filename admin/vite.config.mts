import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is served by the registry at /; in dev mode Vite serves it and hands the API to the server on :4000.
export default defineConfig({
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  server: {
    port: 5173,
    proxy: { '/graphql': { target: process.env.API_URL ?? 'http://localhost:4000', changeOrigin: false } },
  },
});
