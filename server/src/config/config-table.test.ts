import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { configTable } from './config-table.js';

describe('the README configuration table', () => {
  it('matches the config schema (regenerate with npm run config:doc)', async () => {
    const readme = await readFile(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(configTable());
  });
});
