import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchChromium, startEditorServer } from '../e2e/browser.js';
import { generatedWorkflow } from '../e2e/generated-workflow.js';
import { postWorkflow } from '../e2e/workflow-api.js';
import { type BenchResult, type Rounds, rounds, summarize } from './bench-kit.js';

const large = 300;
const small = 10;
const renderRounds = 5;
const gestureRounds = 3;
/** Input events per gesture; each is one CDP round trip, so a gesture lasts about a second. */
const gestureSteps = 60;

/** Milliseconds from navigation start to the frame in which all `count` nodes are visible. */
async function firstRender(browser: Browser, url: string, count: number): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    // xyflow keeps a node hidden until it has measured it, so "visible" means painted in place.
    const painted = await page.waitForFunction(
      (expected) => {
        const nodes = document.querySelectorAll<HTMLElement>('.react-flow__node');
        const visible = [...nodes].filter((node) => node.style.visibility !== 'hidden').length;
        return visible >= expected && performance.now();
      },
      count,
      { polling: 'raf', timeout: 60_000 },
    );
    return (await painted.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

/**
 * Records frame-to-frame times with requestAnimationFrame. Given as source text: the bench runs
 * through tsx, whose helpers would be missing from functions serialised into the page.
 */
const startRecording = `(() => {
  const frames = [];
  let last = performance.now();
  window.benchFrames = frames;
  window.benchRecording = true;
  requestAnimationFrame(function tick(now) {
    frames.push(now - last);
    last = now;
    if (window.benchRecording) requestAnimationFrame(tick);
  });
})()`;
const stopRecording = '(window.benchRecording = false, window.benchFrames.slice(1))';

interface GestureRecord {
  frames: number[];
  /** Renderer main-thread time per input event: steadier than frame times on a busy machine. */
  busyPerStep: number;
}

async function mainThreadMs(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0) * 1000;
}

async function record(page: Page, cdp: CDPSession, gesture: () => Promise<void>): Promise<GestureRecord> {
  const before = await mainThreadMs(cdp);
  await page.evaluate(startRecording);
  await gesture();
  const frames = (await page.evaluate(stopRecording)) as number[];
  return { frames, busyPerStep: ((await mainThreadMs(cdp)) - before) / gestureSteps };
}

async function pan(page: Page): Promise<void> {
  const pane = await page.locator('.react-flow__pane').boundingBox();
  if (!pane) throw new Error('no canvas');
  // The band above the fitted grid is empty, so the drag moves the view, not a node.
  const start = { x: pane.x + 300, y: pane.y + 30 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let step = 1; step <= gestureSteps; step += 1) {
    const phase = Math.sin((step / gestureSteps) * Math.PI * 2);
    await page.mouse.move(start.x + phase * 250, start.y + Math.abs(phase) * 150);
  }
  await page.mouse.up();
}

async function zoom(page: Page): Promise<void> {
  await page.mouse.move(620, 480);
  for (let step = 0; step < gestureSteps; step += 1) {
    await page.mouse.wheel(0, step < gestureSteps / 2 ? -40 : 40);
  }
}

type GestureFigures = { median: Rounds; p95: Rounds; busy: Rounds };

interface Figures {
  render: Rounds;
  pan: GestureFigures;
  zoom: GestureFigures;
}

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)] ?? 0;

function gestureFigures(records: GestureRecord[]): GestureFigures {
  return {
    median: summarize(records.map((r) => summarize(r.frames).median)),
    p95: summarize(records.map((r) => p95(r.frames))),
    busy: summarize(records.map((r) => r.busyPerStep)),
  };
}

async function measure(browser: Browser, url: string, count: number): Promise<Figures> {
  const render = await rounds(renderRounds, () => firstRender(browser, url, count));
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url);
    await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node').length >= n, count);
    const pans: GestureRecord[] = [];
    const zooms: GestureRecord[] = [];
    for (let round = 0; round < gestureRounds; round += 1) {
      pans.push(await record(page, cdp, () => pan(page)));
      zooms.push(await record(page, cdp, () => zoom(page)));
    }
    return { render, pan: gestureFigures(pans), zoom: gestureFigures(zooms) };
  } finally {
    await context.close();
  }
}

/**
 * The editor in Chromium on a generated 300-node workflow, against a 10-node one in the same
 * run: time from navigation to every node painted, and frame times while panning and zooming.
 */
export async function run(): Promise<BenchResult[]> {
  const server = await startEditorServer();
  const browser = await launchChromium();
  try {
    const open = async (count: number) => {
      const id = await postWorkflow(server.url, generatedWorkflow(count));
      return measure(browser, `${server.url}/#/workflows/${id}`, count);
    };
    const baseline = await open(small);
    const measured = await open(large);
    const scenario = `editor, ${large}-node workflow`;
    const figure = (name: string, pick: (figures: Figures) => Rounds): BenchResult => ({
      scenario,
      figure: name,
      unit: 'ms',
      value: pick(measured).median,
      spread: pick(measured).spread,
      baseline: `${small} nodes`,
      baselineValue: pick(baseline).median,
    });
    return [
      figure('navigation to all nodes painted', (f) => f.render),
      figure('frame time while panning, median', (f) => f.pan.median),
      figure('frame time while panning, p95', (f) => f.pan.p95),
      figure('main-thread time per pan step', (f) => f.pan.busy),
      figure('frame time while wheel-zooming, median', (f) => f.zoom.median),
      figure('frame time while wheel-zooming, p95', (f) => f.zoom.p95),
      figure('main-thread time per wheel step', (f) => f.zoom.busy),
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
