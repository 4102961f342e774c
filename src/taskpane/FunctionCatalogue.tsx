import {
  Accordion,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  SearchBox,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useId, useMemo, useState } from "react";
import { CatalogueFunction, filterCatalogue } from "./catalogue";
import { FunctionEntry } from "./FunctionEntry";
import { useFunctionCatalogue } from "./useFunctionCatalogue";

interface FunctionListProps {
  functions: readonly CatalogueFunction[];
}

function useFunctionSearch(functions: readonly CatalogueFunction[]) {
  const [query, setQuery] = useState("");
  const matches = useMemo(() => filterCatalogue(functions, query), [functions, query]);
  return { query, setQuery, matches };
}

function countText(shown: number, total: number, query: string): string {
  if (query.trim() === "") return `${total} functions`;
  if (shown === 0) return `No function matches “${query.trim()}”.`;
  return `${shown} of ${total} functions`;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  heading: {
    margin: 0,
  },
  count: {
    color: tokens.colorNeutralForeground3,
  },
});

/** The searchable list, once the catalogue has loaded. */
function FunctionList({ functions }: FunctionListProps) {
  const { query, setQuery, matches } = useFunctionSearch(functions);
  const styles = useStyles();
  return (
    <>
      <Field label="Search functions">
        <SearchBox value={query} onChange={(_, data) => setQuery(data.value)} placeholder="Name or purpose" />
      </Field>
      <Text size={200} className={styles.count} role="status">
        {countText(matches.length, functions.length, query)}
      </Text>
      <Accordion collapsible multiple>
        {matches.map((fn) => (
          <FunctionEntry key={fn.name} fn={fn} />
        ))}
      </Accordion>
    </>
  );
}

/** The custom functions the add-in registers, read at run time from the generated functions.json. */
export function FunctionCatalogue() {
  const catalogue = useFunctionCatalogue();
  const headingId = useId();
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        Custom functions
      </Subtitle2>
      {catalogue.status === "loading" && <Spinner size="small" label="Loading the function list…" />}
      {catalogue.status === "error" && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Could not load the function list.</MessageBarTitle>
            {catalogue.error}
          </MessageBarBody>
        </MessageBar>
      )}
      {catalogue.status === "ready" && <FunctionList functions={catalogue.functions} />}
    </section>
  );
}
