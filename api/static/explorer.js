// The analyst explorer: search, open an account, see who decides, what to sell next, and
// the account's neighbourhood. Everything comes from the same GraphQL API as any client,
// so the caller's policy (territory, PII masking) applies here too.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const keyInput = $('key');
  keyInput.value = sessionStorage.getItem('accountgraph.key') || '';
  keyInput.addEventListener('change', () => sessionStorage.setItem('accountgraph.key', keyInput.value.trim()));

  async function gql(query, variables) {
    const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
    const key = keyInput.value.trim();
    if (key) headers.authorization = 'Bearer ' + key;
    const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = await response.json();
    if (body.errors && body.errors.length) throw new Error(body.errors.map((e) => e.message).join('; '));
    return body.data;
  }

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }

  function status(text) { $('status').textContent = text || ''; }

  const SEARCH = `query Search($text: String!) { search(text: $text, first: 20) {
    __typename id key ... on Company { name city territory } ... on Person { name title }
    ... on Product { name category } ... on Topic { name } } }`;

  async function search(text) {
    status('Searching…');
    try {
      const data = await gql(SEARCH, { text });
      const list = $('results');
      list.replaceChildren();
      for (const hit of data.search) {
        const button = el('button');
        button.append(el('strong', hit.name || hit.key), el('br'), el('small', `${hit.__typename} · ${hit.key}` +
          (hit.territory ? ` · ${hit.territory}` : '') + (hit.title ? ` · ${hit.title}` : '')));
        if (hit.__typename === 'Company') button.addEventListener('click', () => openAccount(hit.id));
        else button.disabled = true;
        const item = el('li');
        item.append(button);
        list.append(item);
      }
      status(data.search.length ? '' : 'Nothing found.');
    } catch (error) { status(error.message); }
  }

  const ACCOUNT = `query Account($id: ID!) { node(id: $id) { ... on Company {
    id key name aliases industry city territory tier lifecycle
    decisionChain { role stance influence reasons person { id name title } }
    signals(first: 20) { nodes { id kind severity score reason suggestedAction status } }
    crossSell(first: 5) { score explanation evidence paths product { id name } contact { name title } }
    purchaseSummary(first: 20) { lines amount lastAt product { id name } }
    contacts(first: 30) { nodes { id name title } }
    installedProducts(first: 20) { nodes { id name } }
    competitors(first: 10) { nodes { id name } }
    suppliers(first: 10) { nodes { id name } }
    suppliesTo(first: 10) { nodes { id name } }
    partners(first: 10) { nodes { id name } }
    opportunities(first: 10) { nodes { id name stage } }
  } } }`;

  async function openAccount(id) {
    status('Loading account…');
    try {
      const data = await gql(ACCOUNT, { id });
      if (!data.node) { status('Not found, or not in your territory.'); return; }
      render(data.node);
      status('');
    } catch (error) { status(error.message); }
  }

  function render(c) {
    $('account').hidden = false;
    $('account-name').textContent = c.name + (c.aliases && c.aliases.length ? ` (${c.aliases.join(', ')})` : '');
    $('account-facts').textContent = [c.key, c.industry, c.city, c.territory, c.tier && `tier ${c.tier}`, c.lifecycle]
      .filter(Boolean).join(' · ');
    const chain = $('chain').querySelector('tbody');
    chain.replaceChildren();
    for (const m of c.decisionChain) {
      const row = el('tr');
      row.append(el('td', m.person ? `${m.person.name}${m.person.title ? ' — ' + m.person.title : ''}` : '(hidden)'),
        el('td', m.role), el('td', m.stance || ''), el('td', m.influence.toFixed(2)), el('td', m.reasons.join('; '), 'why'));
      chain.append(row);
    }
    const signals = $('signals');
    signals.replaceChildren();
    for (const s of c.signals.nodes) {
      const item = el('li');
      item.append(el('span', `${s.kind} (${s.severity || '?'}, ${s.score ?? ''})`, `sev-${s.severity}`),
        el('div', s.reason || '', 'why'), el('div', s.suggestedAction || '', 'why'));
      signals.append(item);
    }
    if (!c.signals.nodes.length) signals.append(el('li', 'No open signals.'));
    const cross = $('cross-sell');
    cross.replaceChildren();
    for (const x of c.crossSell) {
      const item = el('li');
      item.append(el('strong', `${x.product ? x.product.name : '?'} (${x.score.toFixed(2)})`),
        el('div', x.explanation, 'why explanation'));
      for (const path of x.paths) item.append(el('div', path.join(' → '), 'why path'));
      if (x.contact) item.append(el('div', `Approach: ${x.contact.name}${x.contact.title ? ', ' + x.contact.title : ''}`, 'why'));
      cross.append(item);
    }
    if (!c.crossSell.length) cross.append(el('li', 'No recommendations computed yet.'));
    const purchases = $('purchases');
    purchases.replaceChildren();
    for (const p of c.purchaseSummary) {
      const amount = p.amount === null ? '' : `, ${Math.round(p.amount).toLocaleString()}`;
      purchases.append(el('li', `${p.product ? p.product.name : '?'}: ${p.lines} lines${amount}` +
        (p.lastAt ? `, last ${p.lastAt}` : '')));
    }
    if (!c.purchaseSummary.length) purchases.append(el('li', 'No purchases.'));
    draw(c);
  }

  let cy = null;
  function draw(c) {
    const nodes = new Map();
    const edges = [];
    const add = (n, kind) => { if (!nodes.has(n.id)) nodes.set(n.id, { data: { id: n.id, label: n.name || n.id, kind } }); };
    const link = (a, b, label) => edges.push({ data: { id: `${a}|${b}|${label}`, source: a, target: b, label } });
    add(c, 'center');
    for (const p of c.contacts.nodes) { add(p, 'person'); link(p.id, c.id, 'works at'); }
    for (const p of c.purchaseSummary) { if (p.product) { add(p.product, 'product'); link(c.id, p.product.id, 'purchased'); } }
    for (const p of c.installedProducts.nodes) { add(p, 'product'); link(c.id, p.id, 'uses'); }
    for (const [list, label] of [[c.competitors, 'competes'], [c.suppliers, 'supplies us'], [c.suppliesTo, 'supplies'], [c.partners, 'partner']]) {
      for (const o of list.nodes) { add(o, 'company'); link(c.id, o.id, label); }
    }
    for (const o of c.opportunities.nodes) { add({ id: o.id, name: o.name || o.stage }, 'deal'); link(c.id, o.id, 'deal'); }
    const unique = [...new Map(edges.map((e) => [e.data.id, e])).values()];
    if (cy) cy.destroy();
    cy = cytoscape({
      container: $('graph'),
      elements: [...nodes.values(), ...unique],
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 9, 'background-color': '#7a8ba6', width: 18, height: 18 } },
        { selector: 'node[kind = "center"]', style: { 'background-color': '#16325c', width: 30, height: 30, 'font-weight': 'bold' } },
        { selector: 'node[kind = "company"]', style: { 'background-color': '#d9822b', shape: 'round-rectangle' } },
        { selector: 'node[kind = "product"]', style: { 'background-color': '#2b8a3e', shape: 'diamond' } },
        { selector: 'node[kind = "deal"]', style: { 'background-color': '#a61e4d', shape: 'triangle' } },
        { selector: 'edge', style: { width: 1, 'line-color': '#c3cad6', 'curve-style': 'bezier', label: 'data(label)', 'font-size': 7, color: '#889' } },
      ],
      layout: { name: 'cose', animate: false, randomize: false },
    });
    cy.on('tap', 'node[kind = "company"]', (event) => openAccount(event.target.id()));
  }

  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = $('search').value.trim();
    if (text) search(text);
  });
})();
