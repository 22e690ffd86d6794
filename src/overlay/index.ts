/** The overlay engine: Overlay 1.0, 1.1 and 1.2 on RFC 9535 JSONPath (json-p3), strict checks, provenance. */
export { applyOverlay, applyOverlays } from './apply.ts';
export { validateOverlayDocument, featureSet, type OverlayValidation } from './validate.ts';
export type { ActionKind, ActionProvenance, ApplyOptions, ApplyResult, OverlayInput, OverlayVersion } from './types.ts';
