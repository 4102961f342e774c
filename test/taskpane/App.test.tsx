/** @jest-environment jsdom */
import "./setup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { PRODUCT_TAGLINE, README_URL } from "../../src/taskpane/product";
import { SAMPLE_METADATA } from "./sampleMetadata";
import { mockFetch, restoreFetch } from "./fetchMock";
import { WorkbookGateway } from "../../src/taskpane/workflow/gateway";

/** A workbook with nothing saved: the workflow tab has nothing to show beyond its first step. */
const EMPTY_WORKBOOK: WorkbookGateway = {
  readSelection: () => Promise.reject(new Error("nothing selected")),
  loadSetup: () => Promise.resolve(null),
  saveSetup: () => Promise.resolve(),
  writeReport: () => Promise.reject(new Error("not in this test")),
};

/** Renders the pane and opens its Functions tab (inside Excel the Segment tab comes first). */
async function renderApp(insideExcel = true): Promise<void> {
  await renderOnly(insideExcel);
  act(() => screen.getByRole("tab", { name: "Functions" }).click());
}

/** Renders the pane and lets the workflow's first look for a saved setup finish. */
async function renderOnly(insideExcel: boolean): Promise<void> {
  await act(async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <App insideExcel={insideExcel} gateway={EMPTY_WORKBOOK} />
      </FluentProvider>,
    );
  });
}

/** Every function heading, in order: the accordion headers are level-3 headings in the Functions tab. */
function listedSignatures(): string[] {
  return within(functionsPanel())
    .getAllByRole("heading", { level: 3 })
    .map((h) => h.textContent ?? "");
}

function functionsPanel(): HTMLElement {
  return screen.getByRole("tabpanel", { name: "Functions" });
}

afterEach(restoreFetch);

describe("App", () => {
  it("shows the product name, the tagline and the README link", async () => {
    mockFetch({ body: JSON.stringify(SAMPLE_METADATA) });
    await renderApp();
    expect(screen.getByRole("heading", { level: 1, name: "Elastic Fulfilment" })).toBeTruthy();
    expect(screen.getByText(PRODUCT_TAGLINE)).toBeTruthy();
    expect(screen.getByRole("link").getAttribute("href")).toBe(README_URL);
    await screen.findByText("3 functions");
  });

  it("shows a spinner, then lists the functions of functions.json by name with their help", async () => {
    const fetch = mockFetch({ body: JSON.stringify(SAMPLE_METADATA) });
    await renderApp();
    expect(screen.getByText("Loading the function list…")).toBeTruthy();
    await screen.findByText("3 functions");
    expect(fetch).toHaveBeenCalledWith("functions.json", expect.anything());
    expect(screen.queryByText("Loading the function list…")).toBeNull();
    expect(listedSignatures()).toEqual([
      "=WCAP.DIO(inventory, cogs, [days])",
      "=WCAP.EOQ(annual_demand, order_cost, unit_cost, holding_rate)",
      "=WCAP.SAFETYSTOCK(service_level, demand_sd, lead_time, [demand_mean])",
    ]);
    expect(screen.getByText("Safety stock for a cycle service level or fill-rate target.")).toBeTruthy();
  });

  it("filters the list as the user types, and says when nothing matches", async () => {
    mockFetch({ body: JSON.stringify(SAMPLE_METADATA) });
    await renderApp();
    const search = await screen.findByRole("searchbox", { name: "Search functions" });

    fireEvent.change(search, { target: { value: "order quantity" } });
    expect(listedSignatures()).toEqual(["=WCAP.EOQ(annual_demand, order_cost, unit_cost, holding_rate)"]);
    expect(screen.getByRole("status").textContent).toBe("1 of 3 functions");

    fireEvent.change(search, { target: { value: "xyzzy" } });
    expect(within(functionsPanel()).queryAllByRole("heading", { level: 3 })).toEqual([]);
    expect(screen.getByRole("status").textContent).toBe("No function matches “xyzzy”.");

    fireEvent.change(search, { target: { value: "" } });
    expect(listedSignatures()).toHaveLength(3);
  });

  it("shows the parameter help when a function is expanded", async () => {
    mockFetch({ body: JSON.stringify(SAMPLE_METADATA) });
    await renderApp();
    await screen.findByText("3 functions");
    const header = screen.getByRole("button", { name: "=WCAP.DIO(inventory, cogs, [days])" });
    expect(header.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByText("Days in the period (default 365).")).toBeNull();

    act(() => header.click());
    expect(header.getAttribute("aria-expanded")).toBe("true");
    expect(screen.getByText("days (optional)")).toBeTruthy();
    expect(screen.getByText("Days in the period (default 365).")).toBeTruthy();
  });

  it("shows an error message bar when functions.json cannot be fetched", async () => {
    mockFetch({ status: 404, statusText: "Not Found", body: "" });
    await renderApp();
    const alert = await screen.findByText("Could not load the function list.");
    const bar = alert.closest(".fui-MessageBar") as HTMLElement;
    expect(within(bar).getByText(/404 Not Found/)).toBeTruthy();
    expect(screen.queryByRole("searchbox")).toBeNull();
  });

  it("shows an error message bar when the network request fails", async () => {
    mockFetch(new TypeError("Failed to fetch"));
    await renderApp();
    await screen.findByText("Could not load the function list.");
    expect(screen.getByText(/Failed to fetch/)).toBeTruthy();
  });

  it("shows an error message bar when functions.json is malformed", async () => {
    mockFetch({ body: "<!doctype html><p>Not the metadata</p>" });
    await renderApp();
    await screen.findByText("Could not load the function list.");
    expect(screen.getByText(/not valid JSON/)).toBeTruthy();
  });

  it("says so when it is not running inside Excel", async () => {
    mockFetch({ body: JSON.stringify(SAMPLE_METADATA) });
    await renderApp(false);
    expect(screen.getByText("Not running inside Excel.")).toBeTruthy();
    await screen.findByText("3 functions");
  });

  it("does not warn inside Excel", async () => {
    mockFetch({ body: JSON.stringify(SAMPLE_METADATA) });
    await renderApp(true);
    await screen.findByText("3 functions");
    expect(screen.queryByText("Not running inside Excel.")).toBeNull();
  });
});

describe("App tabs", () => {
  it("opens on the Segment tab inside Excel, with the first step of the workflow", async () => {
    mockFetch({ body: JSON.stringify(SAMPLE_METADATA) });
    await renderOnly(true);
    expect(screen.getByRole("tab", { name: "Segment" }).getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("heading", { level: 2, name: "Select your SKU table" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Use selection" })).toBeTruthy();
    // The function list is fetched only when its tab is opened.
    expect(globalThis.fetch).not.toHaveBeenCalled();
  });

  it("opens on the Functions tab outside Excel; the Segment tab says why it cannot run", async () => {
    mockFetch({ body: JSON.stringify(SAMPLE_METADATA) });
    await renderOnly(false);
    await screen.findByText("3 functions");
    act(() => screen.getByRole("tab", { name: "Segment" }).click());
    expect(screen.getByText(/works only inside Excel/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Use selection" })).toBeNull();
  });

  it("keeps the function list loaded when switching tabs back and forth", async () => {
    const fetch = mockFetch({ body: JSON.stringify(SAMPLE_METADATA) });
    await renderApp(true);
    await screen.findByText("3 functions");
    act(() => screen.getByRole("tab", { name: "Segment" }).click());
    act(() => screen.getByRole("tab", { name: "Functions" }).click());
    expect(screen.getByText("3 functions")).toBeTruthy();
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
