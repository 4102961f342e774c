import { useEffect, useState } from "react";
import { CatalogueFunction, parseCatalogue } from "./catalogue";

/** The build writes functions.json next to taskpane.html, so a page-relative URL finds it. */
export const FUNCTIONS_METADATA_URL = "functions.json";

export interface FunctionCatalogue {
  status: "loading" | "ready" | "error";
  functions: readonly CatalogueFunction[];
  /** What went wrong, in words for the user; set only when `status` is "error". */
  error?: string;
}

const LOADING: FunctionCatalogue = { status: "loading", functions: [] };

async function loadCatalogue(url: string, signal: AbortSignal): Promise<CatalogueFunction[]> {
  const response = await fetch(url, { signal });
  if (!response.ok) {
    throw new Error(`The server answered ${response.status} ${response.statusText}`.trim() + ".");
  }
  return parseCatalogue(await response.text());
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Fetches and parses the generated custom-function metadata once per URL. */
export function useFunctionCatalogue(url: string = FUNCTIONS_METADATA_URL): FunctionCatalogue {
  const [catalogue, setCatalogue] = useState<FunctionCatalogue>(LOADING);

  useEffect(() => {
    const controller = new AbortController();
    setCatalogue(LOADING);
    loadCatalogue(url, controller.signal).then(
      (functions) => {
        if (!controller.signal.aborted) setCatalogue({ status: "ready", functions });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setCatalogue({ status: "error", functions: [], error: describeError(error) });
        }
      },
    );
    return () => controller.abort();
  }, [url]);

  return catalogue;
}
