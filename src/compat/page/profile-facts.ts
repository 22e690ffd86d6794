/**
 * What only the typed profile knows, in the words of a provider page: behaviours grouped by kind,
 * the lifecycle, the status of fields no claim names ("by default") and claims scoped to models.
 */
import type { Behaviour, Claim, Lifecycle, ProfileModel } from '../../profile/types.ts';
import type { Block } from './blocks.ts';

const kindTitles: Record<Behaviour['kind'], string> = {
  messages: 'Messages',
  errors: 'Errors',
  'rate-limits': 'Rate limits',
  streaming: 'Streaming',
  auth: 'Authentication',
  models: 'Models',
  other: 'Other behaviours',
};

/** Kinds the page shows under "Errors", as providers' docs group them: error answers and rate limits. */
const errorKinds: Behaviour['kind'][] = ['errors', 'rate-limits'];

function behaviourItem(b: Behaviour): string {
  return `**${b.title}**: ${b.note}${b.operations?.length ? ` (${b.operations.map((o) => `\`${o}\``).join(', ')})` : ''}`;
}

/** "Errors": the error and rate-limit behaviours, each kind its own list. */
export function errorBlocks(model: ProfileModel | undefined): Block[] {
  const here = (model?.behaviours ?? []).filter((b) => errorKinds.includes(b.kind));
  if (!here.length) return [];
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: 'Errors' }];
  for (const kind of errorKinds) {
    const items = here.filter((b) => b.kind === kind);
    if (items.length) blocks.push({ kind: 'heading', level: 3, text: kindTitles[kind] }, { kind: 'list', items: items.map(behaviourItem) });
  }
  return blocks;
}

/** The other behaviours, grouped by kind. */
export function behaviourBlocks(model: ProfileModel | undefined): Block[] {
  const rest = (model?.behaviours ?? []).filter((b) => !errorKinds.includes(b.kind));
  if (!rest.length) return [];
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: 'Behaviours' }];
  for (const kind of Object.keys(kindTitles) as Behaviour['kind'][]) {
    const here = rest.filter((b) => b.kind === kind);
    if (here.length) blocks.push({ kind: 'heading', level: 3, text: kindTitles[kind] }, { kind: 'list', items: here.map(behaviourItem) });
  }
  return blocks;
}

function lifecycleLine(what: string, l: Lifecycle): string {
  const when = l.date ? ` since ${l.date}` : '';
  const instead = l.replacement ? `; use ${l.replacement.includes(' /') ? `\`${l.replacement}\`` : l.replacement} instead` : '';
  const answer = l.answer ? `; requests are answered with ${l.answer.status}${l.answer.message ? ` (${l.answer.message})` : ''}` : '';
  return `${what} is **${l.state}**${when}${instead}${answer}.${l.note ? ` ${l.note}` : ''}`;
}

export function lifecycleText(model: ProfileModel | undefined): string[] {
  if (!model) return [];
  const out: string[] = [];
  if (model.lifecycle && model.lifecycle.state !== 'active') out.push(lifecycleLine('The API', model.lifecycle));
  for (const op of [...model.operations, ...model.unoffered]) {
    if (op.lifecycle && op.lifecycle.state !== 'active') out.push(lifecycleLine(`\`${op.key}\``, op.lifecycle));
  }
  return out;
}

/** "Other request fields: **supported** by default" lines of an operation. */
export function byDefault(model: ProfileModel | undefined, operation: string): string[] {
  const op = model?.operations.find((o) => o.key === operation);
  if (!op) return [];
  return Object.entries(op.defaults).map(([location, d]) => `Fields of \`${location}\` not listed: **${d!.status}** by default${d!.note ? ` (${d!.note})` : ''}.`);
}

/** "for `model-a`: unsupported" when a field's claims depend on the model or mode. */
export function modelScoped(model: ProfileModel | undefined, operation: string, location: string, field: string): string | undefined {
  const claims = model?.operations.find((o) => o.key === operation)?.fields[location as keyof ProfileModel['operations'][number]['fields']]?.[field];
  const list: Claim[] = Array.isArray(claims) ? claims : claims ? [claims] : [];
  const scoped = list.filter((c) => c.models?.length || c.mode);
  if (!scoped.length) return undefined;
  return scoped
    .map((c) => `${c.models?.length ? `for ${c.models.map((m) => `\`${m}\``).join(', ')}` : `in ${c.mode} mode`}: ${c.status}${c.note ? ` (${c.note})` : ''}`)
    .join('; ');
}
