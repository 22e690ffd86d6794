/** Runtime support imported by the generated provider modules. */
export { ApiError, ConnectionError, OaiCompatError, StreamError, parseErrorBody, type ErrorDetail, type StreamErrorKind } from './errors.ts';
export { parseSse, readEventStream, type SseEvent } from './sse.ts';
export { createProviderClient, type Answer, type ClientOptions, type ExactMethod, type PathsWith, type ProviderClient, type StreamMethod } from './client.ts';
export type { BodyOf, Exact, ExactInit } from './exact.ts';
export { checkRequest, checkResponse, checkStreamEvent, prepareRequest, type PrepareOptions, type PrepareReport } from './check.ts';
export type {
  CheckResult,
  EndpointLifecycle,
  FieldClaim,
  FieldClaims,
  Issue,
  OperationEntry,
  OperationTable,
  ProviderProfile,
  RequestEntry,
  RequestTable,
  ResponseEntry,
  ResponseTable,
  SupportStatus,
  ValidateFunction,
} from './types.ts';
export { modeOf, type ProviderMode } from './modes.ts';
export { combineValidators, equal, joinTables, ucs2length, withLazyFastVariant } from './validators.ts';
