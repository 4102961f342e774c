/**
 * The smallest `CustomFunctions` global Excel provides to a functions bundle: `associate`, `Error`
 * and `ErrorCode`. Error values in input cells are `CustomFunctions.Error` instances, as Excel
 * passes them to parameters of type `any` when functions.json sets `allowErrorForDataTypeAny`.
 */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

export class ExcelErrorStub {
  constructor(
    readonly code: ErrorCodeValue,
    readonly message?: string,
  ) {}
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Excel's boundary: functions take and return any cell values.
export type CustomFunction = (...args: any[]) => any;

export interface CustomFunctionsStub {
  associate(id: string, fn: CustomFunction): void;
  Error: typeof ExcelErrorStub;
  ErrorCode: typeof ErrorCode;
}

export function makeStub(registry: Map<string, CustomFunction>): CustomFunctionsStub {
  return {
    associate(id: string, fn: CustomFunction) {
      if (registry.has(id)) throw new Error(`${id} associated twice`);
      registry.set(id, fn);
    },
    Error: ExcelErrorStub,
    ErrorCode,
  };
}
