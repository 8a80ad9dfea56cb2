// @ts-check
import { defineConfig } from 'astro/config';
import solid from '@astrojs/solid-js';
import AstroPWA from '@vite-pwa/astro';

export default defineConfig({
  server: { port: 4321, host: '127.0.0.1' },
  preview: { port: 4321, host: '127.0.0.1' },
  integrations: [
    solid(),
    AstroPWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,woff2}'],
        navigateFallback: '/',
        clientsClaim: true,
      },
    }),
  ],
  vite: {
    worker: { format: 'es' },
  },
});
