/**
 * Opens the built task pane (dist/taskpane.html) in headless Debian Chromium through
 * playwright-core, with the fake Office.js served at Office.js's CDN address and every other
 * request that would leave 127.0.0.1 blocked and recorded: the add-in must never send workbook
 * data anywhere.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { mkdir } from "fs/promises";
import * as os from "os";
import * as path from "path";
import { BrowserContext, chromium, Page, Request } from "playwright-core";
import { HANDLE_GLOBAL, OFFICE_JS_URL, WORKBOOK_GLOBAL, WorkbookFixture } from "./fixture";
import { serveDirectory, StaticServer } from "./server";

export const ROOT = path.resolve(__dirname, "../..");
/** The build under test: dist/ (after `npm run build`), or E2E_DIST (another build's output folder). */
export const DIST = path.resolve(ROOT, process.env.E2E_DIST ?? "dist");
export const OUTPUT = path.join(ROOT, "test-output/e2e");
export const FAKE_OFFICE_BUNDLE = path.join(OUTPUT, "fake-office.js");

/** Debian's chromium; E2E_CHROMIUM overrides it (e.g. another Chromium build). */
export const CHROMIUM = process.env.E2E_CHROMIUM ?? "/usr/bin/chromium";

/** A task pane's size in Excel (desktop default width ~350 px). */
export const PANE_VIEWPORT = { width: 350, height: 900 };

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // A second line of defence behind request routing: no host name other than localhost resolves.
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
];

/** Screenshots taken in this run, across sessions: they are numbered in order. */
let shots = 0;

export interface PaneSession {
  page: Page;
  context: BrowserContext;
  server: StaticServer;
  /** Requests that tried to leave localhost (other than the intercepted Office.js URL). */
  escapes: string[];
  /** How often the Office.js URL was answered with the fake. */
  officeJsServed: number;
  /** URLs of the Web Workers the page started. */
  workers: string[];
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  /** console.error / console.warn messages of the page. */
  consoleProblems: string[];
  /**
   * Elements that stick out past the pane's right edge (not inside a scrolling or clipping box):
   * the pane must fit its width (issue 4: "responsive at the pane's width").
   */
  overflow(): Promise<string[]>;
  /** Saves `test-output/e2e/<nn>-<step>.png`: the 350×900 view, or the whole scrolled pane. */
  screenshot(step: string, fullPage?: boolean): Promise<string>;
  close(): Promise<void>;
}

function isLocal(url: URL, origin: string): boolean {
  return url.origin === origin;
}

/** Protocols that never reach the network. */
function isInPage(url: URL): boolean {
  return url.protocol === "data:" || url.protocol === "blob:" || url.href === "about:blank";
}

/** Checks that `npm run build` and the fake bundle are in place; throws a message saying what to run. */
export function checkBuilt(): void {
  for (const file of ["taskpane.html", "taskpane.js", "functions.js", "functions.json"]) {
    if (!existsSync(path.join(DIST, file))) {
      throw new Error(`${path.join(DIST, file)} is missing: run \`npm run build\` before \`npm run e2e\`.`);
    }
  }
  if (!existsSync(FAKE_OFFICE_BUNDLE)) {
    throw new Error(
      `${path.relative(ROOT, FAKE_OFFICE_BUNDLE)} is missing (built by test/e2e/globalSetup.js).`,
    );
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium).`);
  }
}

/** Runs in the page: elements whose right edge is past the viewport and that nothing clips. */
function findOverflow(): string[] {
  const width = document.documentElement.clientWidth;
  const clipped = (el: Element) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(p).overflowX)) return true;
    }
    return false;
  };
  const found: string[] = [];
  for (const el of Array.from(document.body.querySelectorAll("*"))) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || box.right <= width + 0.5 || clipped(el)) continue;
    const role = el.getAttribute("role") ?? el.getAttribute("aria-label") ?? "";
    const text = (el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
    found.push(
      `<${el.tagName.toLowerCase()}${role ? ` ${role}` : ""}> "${text}" ends at ${Math.round(box.right)} px of ${width}`,
    );
  }
  return found;
}

/** Launches Chromium, serves dist/, seeds the fake workbook and opens the pane. */
export async function openPane(fixture: WorkbookFixture): Promise<PaneSession> {
  checkBuilt();
  await mkdir(OUTPUT, { recursive: true });
  const fakeOffice = readFileSync(FAKE_OFFICE_BUNDLE);
  const server = await serveDirectory(DIST);
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), "ef-e2e-chromium-"));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: PANE_VIEWPORT,
      // Fixed, so number formats and "today" read the same on every machine.
      locale: "en-US",
      timezoneId: "UTC",
      serviceWorkers: "block",
      acceptDownloads: false,
      timeout: 60_000,
    });
  } catch (error) {
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }

  const escapes: string[] = [];
  const pageErrors: string[] = [];
  const workers: string[] = [];
  const consoleProblems: string[] = [];
  let officeJsServed = 0;
  const escaped = (line: string) => {
    if (!escapes.includes(line)) escapes.push(line);
  };

  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.href === OFFICE_JS_URL) {
      officeJsServed++;
      return route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: fakeOffice });
    }
    if (isLocal(url, server.origin) || isInPage(url)) return route.continue();
    escaped(`${route.request().method()} ${url.href}`);
    return route.abort("blockedbyclient");
  });
  // Everything the browser asked for, routed or not (e.g. requests from workers, beacons).
  const watch = (request: Request) => {
    const url = new URL(request.url());
    if (url.href === OFFICE_JS_URL || isLocal(url, server.origin) || isInPage(url)) return;
    escaped(`${request.method()} ${url.href}`);
  };
  context.on("request", watch);

  const page = context.pages()[0] ?? (await context.newPage());
  page.on("websocket", (socket) => escaped(`WebSocket ${socket.url()}`));
  page.on("worker", (worker) => workers.push(worker.url()));
  page.on("pageerror", (error) => pageErrors.push(error.stack ?? error.message));
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") {
      consoleProblems.push(`${message.type()}: ${message.text()}`);
    }
  });
  // Before any script of the page: the workbook the fake Office.js starts from.
  await page.addInitScript({
    content: `window[${JSON.stringify(WORKBOOK_GLOBAL)}] = JSON.parse(${JSON.stringify(JSON.stringify(fixture))});`,
  });

  const session: PaneSession = {
    page,
    context,
    server,
    escapes,
    get officeJsServed() {
      return officeJsServed;
    },
    workers,
    pageErrors,
    consoleProblems,
    overflow: () => page.evaluate(findOverflow),
    async screenshot(step: string, fullPage = false) {
      shots++;
      const file = path.join(OUTPUT, `${String(shots).padStart(2, "0")}-${step}.png`);
      await page.screenshot({ path: file, fullPage, animations: "disabled" });
      return file;
    },
    async close() {
      await context.close().catch(() => undefined);
      await server.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };

  await page.goto(`${server.origin}/taskpane.html`, { waitUntil: "load" });
  const hasHandle = await page.evaluate((name) => name in window, HANDLE_GLOBAL);
  if (!hasHandle) {
    throw new Error(
      `The fake Office.js did not run (window.${HANDLE_GLOBAL} is missing; Office.js requests answered: ${officeJsServed}). ` +
        `Does dist/taskpane.html still load ${OFFICE_JS_URL}?`,
    );
  }
  return session;
}
