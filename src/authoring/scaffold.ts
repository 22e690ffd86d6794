/** `oai-compat init <id>`: the files of a new provider, to be filled in from its docs. */

export const PROVIDER_ID = /^[a-z0-9][a-z0-9-]*$/;
/** Ids a provider folder cannot take: the base profile, and generated/base/ (the normalized base). */
export const RESERVED_IDS: readonly string[] = ['openai', 'base'];

export interface ScaffoldFile {
  /** Project-relative path. */
  path: string;
  contents: string;
}

/** Why `id` cannot name a provider, or undefined when it can. */
export function invalidProviderId(id: string): string | undefined {
  if (!PROVIDER_ID.test(id)) return `"${id}" is not a provider id: use lower-case letters, digits and "-", starting with a letter or digit`;
  if (RESERVED_IDS.includes(id)) return `"${id}" is reserved (${id === 'openai' ? 'the base profile' : 'generated/base/ holds the normalized base'})`;
  return undefined;
}

const envName = (id: string): string => `${id.toUpperCase().replace(/-/g, '_')}_API_KEY`;

export function scaffoldProvider(id: string): ScaffoldFile[] {
  const overlay = `# ${id}: claims transcribed from the provider's docs. See docs/x-compat.md for the vocabulary;
# the build compiles the claims into the schema (an unsupported field leaves the request, a
# \`reject\` rule becomes a constraint, an extension's schema is added), so write schema edits by
# hand only for what claims cannot say. \`npx oai-compat where <field>\` shows where a field is declared.
overlay: 1.1.0
info:
  title: ${id}
  version: 1.0.0
actions:
  - target: $.servers
    description: The provider's server replaces OpenAI's.
    remove: true
  - target: $
    description: The server and the provider-wide claims.
    update:
      servers:
        - url: https://api.example.com/v1 # TODO: the provider's base URL
      x-compat:
        provider: { id: ${id}, name: ${id} } # TODO: the provider's name
        auth: { scheme: bearer, env: ${envName(id)} }
        sources:
          - { id: ${id}-docs, url: https://example.com/docs/openai-compatibility, title: OpenAI compatibility, verified: 2026-01-01 } # TODO
        source: ${id}-docs
        models: []

  # One action per operation the docs list; operations without x-compat are not offered.
  - target: $.paths['/chat/completions'].post
    description: Chat completions, as the docs describe them.
    update:
      x-compat:
        status: supported
        # defaults:   # the status of fields the docs do not list ("all other fields are supported")
        #   request.body: { status: supported }
        fields:
          request.body:
            model: { status: supported }
            # n: { status: partial, note: Must be exactly 1, rules: [{ when: { notIn: [1] }, effect: reject }] }
            # logprobs: { status: unsupported }
`;
  const fixture = `# Hand transcription of ${id}'s docs: one row per claim, as in the other files of this folder.
# Rows: [operation, location, field, status, note?, replacement?].
provider: ${id}
server: https://api.example.com/v1
auth: { scheme: bearer, env: ${envName(id)} }
models: []
operations: []
claims: []
`;
  return [
    { path: `spec/providers/${id}/overlay.yaml`, contents: overlay },
    { path: `test/fixtures/provider-claims/${id}.yaml`, contents: fixture },
  ];
}
