/**
 * Browser entry of the fake Office.js for the end-to-end run: the test serves this bundle at
 * Office.js's CDN address, so the built taskpane.html loads it in place of Microsoft's script,
 * before dist/functions.js and dist/taskpane.js. It defines the globals those bundles use:
 * - `Office`: `onReady` (host Excel), `HostType`, `context.requirements.isSetSupported`;
 * - `Excel.run(batch)` over test/support/fakeExcel.ts, seeded from `window.__E2E_WORKBOOK__`;
 * - `CustomFunctions` (`associate`, `Error`, `ErrorCode`), so functions.js registers as in Excel.
 * Reads of members the fake does not define are recorded (missingMembers), so a failure says
 * "the pane used Office.X" rather than "undefined is not a function".
 */
import { makeStub, type CustomFunction, ExcelErrorStub } from "../support/customFunctionsStub";
import { FakeExcel, fakeWorkbook } from "../support/fakeExcel";
import { E2EHandle, HANDLE_GLOBAL, WORKBOOK_GLOBAL, WorkbookFixture } from "./fixture";
import { workbookSnapshot } from "./snapshot";

type Globals = Record<string, unknown>;
const global = globalThis as unknown as Globals;

const missing = new Set<string>();

/** Names frameworks probe on any object (promise checks, React, JSON); not a missing API. */
const PROBES = new Set(["then", "toJSON", "$$typeof", "constructor", "nodeType", "tagName", "prototype"]);

/** Wraps `target` so that reading an undefined member is recorded as `path.member`. */
function watched<T extends object>(target: T, path: string): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      const value: unknown = Reflect.get(object, key, receiver);
      if (typeof key !== "string") return value;
      if (value === undefined && !(key in object) && !PROBES.has(key)) missing.add(`${path}.${key}`);
      if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
        return watched(value as object, `${path}.${key}`);
      }
      return value;
    },
  });
}

function seed(): FakeExcel {
  const fixture = global[WORKBOOK_GLOBAL] as WorkbookFixture | undefined;
  if (!fixture) {
    console.warn(`fake Office.js: no window.${WORKBOOK_GLOBAL}; starting with an empty Sheet1.`);
    return fakeWorkbook({ Sheet1: [] });
  }
  const excel = fakeWorkbook(fixture.sheets, { selection: fixture.selection, excelApi: fixture.excelApi });
  for (const [name, id] of Object.entries(fixture.sheetIds ?? {})) {
    const sheet = excel.sheetNamed(name);
    if (sheet) sheet.id = id;
  }
  for (const xml of fixture.xmlParts ?? []) excel.addXmlPart(xml);
  return excel;
}

const excel = seed();

// ---------------------------------------------------------------- Office

const HOST_TYPES = ["Word", "Excel", "PowerPoint", "Outlook", "OneNote", "Project", "Access"];
const hostInfo = { host: "Excel", platform: "OfficeOnline" };
const officeBase = excel.officeGlobal() as {
  context: { requirements: { isSetSupported(name: string, version?: string): boolean } };
};

/** Requirement sets other than ExcelApi that an Excel on the web with a shared runtime has. */
const OTHER_SETS: Record<string, number> = {
  SharedRuntime: 1.1,
  CustomFunctionsRuntime: 1.4,
  RibbonApi: 1.1,
};

function isSetSupported(name: string, version?: string | number): boolean {
  if (name in OTHER_SETS) return Number(version ?? 1) <= OTHER_SETS[name];
  return officeBase.context.requirements.isSetSupported(
    name,
    version === undefined ? undefined : String(version),
  );
}

const office = {
  ...officeBase,
  context: {
    requirements: { isSetSupported },
    host: "Excel",
    platform: "OfficeOnline",
    displayLanguage: "en-US",
    contentLanguage: "en-US",
  },
  HostType: Object.fromEntries(HOST_TYPES.map((h) => [h, h])),
  PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android" },
  /** As Office.js: resolves (and calls back) once the host is ready, after the current task. */
  onReady(callback?: (info: typeof hostInfo) => void): Promise<typeof hostInfo> {
    return new Promise((resolve) =>
      setTimeout(() => {
        callback?.(hostInfo);
        resolve(hostInfo);
      }, 0),
    );
  },
  /** Shared runtime (SharedRuntime 1.1): the pane may show/hide itself; nothing to do here. */
  addin: {
    showAsTaskpane: () => Promise.resolve(),
    hide: () => Promise.resolve(),
    onVisibilityModeChanged: () => Promise.resolve(() => Promise.resolve()),
  },
  actions: { associate: () => undefined },
};

// ---------------------------------------------------------------- Excel

const runs = { started: 0, finished: 0, failed: 0, errors: [] as string[] };

/**
 * Round trips the test can hold and release one by one (holdSyncs, releaseSync), so it sees the
 * progress bar and presses Cancel at a known point of a write, whatever the machine's speed.
 */
let holding = false;
const held: (() => void)[] = [];
const context = excel.context as unknown as { sync: () => Promise<void> };
const immediateSync = context.sync;
context.sync = async () => {
  if (holding) await new Promise<void>((release) => held.push(release));
  return immediateSync();
};

/** Excel.run(batch), Excel.run(object, batch) or Excel.run(options, batch): the batch is last. */
async function run(...args: unknown[]): Promise<unknown> {
  const batch = args[args.length - 1];
  if (typeof batch !== "function") throw new TypeError("Excel.run needs a batch function");
  runs.started++;
  try {
    const result: unknown = await excel.run(batch as (context: Excel.RequestContext) => Promise<unknown>);
    // Excel.run sends what the batch left queued before it resolves (nothing queued: no round trip).
    if ((excel as unknown as { queue: unknown[] }).queue.length > 0) await excel.context.sync();
    runs.finished++;
    return result;
  } catch (error) {
    runs.failed++;
    runs.errors.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    throw error;
  }
}

// ---------------------------------------------------------------- CustomFunctions

const registry = new Map<string, CustomFunction>();
const associated: string[] = [];
const stub = makeStub(registry);
const customFunctions = {
  ...stub,
  associate(id: string, fn: CustomFunction) {
    associated.push(id);
    stub.associate(id, fn);
  },
};

function shownResult(value: unknown): unknown {
  if (value instanceof ExcelErrorStub) return value.code;
  return Array.isArray(value) ? value.map(shownResult) : value;
}

// ---------------------------------------------------------------- the test handle

const handle: E2EHandle = {
  snapshot: (sheetNames?: string[]) => workbookSnapshot(excel, sheetNames),
  associatedFunctions: () => [...associated],
  callFunction(id: string, ...args: unknown[]): unknown {
    const fn = registry.get(id);
    if (!fn) throw new Error(`${id} is not associated`);
    try {
      return shownResult(fn(...args));
    } catch (thrown) {
      return `throws ${String(shownResult(thrown))}`;
    }
  },
  missingMembers: () => [...missing].sort(),
  runs: () => ({ ...runs, errors: [...runs.errors] }),
  holdSyncs(hold: boolean) {
    holding = hold;
    if (!hold) held.splice(0).forEach((release) => release());
  },
  heldSyncs: () => held.length,
  releaseSync() {
    held.shift()?.();
  },
};

global.Office = watched(office, "Office");
global.Excel = watched({ run }, "Excel");
global.CustomFunctions = watched(customFunctions, "CustomFunctions");
global[HANDLE_GLOBAL] = handle;
