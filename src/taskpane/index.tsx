/**
 * Task pane entry: the only module with side effects. Office.js comes from Microsoft's CDN in
 * taskpane.html; when the page is opened outside Office (or the CDN is unreachable) the pane still
 * renders and says so.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./App";

function render(insideExcel: boolean): void {
  const container = document.getElementById("container");
  if (!container) throw new Error('taskpane.html has no element with id "container".');
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App insideExcel={insideExcel} />
    </FluentProvider>,
  );
}

if (typeof Office === "undefined") {
  render(false);
} else {
  Office.onReady((info) => render(info.host === Office.HostType.Excel));
}
