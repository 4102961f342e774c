/**
 * Browser APIs Fluent UI v9 uses that jsdom lacks. Import this first in every UI test file
 * (jest.config.js has no per-directory setup, and node-environment tests must not load it).
 */

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
