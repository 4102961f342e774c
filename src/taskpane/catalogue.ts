/**
 * The custom-function catalogue shown in the task pane, read from the `functions.json` that the
 * build generates from the functions' JSDoc (DESIGN §3), so the pane never lists a function the
 * bundle does not register, nor misses one. Pure: text in, entries out.
 */

/** The namespace the manifest gives the functions; functions.json itself does not carry it. */
export const FUNCTION_NAMESPACE = "WCAP";

export interface CatalogueParameter {
  name: string;
  description: string;
  optional: boolean;
}

export interface CatalogueFunction {
  /** The name without the namespace, as in functions.json: `SAFETYSTOCK`. */
  name: string;
  description: string;
  parameters: CatalogueParameter[];
}

/** functions.json could not be read as a list of functions. */
export class CatalogueError extends Error {
  override name = "CatalogueError";
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown, what: string): string {
  if (value === undefined) return "";
  if (typeof value !== "string") throw new CatalogueError(`${what} is not text.`);
  return value.trim();
}

function requiredName(value: unknown, what: string): string {
  if (typeof value !== "string" || value.trim() === "") throw new CatalogueError(`${what} has no name.`);
  return value.trim();
}

function toParameter(raw: unknown, functionName: string, index: number): CatalogueParameter {
  const what = `Parameter ${index + 1} of ${functionName}`;
  if (!isObject(raw)) throw new CatalogueError(`${what} is not an object.`);
  const name = requiredName(raw.name, what);
  if (raw.optional !== undefined && typeof raw.optional !== "boolean") {
    throw new CatalogueError(`The "optional" flag of ${name} in ${functionName} is not true or false.`);
  }
  return {
    name,
    description: optionalString(raw.description, `The description of ${name} in ${functionName}`),
    optional: raw.optional === true,
  };
}

function toFunction(raw: unknown, index: number): CatalogueFunction {
  if (!isObject(raw)) throw new CatalogueError(`Function ${index + 1} is not an object.`);
  const name = requiredName(raw.name, `Function ${index + 1}`);
  const parameters = raw.parameters ?? [];
  if (!Array.isArray(parameters)) throw new CatalogueError(`The parameters of ${name} are not a list.`);
  return {
    name,
    description: optionalString(raw.description, `The description of ${name}`),
    parameters: parameters.map((parameter, i) => toParameter(parameter, name, i)),
  };
}

/**
 * Reads the text of functions.json into catalogue entries sorted by name. Throws a
 * `CatalogueError` saying what is wrong when the text is not JSON or not custom-function metadata.
 */
export function parseCatalogue(text: string): CatalogueFunction[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CatalogueError("The function list is not valid JSON.");
  }
  if (!isObject(json) || !Array.isArray(json.functions)) {
    throw new CatalogueError('The function list has no "functions" array.');
  }
  return json.functions.map(toFunction).sort((a, b) => a.name.localeCompare(b.name, "en"));
}

/** The name a user types: `WCAP.SAFETYSTOCK`. */
export function qualifiedName(fn: CatalogueFunction): string {
  return `${FUNCTION_NAMESPACE}.${fn.name}`;
}

/**
 * The formula signature as Excel's tooltip shows it, optional parameters in brackets:
 * `=WCAP.DIO(inventory, cogs, [days])`.
 */
export function formatSignature(fn: CatalogueFunction): string {
  const parameters = fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `=${qualifiedName(fn)}(${parameters.join(", ")})`;
}

/**
 * The functions matching a search: every whitespace-separated word of the query must occur,
 * case-insensitively, in the name (with or without the namespace) or the description.
 * An empty query matches everything.
 */
export function filterCatalogue(functions: readonly CatalogueFunction[], query: string): CatalogueFunction[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...functions];
  return functions.filter((fn) => {
    const haystack = `${qualifiedName(fn)} ${fn.description}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
