/** Running the command line in-process with captured output, and inspecting what it wrote. */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { main } from "../../src/cli/main";

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `wcap …args` in-process. */
export async function wcap(...args: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    env: {},
  });
  return { code, stdout, stderr };
}

export function sha256(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/** Files in a folder (temporary files included: they start with a dot). */
export function filesIn(dir: string): string[] {
  return readdirSync(dir).sort();
}
