import { useEffect, useState } from "react";
import { ColumnMapping, InputTable } from "../../engine/segmentation/input";
import { RowException, prepareItems } from "../../engine/segmentation/prepare";

export interface ExclusionPreview {
  /** False until the first check has finished. */
  ready: boolean;
  /** True while a newer check than the one shown is pending. */
  checking: boolean;
  excluded: number;
  total: number;
  examples: RowException[];
}

const EXAMPLES = 3;

/**
 * Which rows the engine will send to Exceptions with this mapping: the engine's own row checks
 * (prepareItems, the first stage of segment, without the policy maths). Runs after the render
 * that asked for it, so a dropdown change paints first; a newer mapping supersedes an older check.
 */
export function useExclusionPreview(
  table: InputTable,
  mapping: ColumnMapping,
  defaultOrderCost: number,
): ExclusionPreview {
  const [preview, setPreview] = useState<ExclusionPreview>({
    ready: false,
    checking: true,
    excluded: 0,
    total: table.rows.length,
    examples: [],
  });
  useEffect(() => {
    setPreview((p) => (p.checking ? p : { ...p, checking: true }));
    const timer = setTimeout(() => {
      const { exceptions } = prepareItems(table, mapping, defaultOrderCost);
      setPreview({
        ready: true,
        checking: false,
        excluded: exceptions.length,
        total: table.rows.length,
        examples: exceptions.slice(0, EXAMPLES),
      });
    }, 0);
    return () => clearTimeout(timer);
  }, [table, mapping, defaultOrderCost]);
  return preview;
}
