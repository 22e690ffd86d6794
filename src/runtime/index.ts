/** Runtime support imported by the generated provider modules. */
export { ApiError, ConnectionError, OaiCompatError, StreamError, parseErrorBody, type ErrorDetail, type StreamErrorKind } from './errors.ts';
export { parseSse, readEventStream, type SseEvent } from './sse.ts';
export { createProviderClient, type ClientOptions, type ProviderClient, type StreamMethod } from './client.ts';
export { checkRequest, checkResponse, checkStreamEvent, prepareRequest, type PrepareOptions, type PrepareReport } from './check.ts';
export type { CheckResult, FieldClaim, FieldClaims, Issue, OperationEntry, OperationTable, ProviderProfile, SupportStatus, ValidateFunction } from './types.ts';
export { validatorLoader, type ValidatorModule } from './validators.ts';
