// The lwAFTR operator page. Everything comes from the REST API one level up (../softwires, ../stats,
// ../sharing, ../policy): the same API in ONOS and in the standalone controller. Paging and filtering
// are done by the server (GET /softwires?offset&limit&ipv4&lwb4&br), so a million softwires page like
// ten. Counters (the selected softwire's, punts and drops by reason) refresh every REFRESH ms.
'use strict';
const API = '..';
const PAGE = 50;
const SHARING_PAGE = 20;
const REFRESH = 2000;
let offset = 0;
let sort = 'ipv4'; // the server sorts (GET /softwires?sort=ipv4|lwb4|br), then pages
let total = 0;
let filter = {};
let selected = null;   // {ipv4, psid} of the softwire whose counters are shown
let sharingOffset = 0;
let sharingTotal = 0;

function $(id) { return document.getElementById(id); }

async function call(method, path, body) {
  const init = { method, headers: { 'Accept': 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  // Resolved against the page without any user:password@ (fetch refuses URLs with credentials;
  // the browser adds the ones it was given for this realm).
  const r = await fetch(new URL(API + path, location.origin + location.pathname), init);
  const text = await r.text();
  const json = text ? JSON.parse(text) : {};
  if (!r.ok) {
    const e = new Error(json.error || ('HTTP ' + r.status));
    e.field = json.field;
    throw e;
  }
  return json;
}

/** An API error as the user sees it: the API's message, which names the field (prefixed if it does not). */
function describe(e) {
  return (e.field && !e.message.includes(e.field) ? e.field + ': ' : '') + e.message;
}

function cell(tr, text, cls) {
  const td = document.createElement('td');
  td.textContent = text;
  if (cls) td.className = cls;
  tr.appendChild(td);
  return td;
}

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

async function loadPage() {
  const q = new URLSearchParams({ offset: String(offset), limit: String(PAGE), sort });
  for (const [k, v] of Object.entries(filter)) {
    if (v) q.set(k, v);
  }
  $('search-error').textContent = '';
  let page;
  try {
    page = await call('GET', '/softwires?' + q);
  } catch (e) {
    $('search-error').textContent = describe(e);
    return;
  }
  total = page.total;
  const body = $('softwires').tBodies[0];
  body.replaceChildren();
  for (const s of page['binding-entry']) {
    const tr = document.createElement('tr');
    const ps = s['port-set'];
    const psid = ps ? ps.psid : 0;   // no port-set: the whole address (PSID 0)
    tr.dataset.key = s['binding-ipv4-addr'] + '/' + psid;
    if (selected && tr.dataset.key === selected.ipv4 + '/' + selected.psid) tr.classList.add('selected');
    [s['binding-ipv4-addr'], psid, ps ? ps['psid-offset'] : 0, ps ? ps['psid-len'] : 0, s['binding-ipv6info'],
      s['br-ipv6-addr']].forEach(v => cell(tr, v));
    const rm = document.createElement('button');
    rm.textContent = 'remove';
    rm.className = 'remove';
    rm.onclick = ev => { ev.stopPropagation(); remove(s['binding-ipv4-addr'], psid); };
    tr.appendChild(document.createElement('td')).appendChild(rm);
    tr.onclick = () => select(s['binding-ipv4-addr'], psid);
    body.appendChild(tr);
  }
  const last = Math.min(total, offset + page['binding-entry'].length);
  $('page').textContent = total === 0 ? 'no softwires' : `${offset + 1}–${last} of ${total}`;
  $('prev').disabled = offset === 0;
  $('next').disabled = offset + PAGE >= total;
}

function select(ipv4, psid) {
  selected = { ipv4, psid };
  for (const tr of $('softwires').tBodies[0].rows) {
    tr.classList.toggle('selected', tr.dataset.key === ipv4 + '/' + psid);
  }
  loadDetails();
}

/** The selected softwire's binding and its counters each way (GET /stats/{ipv4}/{psid}). */
async function loadDetails() {
  if (!selected) return;
  const { ipv4, psid } = selected;
  $('sw-key').textContent = `${ipv4} PSID ${psid}`;
  try {
    const st = await call('GET', `/stats/${ipv4}/${psid}`);
    if (!selected || selected.ipv4 !== ipv4 || selected.psid !== psid) return;
    const b = st['binding-entry'];
    const ps = b['port-set'];
    $('details').textContent = (ps ? `port set: offset ${ps['psid-offset']}, length ${ps['psid-len']}` : 'whole address')
        + ` · lwB4 ${b['binding-ipv6info']} · BR ${b['br-ipv6-addr']} · counter index ${st['counter-index']}`;
    $('sw-down-packets').textContent = st.downstream.packets;
    $('sw-down-bytes').textContent = st.downstream.bytes;
    $('sw-up-packets').textContent = st.upstream.packets;
    $('sw-up-bytes').textContent = st.upstream.bytes;
    $('sw-counters').hidden = false;
  } catch (e) {
    $('details').textContent = e.message;
    $('sw-counters').hidden = true;
  }
}

async function remove(ipv4, psid) {
  try {
    const r = await call('DELETE', `/softwires/${ipv4}/${psid}`);
    $('edit-result').textContent = `removed ${r.removed}, table version ${r['table-version']}`;
    if (selected && selected.ipv4 === ipv4 && selected.psid === psid) {
      selected = null;
      $('sw-key').textContent = '';
      $('details').textContent = 'Select a softwire.';
      $('sw-counters').hidden = true;
    }
    await loadPage();
    loadSharing();
  } catch (e) {
    $('edit-error').textContent = describe(e);
  }
}

async function apply(ev) {
  ev.preventDefault();
  $('edit-error').textContent = '';
  $('edit-result').textContent = '';
  const num = id => { const v = $(id).value.trim(); return /^-?\d+$/.test(v) ? Number(v) : v; };
  const change = {
    op: $('e-op').value,
    'binding-ipv4-addr': $('e-ipv4').value.trim(),
    'port-set': { 'psid-offset': num('e-offset'), 'psid-len': num('e-len'), psid: num('e-psid') },
    'binding-ipv6info': $('e-lwb4').value.trim(),
    'br-ipv6-addr': $('e-br').value.trim(),
  };
  try {
    const r = await call('POST', '/softwires', { changes: [change] });
    $('edit-result').textContent = `added ${r.added}, replaced ${r.replaced}, table version ${r['table-version']}`;
    await loadPage();
    loadSharing();
  } catch (e) {
    // The API names the field in the user's own terms (RFC 8676 names).
    $('edit-error').textContent = describe(e);
  }
}

/**
 * A table of counters by name: one row per reason that counted something (data-reason), packets and
 * bytes. Punt and drop reasons are pipeline.p4's PuntReason_t / DropReason_t names (docs/pipeline.md).
 */
function reasonTable(byReason, kind) {
  const t = el('table', undefined, 'reasons ' + kind);
  const head = t.createTHead().insertRow();
  ['reason', 'packets', 'bytes'].forEach(h => head.appendChild(el('th', h)));
  const body = t.createTBody();
  const all = Object.entries(byReason || {});
  for (const [reason, c] of all.filter(([, c]) => c.packets > 0)) {
    const tr = body.insertRow();
    tr.dataset.reason = reason;
    cell(tr, reason);
    cell(tr, c.packets, 'num packets');
    cell(tr, c.bytes, 'num bytes');
  }
  const shown = body.rows.length;
  const rest = body.insertRow();
  rest.className = 'rest';
  const td = cell(rest, shown === 0 ? (all.length ? 'none (every reason 0)' : 'not read (device down)')
      : 'every other reason 0');
  td.colSpan = 3;
  return t;
}

function nextHopTable(hops) {
  const t = el('table', undefined, 'next-hops');
  const head = t.createTHead().insertRow();
  ['side', 'state', 'next-hop IP', 'next-hop MAC'].forEach(h => head.appendChild(el('th', h)));
  const body = t.createTBody();
  for (const [side, h] of Object.entries(hops)) {
    const tr = body.insertRow();
    tr.dataset.side = side;
    [side, h.state, h['next-hop-ip'] || '', h['next-hop-mac'] || ''].forEach(v => cell(tr, v));
  }
  return t;
}

async function loadStats() {
  try {
    const st = await call('GET', '/stats');
    $('summary').textContent = `${st.softwires} softwires, table version ${st['table-version']}`;
    const box = $('devices');
    const parts = [];
    for (const [id, d] of Object.entries(st.devices || {})) {
      const div = el('div', undefined, 'device');
      div.dataset.device = id;
      const punt = el('div');
      punt.append(el('h4', 'punted to the controller, by reason'), reasonTable(d.punt, 'punt'));
      const drop = el('div');
      drop.append(el('h4', 'dropped by the data plane, by reason'), reasonTable(d.drop, 'drop'));
      const row = el('div', undefined, 'side-by-side');
      row.append(punt, drop);
      div.append(el('h3', id), row);
      if (d.filter) div.append(el('h4', 'filters'), reasonTable(d.filter, 'filter'));
      if (d['next-hops']) div.append(el('h4', 'next hops'), nextHopTable(d['next-hops']));
      parts.push(div);
    }
    box.replaceChildren(...parts);
    const sp = $('slow-path').tBodies[0];
    sp.replaceChildren();
    const counters = Object.entries(st['slow-path'] || {});
    for (const [name, v] of counters.filter(([, v]) => v > 0)) {
      const tr = sp.insertRow();
      tr.dataset.counter = name;
      cell(tr, name);
      cell(tr, v, 'num');
    }
    const shown = sp.rows.length;
    const rest = sp.insertRow();
    rest.className = 'rest';
    cell(rest, shown ? `the ${counters.length - shown} others 0` : `all ${counters.length} counters 0`).colSpan = 2;
    $('policy').textContent = JSON.stringify((await call('GET', '/policy')).policy, null, 2);
  } catch (e) {
    $('summary').textContent = e.message;
  }
}

/** The address-sharing report: totals, sharing-ratio histogram, one page of addresses (GET /sharing...). */
async function loadSharing() {
  $('sharing-error').textContent = '';
  try {
    const sum = await call('GET', '/sharing');
    $('sharing-summary').textContent = `${sum.addresses} IPv4 addresses (${sum['fully-used']} fully used, `
        + `${sum['partly-used']} partly used), ${sum.softwires} softwires`;
    const h = $('sharing-histogram').tBodies[0];
    h.replaceChildren();
    for (const b of sum['sharing-ratio-histogram']) {
      const tr = h.insertRow();
      [b['sharing-ratio'], b.addresses, b.softwires].forEach(v => cell(tr, v, 'num'));
    }
    const page = await call('GET', `/sharing/addresses?offset=${sharingOffset}&limit=${SHARING_PAGE}`);
    sharingTotal = page.total;
    const body = $('sharing-addresses').tBodies[0];
    body.replaceChildren();
    for (const a of page.addresses) {
      const tr = body.insertRow();
      tr.dataset.ipv4 = a['binding-ipv4-addr'];
      cell(tr, a['binding-ipv4-addr']);
      [a['psid-offset'], a['psid-len'], `${a.softwires} of ${a['sharing-ratio']}`, a['ports-allocated'],
        a['ports-free']].forEach(v => cell(tr, v, 'num'));
      const l = a.lwb4s;   // all of them in the tooltip
      cell(tr, l.length <= 2 ? l.join(' ') : `${l.length}: ${l[0]} … ${l[l.length - 1]}`).title = l.join('\n');
    }
    const last = Math.min(sharingTotal, sharingOffset + page.addresses.length);
    $('sharing-page').textContent = sharingTotal === 0 ? 'no addresses'
        : `${sharingOffset + 1}–${last} of ${sharingTotal} addresses`;
    $('sharing-prev').disabled = sharingOffset === 0;
    $('sharing-next').disabled = sharingOffset + SHARING_PAGE >= sharingTotal;
  } catch (e) {
    $('sharing-error').textContent = describe(e);
  }
}
$('search').onsubmit = ev => {
  ev.preventDefault();
  filter = { ipv4: $('q-ipv4').value.trim(), lwb4: $('q-lwb4').value.trim(), br: $('q-br').value.trim() };
  offset = 0;
  loadPage();
};
for (const b of document.querySelectorAll('button.sort')) {
  b.onclick = () => {
    sort = b.dataset.sort;
    offset = 0;
    for (const o of document.querySelectorAll('button.sort')) {
      if (o === b) o.parentElement.setAttribute('aria-sort', 'ascending');
      else o.parentElement.removeAttribute('aria-sort');
    }
    loadPage();
  };
}
$('prev').onclick = () => { offset = Math.max(0, offset - PAGE); loadPage(); };
$('next').onclick = () => { offset += PAGE; loadPage(); };
$('edit').onsubmit = apply;
$('sharing-prev').onclick = () => { sharingOffset = Math.max(0, sharingOffset - SHARING_PAGE); loadSharing(); };
$('sharing-next').onclick = () => { sharingOffset += SHARING_PAGE; loadSharing(); };
$('sharing-refresh').onclick = () => loadSharing();
loadPage();
loadStats();
loadSharing();
setInterval(() => { loadStats(); loadDetails(); }, REFRESH);
