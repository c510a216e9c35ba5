import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bpmnHash,
  bpmnNames,
  diagramsDir,
  orphanDiagrams,
  pngHash,
  processesDir,
  renderDiagrams,
  svgHash,
} from '../../scripts/render-diagrams.js';
import { launchChromium } from '../support/browser.js';

const staleHint = 'stale: run npm run diagrams and commit docs/diagrams/';

/** The text a rendered SVG shows, with the markup and line breaks of wrapped labels removed. */
function shownText(svg: string): string {
  return svg.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]+>/g, '').replace(/\s+/g, '');
}

describe('README diagrams of the processes (docs/diagrams)', () => {
  it('has an SVG and a PNG for every BPMN in processes/', () => {
    const names = bpmnNames();
    expect(names).toEqual(expect.arrayContaining(['case-closed-loop', 'joint-enforcement', 'joint-enforcement-series', 'joint-patrol', 'joint-patrol-schedule', 'shop-credit-reset']));
    const missing = names.flatMap((name) => [`${name}.svg`, `${name}.png`]).filter((file) => !existsSync(path.join(diagramsDir, file)));
    expect(missing, 'missing: run npm run diagrams').toEqual([]);
  });

  it.each(bpmnNames())('the committed diagram of %s was rendered from its current BPMN', (name) => {
    const hash = bpmnHash(readFileSync(path.join(processesDir, `${name}.bpmn`)));
    expect(svgHash(readFileSync(path.join(diagramsDir, `${name}.svg`), 'utf8')), staleHint).toBe(hash);
    expect(pngHash(readFileSync(path.join(diagramsDir, `${name}.png`))), staleHint).toBe(hash);
  });

  it('keeps no diagram whose BPMN is gone', () => {
    expect(orphanDiagrams(), 'run npm run diagrams, which removes them').toEqual([]);
  });
});

describe('npm run diagrams (bpmn-js in Chromium)', () => {
  let workDir: string;
  let sourceDir: string;
  let outDir: string;
  let browser: Browser;

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(tmpdir(), 'lianqin-diagrams-'));
    sourceDir = path.join(workDir, 'processes');
    outDir = path.join(workDir, 'diagrams');
    mkdirSync(sourceDir);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('renders a BPMN into an SVG and a PNG stamped with its hash, and again only once the BPMN changed', async () => {
    // given a copy of the shop credit reset process
    const bpmn = readFileSync(path.join(processesDir, 'shop-credit-reset.bpmn'), 'utf8');
    writeFileSync(path.join(sourceDir, 'shop-credit-reset.bpmn'), bpmn);

    // when it is rendered
    expect(await renderDiagrams({ sourceDir, outDir, browser })).toEqual({ rendered: ['shop-credit-reset'], removed: [] });

    // then the SVG shows the pool, both lanes and every step by name, and both images carry the BPMN's hash
    const svg = readFileSync(path.join(outDir, 'shop-credit-reset.svg'), 'utf8');
    expect(svg).toMatch(/^<\?xml[\s\S]*<svg [^>]*viewBox="[^"]+"/);
    const names = [...bpmn.matchAll(/<bpmn:(?!process\b)\w+ [^>]*name="([^"]+)"/g)].map((match) => match[1]);
    expect(names).toEqual(['商户信用分年度重置', '流程引擎定时作业', '市场监管（自动作业）', '每年1月1日0时', '重置商户信用分', '信用分已重置']);
    for (const name of names) expect(shownText(svg)).toContain(name);
    expect(svgHash(svg)).toBe(bpmnHash(bpmn));
    const png = readFileSync(path.join(outDir, 'shop-credit-reset.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThan(600);
    expect(pngHash(png)).toBe(bpmnHash(bpmn));

    // when nothing changed, nothing is rendered again
    expect(await renderDiagrams({ sourceDir, outDir, browser })).toEqual({ rendered: [], removed: [] });

    // when a step is renamed, that diagram is rendered again and shows the new name
    writeFileSync(path.join(sourceDir, 'shop-credit-reset.bpmn'), bpmn.replace('name="重置商户信用分"', 'name="信用分归一千"'));
    expect(await renderDiagrams({ sourceDir, outDir, browser })).toEqual({ rendered: ['shop-credit-reset'], removed: [] });
    expect(shownText(readFileSync(path.join(outDir, 'shop-credit-reset.svg'), 'utf8'))).toContain('信用分归一千');

    // when the BPMN is deleted, its diagrams go too
    rmSync(path.join(sourceDir, 'shop-credit-reset.bpmn'));
    expect(await renderDiagrams({ sourceDir, outDir, browser })).toEqual({ rendered: [], removed: ['shop-credit-reset.png', 'shop-credit-reset.svg'] });
  });

  it('refuses a BPMN whose drawing points at a missing element, naming the file, and writes nothing for it', async () => {
    // given a BPMN whose diagram has a shape of an element that does not exist
    const bpmn = readFileSync(path.join(processesDir, 'shop-credit-reset.bpmn'), 'utf8').replace('bpmnElement="reset-credit"', 'bpmnElement="no-such-task"');
    writeFileSync(path.join(sourceDir, 'broken.bpmn'), bpmn);

    // when it is rendered, then the error names the file and the unresolved reference
    await expect(renderDiagrams({ sourceDir, outDir, browser })).rejects.toThrow(/broken\.bpmn: bpmn-js could not import every element:[\s\S]*no-such-task/);
    expect(existsSync(path.join(outDir, 'broken.svg'))).toBe(false);
  });
});
