// The lwAFTR operator page. Everything comes from the REST API one level up (../softwires, ../stats,
// ../policy): the same API in ONOS and in the standalone controller. Paging and filtering are done by
// the server (GET /softwires?offset&limit&ipv4&lwb4&br), so a million softwires page like ten.
'use strict';
const API = '..';
const PAGE = 50;
let offset = 0;
let total = 0;
let filter = {};

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

function cell(tr, text) {
  const td = document.createElement('td');
  td.textContent = text;
  tr.appendChild(td);
  return td;
}

async function loadPage() {
  const q = new URLSearchParams({ offset: String(offset), limit: String(PAGE) });
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
    tr.dataset.key = s['binding-ipv4-addr'] + '/' + ps.psid;
    [s['binding-ipv4-addr'], ps.psid, ps['psid-offset'], ps['psid-len'], s['binding-ipv6info'], s['br-ipv6-addr']]
        .forEach(v => cell(tr, v));
    const rm = document.createElement('button');
    rm.textContent = 'remove';
    rm.className = 'remove';
    rm.onclick = ev => { ev.stopPropagation(); remove(s['binding-ipv4-addr'], ps.psid); };
    tr.appendChild(document.createElement('td')).appendChild(rm);
    tr.onclick = () => details(s['binding-ipv4-addr'], ps.psid);
    body.appendChild(tr);
  }
  const last = Math.min(total, offset + page['binding-entry'].length);
  $('page').textContent = total === 0 ? 'no softwires' : `${offset + 1}–${last} of ${total}`;
  $('prev').disabled = offset === 0;
  $('next').disabled = offset + PAGE >= total;
}

async function details(ipv4, psid) {
  try {
    const st = await call('GET', `/stats/${ipv4}/${psid}`);
    $('details').textContent = JSON.stringify(st, null, 2);
  } catch (e) {
    $('details').textContent = e.message;
  }
}

async function remove(ipv4, psid) {
  try {
    const r = await call('DELETE', `/softwires/${ipv4}/${psid}`);
    $('edit-result').textContent = `removed ${r.removed}, table version ${r['table-version']}`;
    await loadPage();
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
  } catch (e) {
    // The API names the field in the user's own terms (RFC 8676 names).
    $('edit-error').textContent = describe(e);
  }
}

async function loadStats() {
  try {
    const st = await call('GET', '/stats');
    $('summary').textContent = `${st.softwires} softwires, table version ${st['table-version']}`;
    const box = $('devices');
    box.replaceChildren();
    for (const [id, d] of Object.entries(st.devices || {})) {
      const h = document.createElement('h3');
      h.textContent = id;
      const pre = document.createElement('pre');
      pre.className = 'device';
      pre.textContent = JSON.stringify({ punt: d.punt, drop: d.drop, 'next-hops': d['next-hops'] }, null, 2);
      box.append(h, pre);
    }
    $('slow-path').textContent = JSON.stringify(st['slow-path'], null, 2);
    $('policy').textContent = JSON.stringify((await call('GET', '/policy')).policy, null, 2);
  } catch (e) {
    $('summary').textContent = e.message;
  }
}

$('search').onsubmit = ev => {
  ev.preventDefault();
  filter = { ipv4: $('q-ipv4').value.trim(), lwb4: $('q-lwb4').value.trim(), br: $('q-br').value.trim() };
  offset = 0;
  loadPage();
};
$('prev').onclick = () => { offset = Math.max(0, offset - PAGE); loadPage(); };
$('next').onclick = () => { offset += PAGE; loadPage(); };
$('edit').onsubmit = apply;
loadPage();
loadStats();
setInterval(loadStats, 5000);
