/**
 * Errors as Office.js raises them (OfficeExtension.Error): a `code` the adapter can test, Excel's message, and
 * `debugInfo.errorLocation` naming the failing call.
 */
export type ExcelErrorCode =
  | 'ApiNotFound'
  | 'GeneralException'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidReference'
  | 'ItemAlreadyExists'
  | 'ItemNotFound'
  | 'PropertyNotLoaded'
  | 'RequestPayloadSizeLimitExceeded'
  | 'ResponsePayloadSizeLimitExceeded'
  | 'InvalidObjectPath';

export class ExcelError extends Error {
  readonly code: ExcelErrorCode;
  readonly debugInfo: { code: ExcelErrorCode; message: string; errorLocation?: string };

  constructor(code: ExcelErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
    Object.setPrototypeOf(this, ExcelError.prototype);
  }
}

export function propertyNotLoaded(property: string): ExcelError {
  return new ExcelError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}
