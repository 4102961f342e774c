import {
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { CatalogueFunction, formatSignature } from "./catalogue";

export interface FunctionEntryProps {
  fn: CatalogueFunction;
}

const useStyles = makeStyles({
  item: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  signature: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    // Long signatures wrap at parameter boundaries or anywhere rather than widen a narrow pane.
    overflowWrap: "anywhere",
    textAlign: "start",
  },
  description: {
    display: "block",
    paddingBottom: tokens.spacingVerticalS,
    paddingInlineStart: tokens.spacingHorizontalXXL,
    paddingInlineEnd: tokens.spacingHorizontalS,
    color: tokens.colorNeutralForeground2,
  },
  parameters: {
    margin: 0,
    paddingBottom: tokens.spacingVerticalS,
    paddingInlineStart: tokens.spacingHorizontalXL,
  },
  parameterName: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
  parameterHelp: {
    marginInlineStart: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
});

/**
 * One custom function: its signature (the accordion header, a keyboard-reachable heading), its
 * one-line help, and, when expanded, what each parameter means.
 */
export function FunctionEntry({ fn }: FunctionEntryProps) {
  const styles = useStyles();
  return (
    <AccordionItem value={fn.name} className={styles.item}>
      <AccordionHeader as="h3" size="small">
        <span className={styles.signature}>{formatSignature(fn)}</span>
      </AccordionHeader>
      <Text size={200} className={styles.description}>
        {fn.description}
      </Text>
      <AccordionPanel>
        {fn.parameters.length === 0 ? (
          <Text size={200} className={styles.description}>
            Takes no arguments.
          </Text>
        ) : (
          <dl className={styles.parameters}>
            {fn.parameters.map((p) => (
              <div key={p.name}>
                <dt className={styles.parameterName}>{p.optional ? `${p.name} (optional)` : p.name}</dt>
                <dd className={styles.parameterHelp}>{p.description}</dd>
              </div>
            ))}
          </dl>
        )}
      </AccordionPanel>
    </AccordionItem>
  );
}
