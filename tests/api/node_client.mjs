// Runs every query in queries/ (the README's examples) with graphql-request, in file order,
// chaining variables as test_client.py does: $text is the search text, $key and $id the first
// company found, $signal that company's first signal. Prints one JSON line per query:
// {"query": "<file stem>", "ok": true, "data": {...}} or {"query": ..., "ok": false, "error": "..."}.
// usage: node node_client.mjs <graphql url> <api key> [search text]
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import { GraphQLClient } from 'graphql-request';

const [url, key, text = 'East华002'] = process.argv.slice(2);
if (!url || !key) {
  console.error('usage: node node_client.mjs <graphql url> <api key> [search text]');
  process.exit(2);
}
const dir = join(dirname(fileURLToPath(import.meta.url)), 'queries');
const client = new GraphQLClient(url, { headers: { authorization: `Bearer ${key}` } });
const known = { text };
let failures = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.graphql')).sort()) {
  const query = readFileSync(join(dir, file), 'utf8');
  const [operation] = parse(query).definitions;
  const variables = Object.fromEntries(
    (operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, known[v.variable.name.value]]),
  );
  const name = basename(file, '.graphql');
  try {
    const data = await client.request(query, variables);
    const company = (data.search ?? []).find((hit) => hit.__typename === 'Company');
    if (company) Object.assign(known, { key: company.key, id: company.id });
    const signal = data.company?.signals?.nodes?.[0];
    if (signal) known.signal = signal.id;
    console.log(JSON.stringify({ query: name, ok: true, data }));
  } catch (error) {
    failures += 1;
    const errors = error.response?.errors ?? [{ message: String(error) }];
    console.log(JSON.stringify({ query: name, ok: false, error: errors }));
  }
}
process.exit(failures ? 1 : 0);
