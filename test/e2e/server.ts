/**
 * A tiny static file server for dist/ on 127.0.0.1 and a free port (no dependency): what the
 * end-to-end run opens instead of the dev server. GET/HEAD only, no directory listing, nothing
 * outside the root.
 */
import { createReadStream } from "fs";
import { stat } from "fs/promises";
import { createServer, Server } from "http";
import { AddressInfo } from "net";
import * as path from "path";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
};

export interface StaticServer {
  /** e.g. "http://127.0.0.1:41234" */
  origin: string;
  /** Paths requested so far, with the status answered. */
  served: { path: string; status: number }[];
  close(): Promise<void>;
}

export async function serveDirectory(root: string): Promise<StaticServer> {
  const base = path.resolve(root);
  const served: { path: string; status: number }[] = [];
  const server: Server = createServer((request, response) => {
    const answer = (status: number, text: string) => {
      served.push({ path: request.url ?? "", status });
      response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
      response.end(text);
    };
    if (request.method !== "GET" && request.method !== "HEAD") return answer(405, "GET only");
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = path.join(base, pathname === "/" ? "taskpane.html" : pathname);
    if (file !== base && !file.startsWith(base + path.sep)) return answer(403, "outside the root");
    stat(file).then(
      (info) => {
        if (!info.isFile()) return answer(404, "not found");
        served.push({ path: pathname, status: 200 });
        response.writeHead(200, {
          "Content-Type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
          "Content-Length": info.size,
          "Cache-Control": "no-store",
        });
        if (request.method === "HEAD") return response.end();
        createReadStream(file).pipe(response);
      },
      () => answer(404, "not found"),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
