/**
 * Structural checks of manifest.xml, the add-in only manifest Excel needs for custom functions
 * (DESIGN §7). Excel rejects a bad manifest silently or with a vague "add-in could not be
 * started", and Microsoft's schema validation is an online service, so the rules that matter are
 * checked here: schema element order (taken from OfficeAppManifestV1_1.xsd and
 * TaskPaneAppVersionOverridesV1_0.xsd in OfficeDev/office-js-docs-pr, docs/overview/schemas/taskpane),
 * the shared-runtime wiring, resource references, URLs and the icon files they point at.
 */
import { existsSync, readFileSync, statSync } from "fs";
import * as path from "path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const ROOT = path.resolve(__dirname, "..");
const MANIFEST_XML = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const ORIGIN = "https://localhost:3000/";

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** A node of fast-xml-parser's `preserveOrder` output: one tag-name key plus optional ":@" attributes. */
type OrderedNode = Record<string, unknown>;

function toElement(node: OrderedNode): XmlElement {
  const name = Object.keys(node).find((key) => key !== ":@");
  if (name === undefined) throw new Error("node without a tag name");
  const content = node[name] as OrderedNode[];
  const element: XmlElement = {
    name,
    attributes: (node[":@"] as Record<string, string> | undefined) ?? {},
    children: [],
    text: "",
  };
  for (const item of content) {
    if ("#text" in item) element.text += String(item["#text"]);
    else element.children.push(toElement(item));
  }
  return element;
}

function parseManifest(xml: string): XmlElement {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    ignoreDeclaration: true,
    parseTagValue: false,
    parseAttributeValue: false,
  });
  const roots = (parser.parse(xml) as OrderedNode[]).map(toElement);
  if (roots.length !== 1) throw new Error(`expected one root element, found ${roots.length}`);
  return roots[0];
}

const childrenNamed = (element: XmlElement, name: string): XmlElement[] =>
  element.children.filter((c) => c.name === name);

/** The single child called `name`; fails loudly when it is missing or repeated. */
function child(element: XmlElement, name: string): XmlElement {
  const found = childrenNamed(element, name);
  if (found.length !== 1)
    throw new Error(`<${element.name}> has ${found.length} <${name}> children, expected 1`);
  return found[0];
}

const at = (element: XmlElement, ...names: string[]): XmlElement => names.reduce(child, element);

function attribute(element: XmlElement, name: string): string {
  const value = element.attributes[name];
  if (value === undefined) throw new Error(`<${element.name}> has no ${name} attribute`);
  return value;
}

function* descendants(element: XmlElement): Generator<XmlElement> {
  for (const c of element.children) {
    yield c;
    yield* descendants(c);
  }
}

const ofType = (elements: Iterable<XmlElement>, name: string, type: string): XmlElement[] =>
  [...elements].filter((e) => e.name === name && e.attributes["xsi:type"] === type);

/**
 * Children whose name is not in the schema's <xs:sequence>, or that come before an element the
 * sequence puts earlier: the validator reports both as "not a valid child".
 */
function outOfOrder(element: XmlElement, sequence: readonly string[]): string[] {
  let last = 0;
  const problems: string[] = [];
  for (const c of element.children) {
    const index = sequence.indexOf(c.name);
    if (index < 0) problems.push(`<${c.name}> is not a child of <${element.name}>`);
    else if (index < last) problems.push(`<${c.name}> comes after <${sequence[last]}> in <${element.name}>`);
    else last = index;
  }
  return problems;
}

/** Width and height from a PNG's IHDR chunk, which the format requires to come first. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error(`${file} is not a PNG`);
  if (bytes.toString("ascii", 12, 16) !== "IHDR") throw new Error(`${file} does not start with IHDR`);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const manifest = parseManifest(MANIFEST_XML);
const versionOverrides = child(manifest, "VersionOverrides");
const host = at(versionOverrides, "Hosts", "Host");
const desktop = child(host, "DesktopFormFactor");
const resources = child(versionOverrides, "Resources");

/** Every resource by id, with the collection it is declared in. */
const COLLECTIONS = {
  "bt:Images": "image",
  "bt:Urls": "url",
  "bt:ShortStrings": "short",
  "bt:LongStrings": "long",
} as const;
type ResourceKind = (typeof COLLECTIONS)[keyof typeof COLLECTIONS];
const declared = resources.children.flatMap((collection) =>
  collection.children.map((item) => ({
    id: attribute(item, "id"),
    value: attribute(item, "DefaultValue"),
    kind: COLLECTIONS[collection.name as keyof typeof COLLECTIONS],
  })),
);

function resource(resid: string, kind: ResourceKind): string {
  const matches = declared.filter((r) => r.id === resid && r.kind === kind);
  if (matches.length !== 1) throw new Error(`${kind} resource ${resid} is declared ${matches.length} times`);
  return matches[0].value;
}

/** The kind of resource an element's resid must name (TaskPaneAppVersionOverridesV1_0.xsd types). */
function expectedKind(element: XmlElement): ResourceKind {
  if (element.name === "bt:Image") return "image";
  if (["Label", "Title", "Namespace"].includes(element.name)) return "short";
  if (element.name === "Description") return "long";
  return "url"; // SourceLocation, FunctionFile, LearnMoreUrl, Runtime
}

const references = [...descendants(host)]
  .filter((e) => e.attributes.resid !== undefined)
  .map((e) => ({ element: e.name, resid: e.attributes.resid, kind: expectedKind(e) }));

const customFunctions = ofType(child(host, "AllFormFactors").children, "ExtensionPoint", "CustomFunctions");
const ribbon = ofType(desktop.children, "ExtensionPoint", "PrimaryCommandSurface");
const groups = [...descendants(desktop)].filter((e) => e.name === "Group");
const buttons = ofType(descendants(desktop), "Control", "Button");

describe("manifest.xml", () => {
  test("is well-formed XML (and the validator does catch a broken copy)", () => {
    expect(XMLValidator.validate(MANIFEST_XML)).toBe(true);
    expect(XMLValidator.validate(MANIFEST_XML.replace("</Permissions>", ""))).not.toBe(true);
  });

  test("is an Excel task pane add-in with a v1.0 VersionOverrides (the only version TaskPaneApp supports)", () => {
    expect(manifest.name).toBe("OfficeApp");
    expect(manifest.attributes).toMatchObject({
      xmlns: "http://schemas.microsoft.com/office/appforoffice/1.1",
      "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
      "xmlns:bt": "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
      "xsi:type": "TaskPaneApp",
    });
    expect(versionOverrides.attributes).toMatchObject({
      xmlns: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
      "xsi:type": "VersionOverridesV1_0",
    });
    expect(childrenNamed(child(manifest, "Hosts"), "Host").map((h) => h.attributes.Name)).toEqual([
      "Workbook",
    ]);
    expect(
      childrenNamed(child(versionOverrides, "Hosts"), "Host").map((h) => h.attributes["xsi:type"]),
    ).toEqual(["Workbook"]);
  });

  test("identifies the product: a GUID Id, names, locale, version and permissions", () => {
    expect(child(manifest, "Id").text).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i,
    );
    expect(child(manifest, "Version").text).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
    expect(child(manifest, "ProviderName").text).toBe("Elastic Fulfilment");
    expect(attribute(child(manifest, "DisplayName"), "DefaultValue")).toBe("Elastic Fulfilment");
    const description = attribute(child(manifest, "Description"), "DefaultValue");
    expect(description).toMatch(/WCAP/);
    expect(description.length).toBeLessThanOrEqual(250);
    expect(child(manifest, "DefaultLocale").text).toBe("en-US");
    expect(child(manifest, "Permissions").text).toBe("ReadWriteDocument");
  });

  // Each <xs:sequence> as the schema lists it; children may be omitted but never reordered.
  const SCHEMA_ORDER: [string, () => XmlElement, string[]][] = [
    [
      "OfficeApp (TaskPaneApp)",
      () => manifest,
      [
        "Id",
        "AlternateId",
        "Version",
        "ProviderName",
        "DefaultLocale",
        "DisplayName",
        "Description",
        "IconUrl",
        "HighResolutionIconUrl",
        "SupportUrl",
        "AppDomains",
        "Hosts",
        "Requirements",
        "DefaultSettings",
        "Permissions",
        "Dictionary",
        "VersionOverrides",
        "ExtendedOverrides",
      ],
    ],
    [
      "VersionOverrides",
      () => versionOverrides,
      [
        "Description",
        "Requirements",
        "Hosts",
        "Resources",
        "WebApplicationInfo",
        "EquivalentAddins",
        "VersionOverrides",
      ],
    ],
    ["Host (Workbook)", () => host, ["Runtimes", "AllFormFactors", "DesktopFormFactor"]],
    [
      "CustomFunctions extension point",
      () => customFunctions[0],
      ["Script", "Page", "Metadata", "Namespace"],
    ],
    ["DesktopFormFactor", () => desktop, ["GetStarted", "FunctionFile", "ExtensionPoint"]],
    ["GetStarted", () => child(desktop, "GetStarted"), ["Title", "Description", "LearnMoreUrl"]],
    ["Group", () => groups[0], ["Label", "Icon", "Control"]],
    ["Button", () => buttons[0], ["Label", "Supertip", "Icon", "Action"]],
    ["Supertip", () => child(buttons[0], "Supertip"), ["Title", "Description"]],
    ["ShowTaskpane action", () => child(buttons[0], "Action"), ["TaskpaneId", "SourceLocation", "Title"]],
    ["Resources", () => resources, ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"]],
  ];

  test.each(SCHEMA_ORDER)("%s children follow the schema order", (_, element, sequence) => {
    expect(outOfOrder(element(), sequence)).toEqual([]);
  });

  test("has every child the schema requires of OfficeApp", () => {
    const names = manifest.children.map((c) => c.name);
    const required = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description"];
    for (const name of [...required, "DefaultSettings", "Permissions"]) expect(names).toContain(name);
  });

  test("requires SharedRuntime 1.1", () => {
    const sets = childrenNamed(at(manifest, "Requirements", "Sets"), "Set").map((s) => s.attributes);
    expect(sets).toContainEqual({ Name: "SharedRuntime", MinVersion: "1.1" });
  });

  test("declares the WCAP custom functions: script, metadata, page and namespace", () => {
    expect(customFunctions).toHaveLength(1);
    const point = customFunctions[0];
    const url = (name: string) => resource(attribute(at(point, name, "SourceLocation"), "resid"), "url");
    expect(url("Script")).toBe(`${ORIGIN}functions.js`);
    expect(url("Metadata")).toBe(`${ORIGIN}functions.json`);
    expect(url("Page")).toBe(`${ORIGIN}taskpane.html`);
    expect(resource(attribute(child(point, "Namespace"), "resid"), "short")).toBe("WCAP");
  });

  test("runs functions, ribbon and task pane in one long-lived shared runtime", () => {
    const pageResid = attribute(at(customFunctions[0], "Page", "SourceLocation"), "resid");
    const runtimes = childrenNamed(child(host, "Runtimes"), "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].attributes).toEqual({ resid: pageResid, lifetime: "long" });
    expect(attribute(child(desktop, "FunctionFile"), "resid")).toBe(pageResid);
    expect(buttons).toHaveLength(1);
    expect(attribute(at(buttons[0], "Action", "SourceLocation"), "resid")).toBe(pageResid);
    // The task pane a user opens from the add-ins menu is the same page.
    expect(attribute(at(manifest, "DefaultSettings", "SourceLocation"), "DefaultValue")).toBe(
      resource(pageResid, "url"),
    );
  });

  test('puts one "Segment inventory" button in a "Working capital" ribbon group that shows the task pane', () => {
    expect(ribbon).toHaveLength(1);
    expect(groups).toHaveLength(1);
    expect(resource(attribute(child(groups[0], "Label"), "resid"), "short")).toBe("Working capital");
    expect(buttons).toHaveLength(1);
    const [button] = buttons;
    expect(resource(attribute(child(button, "Label"), "resid"), "short")).toBe("Segment inventory");
    const action = child(button, "Action");
    expect(action.attributes["xsi:type"]).toBe("ShowTaskpane");
    expect(child(action, "TaskpaneId").text).toBe("ButtonId1");
  });

  test("has a Get Started callout with a title, description and https learn-more link", () => {
    const getStarted = child(desktop, "GetStarted");
    expect(resource(attribute(child(getStarted, "Title"), "resid"), "short")).not.toBe("");
    expect(resource(attribute(child(getStarted, "Description"), "resid"), "long")).toMatch(/WCAP/);
    expect(resource(attribute(child(getStarted, "LearnMoreUrl"), "resid"), "url")).toMatch(/^https:\/\//);
  });

  test("defines every referenced resid exactly once, in the collection its element expects", () => {
    expect(references.length).toBeGreaterThan(0);
    for (const { element, resid, kind } of references) {
      expect(resid.length).toBeLessThanOrEqual(32);
      const definitions = declared.filter((r) => r.id === resid);
      expect({ element, resid, definitions: definitions.map((d) => d.kind) }).toEqual({
        element,
        resid,
        definitions: [kind],
      });
    }
  });

  test("declares no resource twice and none that nothing references", () => {
    const ids = declared.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const referenced = new Set(references.map((r) => r.resid));
    expect(ids.filter((id) => !referenced.has(id))).toEqual([]);
  });

  test("keeps resource strings within the schema's lengths (short 125, long 250, URL 2048)", () => {
    const LIMITS: Record<ResourceKind, number> = { short: 125, long: 250, url: 2048, image: 2048 };
    const tooLong = declared.filter(({ value, kind }) => value.length === 0 || value.length > LIMITS[kind]);
    expect(tooLong).toEqual([]);
  });

  // Documentation links point at the project's site; everything Office loads comes from the add-in.
  const DOCUMENTATION_LINKS = new Set(["SupportUrl", "GetStarted.LearnMoreUrl"]);
  const urls = [
    ...["IconUrl", "HighResolutionIconUrl", "SupportUrl"].map((name) => ({
      name,
      url: attribute(child(manifest, name), "DefaultValue"),
    })),
    {
      name: "DefaultSettings",
      url: attribute(at(manifest, "DefaultSettings", "SourceLocation"), "DefaultValue"),
    },
    ...declared
      .filter((r) => r.kind === "url" || r.kind === "image")
      .map((r) => ({ name: r.id, url: r.value })),
  ];
  const loaded = urls.filter(({ name }) => !DOCUMENTATION_LINKS.has(name));
  const documentation = urls.filter(({ name }) => DOCUMENTATION_LINKS.has(name));

  test.each(loaded)("$name is served by the add-in under https://localhost:3000/", ({ url }) => {
    expect(url.startsWith(ORIGIN)).toBe(true);
  });

  test.each(documentation)("$name is an https documentation link", ({ url }) => {
    expect(new URL(url).protocol).toBe("https:");
  });

  test("lists every URL in the manifest in one of the two groups above", () => {
    const attributeUrls = [...descendants(manifest)]
      .map((e) => e.attributes.DefaultValue)
      .filter((v): v is string => v !== undefined && /^[a-z]+:\/\//i.test(v));
    expect(attributeUrls.sort()).toEqual(urls.map((u) => u.url).sort());
    expect(documentation).toHaveLength(DOCUMENTATION_LINKS.size);
  });

  const iconUrls = [
    { name: "IconUrl", url: attribute(child(manifest, "IconUrl"), "DefaultValue"), size: 32 },
    {
      name: "HighResolutionIconUrl",
      url: attribute(child(manifest, "HighResolutionIconUrl"), "DefaultValue"),
      size: 64,
    },
    ...declared
      .filter((r) => r.kind === "image")
      .map((r) => ({ name: r.id, url: r.value, size: Number(/icon-(\d+)\.png$/.exec(r.value)?.[1]) })),
  ];

  test.each(iconUrls)("$name maps to a $size×$size PNG in assets/", ({ url, size }) => {
    expect(url).toMatch(new RegExp(`^${ORIGIN}assets/icon-${size}\\.png$`));
    const file = path.join(ROOT, url.slice(ORIGIN.length));
    expect(existsSync(file)).toBe(true);
    expect(pngSize(file)).toEqual({ width: size, height: size });
    expect(statSync(file).size).toBeLessThan(100 * 1024); // OfficeAppBasicTypes: images under 100 KB
  });

  test("gives the group and the button icons of 16, 32 and 80 px whose files have those sizes", () => {
    const iconLists = [...descendants(desktop)].filter((e) => e.name === "Icon");
    expect(iconLists).toHaveLength(2);
    for (const icon of iconLists) {
      const images = childrenNamed(icon, "bt:Image");
      expect(images.map((i) => attribute(i, "size")).sort()).toEqual(["16", "32", "80"]);
      for (const image of images) {
        const size = Number(attribute(image, "size"));
        const file = path.join(ROOT, resource(attribute(image, "resid"), "image").slice(ORIGIN.length));
        expect(pngSize(file)).toEqual({ width: size, height: size });
      }
    }
  });
});
