// Vite settings for Storybook (dev, build and the story tests). Lit's production build (no dev-mode
// warning), and every Lit entry point pre-bundled together, so the page loads one copy of Lit.
import { defineConfig } from 'vite';

export default defineConfig({
  resolve: { conditions: ['production', 'module', 'browser'] },
  optimizeDeps: {
    include: [
      'lit',
      'lit/decorators.js',
      'lit/directives/unsafe-svg.js',
      'lit/directives/if-defined.js',
      '@lit/context',
      '@storybook/web-components-vite',
    ],
  },
});
