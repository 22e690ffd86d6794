/** The quick start of a provider page: base URL, auth, models, and the official OpenAI SDKs pointed at the provider. */
import type { CompatReport } from '../types.ts';
import type { Block } from './blocks.ts';

type Auth = NonNullable<CompatReport['provider']['auth']>;

const placeholderModel = 'MODEL_NAME';

/** The header line a request carries. */
export function authHeader(auth: Auth | { scheme: string; header?: string }): string {
  return auth.scheme === 'bearer' ? 'Authorization: Bearer <key>' : `${auth.header}: <key>`;
}

/** The first operation an example can show, with the SDK call that makes it (TypeScript, Python). */
interface Example {
  operation: string;
  ts: (model: string) => string;
  py: (model: string) => string;
}

const examples: Example[] = [
  {
    operation: 'POST /chat/completions',
    ts: (m) => `const completion = await client.chat.completions.create({\n  model: '${m}',\n  messages: [{ role: 'user', content: 'Say hello.' }],\n});\nconsole.log(completion.choices[0].message.content);`,
    py: (m) => `completion = client.chat.completions.create(\n    model="${m}",\n    messages=[{"role": "user", "content": "Say hello."}],\n)\nprint(completion.choices[0].message.content)`,
  },
  {
    operation: 'POST /responses',
    ts: (m) => `const response = await client.responses.create({ model: '${m}', input: 'Say hello.' });\nconsole.log(response.output_text);`,
    py: (m) => `response = client.responses.create(model="${m}", input="Say hello.")\nprint(response.output_text)`,
  },
  {
    operation: 'POST /embeddings',
    ts: (m) => `const result = await client.embeddings.create({ model: '${m}', input: 'Say hello.' });\nconsole.log(result.data[0].embedding.length);`,
    py: (m) => `result = client.embeddings.create(model="${m}", input="Say hello.")\nprint(len(result.data[0].embedding))`,
  },
  {
    operation: 'GET /models',
    ts: () => `for await (const model of client.models.list()) console.log(model.id);`,
    py: () => `for model in client.models.list():\n    print(model.id)`,
  },
];

function clientTs(baseUrl: string, auth: Auth): string {
  const key = `process.env.${auth.env}`;
  // The SDK always sends `Authorization: Bearer`; a header scheme passes the key itself.
  const credentials = auth.scheme === 'bearer' ? `  apiKey: ${key},` : `  apiKey: 'unused',\n  defaultHeaders: { '${auth.header}': ${key} },`;
  return `import OpenAI from 'openai';\n\nconst client = new OpenAI({\n  baseURL: '${baseUrl}',\n${credentials}\n});\n`;
}

function clientPy(baseUrl: string, auth: Auth): string {
  const key = `os.environ["${auth.env}"]`;
  const credentials = auth.scheme === 'bearer' ? `    api_key=${key},` : `    api_key="unused",\n    default_headers={"${auth.header}": ${key}},`;
  return `import os\n\nfrom openai import OpenAI\n\nclient = OpenAI(\n    base_url="${baseUrl}",\n${credentials}\n)\n`;
}

export function quickStart(report: CompatReport): Block[] {
  const p = report.provider;
  const auth: Auth = p.auth ?? { scheme: 'bearer', env: `${p.id.toUpperCase().replace(/-/g, '_')}_API_KEY` };
  // A bearer alternative lets the SDK authenticate as it does by default.
  const sdkAuth: Auth = auth.scheme === 'bearer' || !auth.alternatives?.some((a) => a.scheme === 'bearer') ? auth : { ...auth, scheme: 'bearer' };
  const offered = new Set(report.operations.filter((o) => o.offered).map((o) => o.operation));
  const facts = [
    `Base URL: \`${p.baseUrl}\``,
    `Authentication: \`${authHeader(auth)}\`${(auth.alternatives ?? []).map((a) => ` or \`${authHeader(a)}\``).join('')}, with the key in the environment variable \`${auth.env}\``,
    p.models?.length ? `Models: ${p.models.map((m) => `\`${m}\``).join(', ')}` : offered.has('GET /models') ? 'Models: listed by `GET /models`' : 'Models: not named in the docs',
  ];
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: 'Quick start' }, { kind: 'list', items: facts }];
  const example = examples.find((e) => offered.has(e.operation));
  if (example) {
    const model = p.models?.[0] ?? placeholderModel;
    blocks.push(
      { kind: 'code', lang: 'ts', title: `With the OpenAI SDK for TypeScript (\`npm install openai\`):`, text: `${clientTs(p.baseUrl, sdkAuth)}\n${example.ts(model)}` },
      { kind: 'code', lang: 'python', title: `With the OpenAI SDK for Python (\`pip install openai\`):`, text: `${clientPy(p.baseUrl, sdkAuth)}\n${example.py(model)}` },
    );
  }
  return blocks;
}
