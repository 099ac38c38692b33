import { createRequire } from 'node:module';

import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // graphql ships separate CommonJS and ESM builds; Apollo and type-graphql load the CommonJS one, so the
  // code under test must too, or two GraphQLError classes exist and instanceof lies.
  // graphql-armor's "module" build is not valid Node ESM (Vite would inline it and route its graphql imports through the
  // alias above); its CommonJS main loads natively, with the same CommonJS graphql.
  resolve: { alias: { graphql: require.resolve('graphql'), '@escape.tech/graphql-armor': require.resolve('@escape.tech/graphql-armor') } },
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
