import { defineConfig } from 'vitest/config';

// Unit tests: pure domain code and the db layer (fake-indexeddb), in Node.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
  },
});
