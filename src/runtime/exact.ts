/**
 * Exactness at the call site. openapi-fetch infers a call's `init` generically, so TypeScript never
 * checks excess properties of the body; these types add the check back: a key the operation's body
 * does not have (at any depth) must be `never`, whether the body is a literal or a typed variable.
 */
import type { FetchOptions, MaybeOptionalInit } from 'openapi-fetch';

/** Every key of any member of a union (`keyof` of a union keeps only the common ones). */
type KeysOf<T> = T extends unknown ? keyof T : never;

/** The type of `K` in whichever union members have it. */
type ValueAt<T, K> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;

type ElementOf<T> = T extends readonly (infer E)[] ? E : never;

/** `B` with every key that `S` does not allow mapped to `never`, recursively through objects and arrays. */
export type Exact<B, S> = 0 extends 1 & B
  ? B
  : B extends readonly unknown[]
    ? { [I in keyof B]: Exact<B[I], ElementOf<S>> }
    : B extends object
      ? B extends (...args: never[]) => unknown
        ? B
        : { [K in keyof B]: K extends KeysOf<S> ? Exact<B[K], ValueAt<S, K>> : never }
      : B;

/** The JSON body an operation takes (never when it takes none). */
export type BodyOf<Operation> = NonNullable<FetchOptions<Operation> extends { body?: infer B } ? B : never>;

/** The exactness condition on a call's init: its body must be `Exact` against the operation's. */
export type ExactInit<Init, Operation> = Init extends { body: infer B } ? { body: Exact<B, BodyOf<Operation>> } : unknown;

/** `init` of a call of `Method` on `Operations[Path]`, as openapi-fetch derives it. */
export type InitOf<PathItem, Method extends keyof PathItem> = MaybeOptionalInit<PathItem, Method>;
