import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // swc emits the decorator metadata type-graphql and MikroORM read; esbuild would not.
  plugins: [swc.vite({ jsc: { transform: { useDefineForClassFields: false, decoratorMetadata: true, legacyDecorator: true } } })],
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
