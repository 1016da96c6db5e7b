// Renders mermaid in a real headless browser: the `mermaid` package's own bundle loaded into Chromium (the
// global setup puts its path in ISG_CHROMIUM), driven by playwright-core. No network: the page is set from a
// string and the script from node_modules; Chromium's background connections are switched off.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Rendered {
  svg: string;
  /** What was drawn: the points of each line, and the category labels where they stand (a horizontal chart's: on its left axis). */
  lines: { x: number; y: number }[][];
  labels: { text: string; y: number }[];
  title: string;
  /** Elements of kinds a chart has no business holding (script, img, iframe, foreignObject…). */
  foreign: string[];
}

export async function withBrowser<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  const executablePath = process.env.ISG_CHROMIUM || '/usr/bin/chromium';
  const browser = await chromium.launch({ executablePath, args: FLAGS });
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

/** Renders one diagram's source (what a ```mermaid block holds) and reads the SVG back from the page. */
export async function renderMermaid(browser: Browser, source: string): Promise<Rendered> {
  const page = await browser.newPage();
  try {
    await page.setContent('<!doctype html><html><body><div id="chart"></div></body></html>');
    const bundle = join(dirname(createRequire(import.meta.url).resolve('mermaid/package.json')), 'dist', 'mermaid.min.js');
    await page.addScriptTag({ path: bundle });
    return await page.evaluate(async (src) => {
      // the page's globals, typed as far as this reads them (the project compiles without the DOM library)
      interface El {
        tagName: string;
        textContent: string | null;
        innerHTML: string;
        getAttribute(name: string): string | null;
        querySelector(sel: string): El | null;
        querySelectorAll(sel: string): Iterable<El>;
      }
      const page = globalThis as unknown as {
        mermaid: { initialize(c: object): void; render(id: string, s: string): Promise<{ svg: string }> };
        document: { getElementById(id: string): El };
      };
      const m = page.mermaid;
      m.initialize({ startOnLoad: false, securityLevel: 'strict' });
      const { svg } = await m.render('chart-svg', src);
      const host = page.document.getElementById('chart');
      host.innerHTML = svg;
      const points = (d: string) => [...d.matchAll(/[ML]\s*(-?[\d.]+)[ ,](-?[\d.]+)/g)].map((p) => ({ x: Number(p[1]), y: Number(p[2]) }));
      const lines = [...host.querySelectorAll('g[class^="line-plot-"] path')].map((p) => points(p.getAttribute('d') ?? ''));
      const labels = [...host.querySelectorAll('g.left-axis g.label text')].map((t) => ({
        text: t.textContent ?? '',
        y: Number(/translate\(\s*[-\d.]+\s*,\s*([-\d.]+)/.exec(t.getAttribute('transform') ?? '')?.[1]),
      }));
      const title = host.querySelector('g.chart-title text')?.textContent ?? '';
      const foreign = [...host.querySelectorAll('script, img, iframe, foreignObject, a, style:not(svg > style)')].map((e) => e.tagName);
      return { svg, lines, labels, title, foreign };
    }, source);
  } finally {
    await page.close();
  }
}

/** The sources of the ```mermaid blocks of a markdown text. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)\n```/g)].map((m) => m[1]!);
}
