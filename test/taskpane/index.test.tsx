/** @jest-environment jsdom */
import "./setup";
import { mockFetch, restoreFetch } from "./fetchMock";
import { SAMPLE_METADATA } from "./sampleMetadata";

type TestingLibrary = typeof import("@testing-library/react/pure");
type OfficeGlobal = { Office?: unknown };
type OnReady = (info: { host: string | null }) => void;

/**
 * Runs the entry module afresh, as the page does once. The module registry is reset first, so the
 * entry gets new React modules; Testing Library is loaded again with them (its `pure` build, which
 * registers no hooks), so that its `act` flushes the entry's renders.
 */
async function loadEntry(): Promise<TestingLibrary> {
  jest.resetModules();
  const testingLibrary = await import("@testing-library/react/pure");
  await testingLibrary.act(async () => {
    await import("../../src/taskpane/index");
  });
  return testingLibrary;
}

/** A fake Office.js global that holds on to the onReady callback until the test calls it. */
function fakeOffice(): { ready: (tl: TestingLibrary, host: string | null) => void } {
  let callback: OnReady | undefined;
  (globalThis as OfficeGlobal).Office = {
    HostType: { Excel: "Excel", Word: "Word" },
    onReady: (cb: OnReady) => {
      callback = cb;
    },
  };
  return {
    ready: (tl, host) => {
      if (!callback) throw new Error("Office.onReady was not called");
      const cb = callback;
      tl.act(() => cb({ host }));
    },
  };
}

beforeEach(() => {
  document.body.innerHTML = '<div id="container"></div>';
  mockFetch({ body: JSON.stringify(SAMPLE_METADATA) });
});

afterEach(() => {
  delete (globalThis as OfficeGlobal).Office;
  restoreFetch();
});

describe("task pane entry", () => {
  it("renders without Office.js and says it is not inside Excel", async () => {
    const { screen } = await loadEntry();
    expect(screen.getByRole("heading", { level: 1, name: "Elastic Fulfilment" })).toBeTruthy();
    expect(screen.getByText("Not running inside Excel.")).toBeTruthy();
    await screen.findByText("3 functions");
  });

  it("waits for Office.onReady, then renders inside Excel without the warning", async () => {
    const office = fakeOffice();
    const tl = await loadEntry();
    expect(tl.screen.queryByRole("heading", { level: 1 })).toBeNull();

    office.ready(tl, "Excel");
    expect(tl.screen.getByRole("heading", { level: 1, name: "Elastic Fulfilment" })).toBeTruthy();
    expect(tl.screen.queryByText("Not running inside Excel.")).toBeNull();
    // Inside Excel the pane opens on the workflow; the functions are one tab away.
    expect(tl.screen.getByRole("heading", { level: 2, name: "Select your SKU table" })).toBeTruthy();
    tl.act(() => tl.screen.getByRole("tab", { name: "Functions" }).click());
    await tl.screen.findByText("3 functions");
  });

  it("warns when Office.js loaded but the page is not in Excel (a plain browser tab)", async () => {
    const office = fakeOffice();
    const tl = await loadEntry();
    office.ready(tl, null);
    expect(tl.screen.getByText("Not running inside Excel.")).toBeTruthy();
    await tl.screen.findByText("3 functions");
  });
});
