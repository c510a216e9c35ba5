// Renders every BPMN in processes/ to docs/diagrams/<name>.svg and .png with bpmn-js in headless Chromium, for the
// README: npm run diagrams [-- --force | --check]. Each image carries the SHA-256 of its BPMN, so only stale ones are
// rendered again and a test can tell that a committed diagram still matches its BPMN.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../test/support/browser.js';
import { repoRoot } from './lib/paths.js';

/** Where the BPMN sources live. */
export const processesDir = path.join(repoRoot, 'processes');
/** Where the rendered diagrams are committed. */
export const diagramsDir = path.join(repoRoot, 'docs', 'diagrams');

/** The PNG tEXt keyword (and SVG comment key) under which an image records the hash of its BPMN. */
const hashKey = 'lianqin-bpmn-sha256';
/** Pixels per diagram unit in the PNG: sharp on high-density screens, still a few hundred kB. */
const pngScale = 1.5;

const viewerScript = createRequire(import.meta.url).resolve('bpmn-js/dist/bpmn-viewer.production.min.js');

/** The SHA-256 of a BPMN's text, hex; line endings are normalised so that a CRLF checkout is not stale. */
export function bpmnHash(bpmn: Buffer | string): string {
  return createHash('sha256').update(bpmn.toString().replace(/\r\n/g, '\n')).digest('hex');
}

/** The names (without .bpmn) of the BPMN files in a folder, sorted. */
export function bpmnNames(dir = processesDir): string[] {
  return readdirSync(dir).filter((file) => file.endsWith('.bpmn')).map((file) => file.slice(0, -'.bpmn'.length)).sort();
}

/** The BPMN hash recorded in a rendered SVG, or null when there is none. */
export function svgHash(svg: string): string | null {
  return new RegExp(`<!-- ${hashKey}: ([0-9a-f]{64}) -->`).exec(svg)?.[1] ?? null;
}

/** The BPMN hash recorded in a rendered PNG's tEXt chunk, or null when there is none. */
export function pngHash(png: Buffer): string | null {
  for (let at = 8; at + 12 <= png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'tEXt') {
      const [keyword, text] = png.toString('latin1', at + 8, at + 8 + length).split('\0');
      if (keyword === hashKey && text) return text;
    }
    if (type === 'IEND') break;
    at += 12 + length;
  }
  return null;
}

/** A PNG with a tEXt chunk recording the BPMN hash, placed right after the IHDR chunk. */
function withPngHash(png: Buffer, hash: string): Buffer {
  const body = Buffer.from(`tEXt${hashKey}\0${hash}`, 'latin1');
  const chunk = Buffer.alloc(body.length + 8);
  chunk.writeUInt32BE(body.length - 4, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(body), body.length + 4);
  const afterHeader = 8 + 12 + png.readUInt32BE(8);
  return Buffer.concat([png.subarray(0, afterHeader), chunk, png.subarray(afterHeader)]);
}

/** Names whose committed SVG or PNG is missing or was rendered from another version of the BPMN. */
export function staleDiagrams(sourceDir = processesDir, outDir = diagramsDir): string[] {
  return bpmnNames(sourceDir).filter((name) => {
    const hash = bpmnHash(readFileSync(path.join(sourceDir, `${name}.bpmn`)));
    const svgFile = path.join(outDir, `${name}.svg`);
    const pngFile = path.join(outDir, `${name}.png`);
    if (!existsSync(svgFile) || !existsSync(pngFile)) return true;
    return svgHash(readFileSync(svgFile, 'utf8')) !== hash || pngHash(readFileSync(pngFile)) !== hash;
  });
}

/** Diagrams in the output folder whose BPMN no longer exists. */
export function orphanDiagrams(sourceDir = processesDir, outDir = diagramsDir): string[] {
  if (!existsSync(outDir)) return [];
  const names = new Set(bpmnNames(sourceDir));
  const imageOf = /\.(svg|png)$/;
  return readdirSync(outDir).filter((file) => imageOf.test(file) && !names.has(file.replace(imageOf, ''))).sort();
}

/** What rendering one BPMN gave: the standalone SVG (with its hash) and the PNG (with its hash). */
export interface RenderedDiagram {
  svg: string;
  png: Buffer;
}

/** Renders one BPMN with bpmn-js's viewer in a blank page (no network); import warnings are errors. */
export async function renderDiagram(browser: Browser, bpmn: string): Promise<RenderedDiagram> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, deviceScaleFactor: pngScale });
  try {
    await page.setContent('<!doctype html><html><body style="margin:0"><div id="canvas" style="width:1600px;height:1000px"></div></body></html>');
    await page.addScriptTag({ path: viewerScript });
    const { svg, warnings } = await page.evaluate(async (xml) => {
      const BpmnJS = (window as unknown as { BpmnJS: new (options: { container: string }) => BpmnViewer }).BpmnJS;
      const viewer = new BpmnJS({ container: '#canvas' });
      const imported = await viewer.importXML(xml);
      const saved = await viewer.saveSVG();
      viewer.destroy();
      return { svg: saved.svg, warnings: imported.warnings.map((warning) => warning.message) };
    }, bpmn);
    if (warnings.length > 0) throw new Error(`bpmn-js could not import every element:\n  ${warnings.join('\n  ')}`);

    const hash = bpmnHash(bpmn);
    const svgStart = svg.indexOf('<svg');
    const [width, height] = [/width="([\d.]+)"/, /height="([\d.]+)"/].map((pattern) => Math.ceil(Number(pattern.exec(svg.slice(svgStart))?.[1] ?? 0)));
    await page.setViewportSize({ width: width || 1600, height: height || 1000 });
    await page.setContent(`<!doctype html><html><body style="margin:0;background:#fff">${svg.slice(svgStart)}</body></html>`);
    const png = await page.locator('svg').screenshot({ animations: 'disabled' });
    const stampedSvg = `${svg.slice(0, svgStart)}<!-- ${hashKey}: ${hash} -->\n${svg.slice(svgStart)}`;
    return { svg: stampedSvg.endsWith('\n') ? stampedSvg : `${stampedSvg}\n`, png: withPngHash(png, hash) };
  } finally {
    await page.close();
  }
}

/** The parts of bpmn-js's Viewer used in the page. */
interface BpmnViewer {
  importXML(xml: string): Promise<{ warnings: Array<{ message: string }> }>;
  saveSVG(): Promise<{ svg: string }>;
  destroy(): void;
}

/** Options of renderDiagrams. */
export interface RenderOptions {
  /** @default processes/ */
  sourceDir?: string;
  /** @default docs/diagrams/ */
  outDir?: string;
  /** Render every BPMN, also those whose diagram is up to date. @default false */
  force?: boolean;
  /** A Chromium to render in, left open; by default one is launched and closed. */
  browser?: Browser;
}

/** Renders the stale (or, with force, all) diagrams and removes orphans; returns the names rendered and removed. */
export async function renderDiagrams(options: RenderOptions = {}): Promise<{ rendered: string[]; removed: string[] }> {
  const { sourceDir = processesDir, outDir = diagramsDir, force = false } = options;
  const todo = force ? bpmnNames(sourceDir) : staleDiagrams(sourceDir, outDir);
  const removed = orphanDiagrams(sourceDir, outDir);
  removed.forEach((file) => rmSync(path.join(outDir, file)));
  if (todo.length === 0) return { rendered: [], removed };

  mkdirSync(outDir, { recursive: true });
  const browser = options.browser ?? (await launchChromium());
  try {
    for (const name of todo) {
      const bpmnFile = path.join(sourceDir, `${name}.bpmn`);
      const { svg, png } = await renderDiagram(browser, readFileSync(bpmnFile, 'utf8')).catch((error: Error) => {
        throw new Error(`${path.relative(repoRoot, bpmnFile)}: ${error.message}`);
      });
      writeFileSync(path.join(outDir, `${name}.svg`), svg);
      writeFileSync(path.join(outDir, `${name}.png`), png);
    }
  } finally {
    if (!options.browser) await browser.close();
  }
  return { rendered: todo, removed };
}

async function main(args: string[]): Promise<void> {
  if (args.includes('--check')) {
    const stale = [...staleDiagrams(), ...orphanDiagrams()];
    if (stale.length > 0) throw new Error(`diagrams out of date (run npm run diagrams): ${stale.join(', ')}`);
    console.log('[diagrams] every diagram is up to date');
    return;
  }
  const { rendered, removed } = await renderDiagrams({ force: args.includes('--force') });
  const where = path.relative(repoRoot, diagramsDir);
  rendered.forEach((name) => console.log(`[diagrams] rendered ${where}/${name}.svg and .png`));
  removed.forEach((file) => console.log(`[diagrams] removed ${where}/${file} (its BPMN is gone)`));
  if (rendered.length + removed.length === 0) console.log('[diagrams] every diagram is up to date');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: Error) => {
    console.error(`[diagrams] ${error.message}`);
    process.exit(1);
  });
}
