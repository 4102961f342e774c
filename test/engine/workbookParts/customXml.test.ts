/** The XML text of the add-in's custom XML parts: escaping, and reading what the add-in writes. */
import {
  attributesOf,
  elementText,
  elementsOf,
  escapeXml,
  escapeXmlText,
  rootNamespace,
  unescapeXml,
} from "../../../src/engine/workbookParts/customXml";

describe("escaping", () => {
  test("attribute values escape all five characters; character data keeps quotes readable", () => {
    expect(escapeXml(`a&b<c>"d'`)).toBe("a&amp;b&lt;c&gt;&quot;d&apos;");
    expect(escapeXmlText(`{"a":"<&>"}`)).toBe(`{"a":"&lt;&amp;&gt;"}`);
  });

  test("unescaping decodes named entities and numeric references, and round-trips", () => {
    expect(unescapeXml("&lt;&#65;&#x42;&amp;amp;&gt;")).toBe("<AB&amp;>");
    const text = `Tom & "Jerry's" <sheet> €🙂`;
    expect(unescapeXml(escapeXml(text))).toBe(text);
    expect(unescapeXml(escapeXmlText(text))).toBe(text);
  });
});

describe("reading elements without a DOM", () => {
  test("attributes in either quote, decoded; prefixed elements found", () => {
    expect(attributesOf(`<a x="1 &amp; 2" y='it&apos;s'>`)).toEqual({ x: "1 & 2", y: "it's" });
    expect(
      elementsOf(`<p:list><p:item id="1"/><item id='2' name="b"></item><items id="3"/></p:list>`, "item"),
    ).toEqual([{ id: "1" }, { id: "2", name: "b" }]);
  });

  test("the text of the first element: decoded, or CDATA as it is; undefined when absent", () => {
    expect(elementText(`<r><json>{"a":"&lt;b&gt;"}</json><json>2</json></r>`, "json")).toBe(`{"a":"<b>"}`);
    expect(elementText(`<x:json a="1"> <![CDATA[{"a":"&lt;"}]]> </x:json>`, "json")).toBe(`{"a":"&lt;"}`);
    expect(elementText(`<json/>`, "json")).toBeUndefined();
  });

  test("the namespace of the document element, default or prefixed, after an XML declaration", () => {
    expect(rootNamespace(`<?xml version="1.0"?><setup xmlns="urn:a" version="1"/>`)).toBe("urn:a");
    expect(rootNamespace(`<o:ownedSheets xmlns:o="urn:b"><o:sheet/></o:ownedSheets>`)).toBe("urn:b");
    expect(rootNamespace(`<plain/>`)).toBeUndefined();
  });
});
