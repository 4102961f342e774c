/**
 * Browser APIs Fluent UI v9 uses that jsdom lacks. Import this first in every UI test file
 * (jest.config.js has no per-directory setup, and node-environment tests must not load it).
 */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";

// MessageBar measures itself to decide whether its actions wrap; jsdom does no layout, so an
// observer that never reports is faithful enough.
class NoLayoutResizeObserver implements ResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof window.ResizeObserver === "undefined") {
  window.ResizeObserver = NoLayoutResizeObserver;
}

// jsdom has no TextEncoder; the fake Excel and src/excel measure request sizes in UTF-8 bytes.
if (typeof globalThis.TextEncoder === "undefined") {
  globalThis.TextEncoder = NodeTextEncoder as unknown as typeof TextEncoder;
  globalThis.TextDecoder = NodeTextDecoder as unknown as typeof TextDecoder;
}
