/**
 * Ordered steps of a browser session under jest: each step is a jest test that checks the pane
 * still fits its width and saves a screenshot (a failed step: the whole pane, "FAILED-" in the
 * name). After a failed step the later ones fail at once, saying which step broke, instead of
 * piling up follow-on errors; steps marked `always` (checks that need only an open pane) still
 * run. afterAll prints a one-line summary.
 */
import * as path from "path";
import { PaneSession, ROOT } from "./browser";

export interface StepOptions {
  /** Name of the screenshot saved when the step passes (none when absent). */
  shot?: string;
  /** Screenshot the whole scrolled pane instead of the 350×900 view. */
  fullPage?: boolean;
  timeoutMs?: number;
  /** Runs even after an earlier step failed (a check that needs only an open pane). */
  always?: boolean;
}

export interface StepRunner {
  /** Declares step `name`, run after the steps declared before it. */
  step(name: string, options: StepOptions, body: () => Promise<void>): void;
}

export function stepRunner(session: () => PaneSession | undefined): StepRunner {
  const started = Date.now();
  let passed = 0;
  let declared = 0;
  let broken: string | undefined;

  afterAll(() => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const status = passed === declared ? "PASS" : "FAIL";
    const where = path.relative(ROOT, path.join(ROOT, "test-output/e2e"));
    process.stdout.write(
      `\ne2e ${status}: ${passed}/${declared} steps passed in ${seconds} s` +
        (broken ? ` (first failure: "${broken}")` : "") +
        `; screenshots in ${where}/\n`,
    );
  });

  return {
    step(name, { shot, fullPage = false, timeoutMs, always = false }, body) {
      declared++;
      test(
        name,
        async () => {
          if (broken && !(always && session())) {
            // No stack: the code frame of this line would only hide the real failure above.
            const skipped = new Error(`Not run: the earlier step "${broken}" failed.`);
            skipped.stack = skipped.message;
            throw skipped;
          }
          const open = session();
          try {
            await body();
            const s = session();
            if (s) {
              const overflow = await s.overflow();
              if (overflow.length > 0) {
                throw new Error(
                  `The pane is wider than ${s.page.viewportSize()?.width} px:\n${overflow.join("\n")}`,
                );
              }
            }
            passed++;
          } catch (error) {
            broken ??= name;
            const s = session() ?? open;
            if (s) {
              const file = await s.screenshot(`FAILED-${shot ?? slug(name)}`, true).catch(() => undefined);
              if (file && error instanceof Error) {
                // Jest prints the stack (which starts with the message), so both get the note.
                const note = `\n(screenshot: ${path.relative(ROOT, file)})`;
                const stack = error.stack ?? "";
                const frames = stack.search(/\n\s+at /);
                error.message += note;
                error.stack = frames < 0 ? stack + note : stack.slice(0, frames) + note + stack.slice(frames);
              }
            }
            throw error;
          }
          const s = session();
          if (shot && s) await s.screenshot(shot, fullPage);
        },
        timeoutMs,
      );
    },
  };
}

/** "wrote the engine's report: …" → "wrote-the-engine-s-report" (a file name). */
function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40)
    .replace(/-$/, "");
}
