/** @jest-environment jsdom */
import "./setup";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { PRODUCT_TAGLINE, README_URL } from "../../src/taskpane/product";
import { SAMPLE_METADATA } from "./sampleMetadata";
import { mockFetch, restoreFetch } from "./fetchMock";

function renderApp(insideExcel = true) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App insideExcel={insideExcel} />
    </FluentProvider>,
  );
}

/** Every function heading, in order: the accordion headers are level-3 headings. */
function listedSignatures(): string[] {
  return screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent ?? "");
}

afterEach(restoreFetch);

describe("App", () => {
  it("shows the product name, the tagline and the README link", async () => {
    mockFetch({ body: JSON.stringify(SAMPLE_METADATA) });
    renderApp();
    expect(screen.getByRole("heading", { level: 1, name: "Elastic Fulfilment" })).toBeTruthy();
    expect(screen.getByText(PRODUCT_TAGLINE)).toBeTruthy();
    expect(screen.getByRole("link").getAttribute("href")).toBe(README_URL);
    await screen.findByText("3 functions");
  });

  it("shows a spinner, then lists the functions of functions.json by name with their help", async () => {
    const fetch = mockFetch({ body: JSON.stringify(SAMPLE_METADATA) });
    renderApp();
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
    renderApp();
    const search = await screen.findByRole("searchbox", { name: "Search functions" });

    fireEvent.change(search, { target: { value: "order quantity" } });
    expect(listedSignatures()).toEqual(["=WCAP.EOQ(annual_demand, order_cost, unit_cost, holding_rate)"]);
    expect(screen.getByRole("status").textContent).toBe("1 of 3 functions");

    fireEvent.change(search, { target: { value: "xyzzy" } });
    expect(screen.queryAllByRole("heading", { level: 3 })).toEqual([]);
    expect(screen.getByRole("status").textContent).toBe("No function matches “xyzzy”.");

    fireEvent.change(search, { target: { value: "" } });
    expect(listedSignatures()).toHaveLength(3);
  });

  it("shows the parameter help when a function is expanded", async () => {
    mockFetch({ body: JSON.stringify(SAMPLE_METADATA) });
    renderApp();
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
    renderApp();
    const alert = await screen.findByText("Could not load the function list.");
    const bar = alert.closest(".fui-MessageBar") as HTMLElement;
    expect(within(bar).getByText(/404 Not Found/)).toBeTruthy();
    expect(screen.queryByRole("searchbox")).toBeNull();
  });

  it("shows an error message bar when the network request fails", async () => {
    mockFetch(new TypeError("Failed to fetch"));
    renderApp();
    await screen.findByText("Could not load the function list.");
    expect(screen.getByText(/Failed to fetch/)).toBeTruthy();
  });

  it("shows an error message bar when functions.json is malformed", async () => {
    mockFetch({ body: "<!doctype html><p>Not the metadata</p>" });
    renderApp();
    await screen.findByText("Could not load the function list.");
    expect(screen.getByText(/not valid JSON/)).toBeTruthy();
  });

  it("says so when it is not running inside Excel", async () => {
    mockFetch({ body: JSON.stringify(SAMPLE_METADATA) });
    renderApp(false);
    expect(screen.getByText("Not running inside Excel.")).toBeTruthy();
    await screen.findByText("3 functions");
  });

  it("does not warn inside Excel", async () => {
    mockFetch({ body: JSON.stringify(SAMPLE_METADATA) });
    renderApp(true);
    await screen.findByText("3 functions");
    expect(screen.queryByText("Not running inside Excel.")).toBeNull();
  });
});
