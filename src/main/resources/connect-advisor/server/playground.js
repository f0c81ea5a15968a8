// The playground: reads the form, asks POST /v1/advice, shows the answer. No framework, no build.
(function () {
  'use strict';
  const form = document.getElementById('situation');
  const $ = (id) => document.getElementById(id);
  const LISTS = [
    ['reasons', 'Why'], ['steps', 'Steps'], ['benefits', 'Benefits'],
    ['risks', 'Risks'], ['alternatives', 'Alternatives'], ['noteFindings', 'Note findings']
  ];
  let schema = null; // the Situation's properties, from /openapi.json
  let alternatives = []; // fields of which one is required (a day count or a date): a later one given replaces the earlier
  let sequence = 0;
  let timer = null;

  // One control per field of the Situation schema, in its order: the form knows no field by name.
  function buildForm(properties) {
    const box = $('fields');
    box.replaceChildren();
    for (const [name, p] of Object.entries(properties)) {
      const id = 'f-' + name;
      let control;
      if (p.type === 'boolean') {
        const label = el('label', 'check');
        control = el('input');
        control.type = 'checkbox';
        control.name = name;
        control.id = id;
        control.checked = p.default === true;
        label.append(control, document.createTextNode(' ' + p.title));
        label.title = p.description;
        box.append(label);
        control.dataset.type = p.type;
        continue;
      } else {
        const long = p.type === 'string' && p.maxLength > 300;
        const label = el('label', long ? 'block' : 'row');
        label.htmlFor = id;
        label.append(el('span', null, p.title));
        if (p.enum) {
          control = el('select');
          for (const value of p.enum) {
            const option = el('option', null, value.toLowerCase());
            option.value = value;
            control.append(option);
          }
          if (p.default !== undefined) control.value = p.default;
        } else if (long) {
          control = el('textarea');
          control.rows = 4;
          control.maxLength = p.maxLength;
        } else {
          control = el('input');
          if (p.type === 'integer') {
            control.type = 'number';
            control.step = '1';
            control.min = String(p.minimum);
            control.max = String(p.maximum);
            const start = p.default !== undefined ? p.default : (p.examples ? p.examples[0] : '');
            control.value = String(start);
          } else if (p.format === 'date') {
            control.type = 'date';
          } else {
            control.type = 'text';
            control.maxLength = p.maxLength;
          }
        }
        if (p.type === 'string' && !p.enum && p.examples) control.placeholder = p.examples[0];
        control.name = name;
        control.id = id;
        label.append(control);
        box.append(label);
      }
      control.dataset.type = p.type;
      if (p.format) control.dataset.format = p.format;
      box.append(el('p', 'hint', p.description));
    }
  }

  // The situation as JSON: only what differs from the field's default (an empty text or number is left out).
  function situation() {
    const s = {};
    let replaced = false;
    for (const name of [...alternatives].reverse()) {
      form.elements[name].disabled = replaced;
      replaced = replaced || form.elements[name].value.trim() !== '';
    }
    for (const [name, p] of Object.entries(schema)) {
      const control = form.elements[name];
      if (p.type === 'boolean') {
        if (control.checked !== (p.default === true)) s[name] = control.checked;
        continue;
      }
      const value = p.type === 'string' && !p.enum && !p.format ? control.value : control.value.trim();
      if (value.trim() === '' || control.disabled) continue;
      if (p.type === 'integer') {
        if (String(p.default) !== value) s[name] = Number(value);
      } else if (p.default === undefined || p.default !== value) {
        s[name] = value;
      }
    }
    return s;
  }

  function when(advice) {
    if (advice.actInDays === null) return 'no date to act on';
    const on = advice.actOn ? ' (on ' + advice.actOn + ')' : '';
    if (advice.actInDays === 0) return 'act now' + on;
    return 'act in ' + advice.actInDays + (advice.actInDays === 1 ? ' day' : ' days') + on;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function show(advice) {
    $('error').hidden = true;
    $('result').hidden = false;
    const verdict = $('verdict');
    verdict.textContent = advice.verdict;
    verdict.className = 'verdict ' + advice.verdict;
    $('when').textContent = when(advice);
    $('summary').textContent = advice.summary;
    const lists = $('lists');
    lists.replaceChildren();
    for (const [key, title] of LISTS) {
      const entries = advice[key];
      if (!entries || entries.length === 0) continue;
      lists.append(el('h3', null, title));
      const ul = el('ul', 'entries');
      ul.id = key;
      for (const e of entries) {
        const li = el('li');
        li.dataset.item = e.item;
        li.append(el('span', 'item', e.item), document.createTextNode(e.text), el('span', 'rule', e.rule));
        ul.append(li);
      }
      lists.append(ul);
    }
    $('firedRules').replaceChildren(...advice.firedRules.map((r) => el('li', null, r)));
    $('firedCount').textContent = String(advice.firedRules.length);
    $('rulesVersion').textContent = advice.rulesVersion;
  }

  function showError(error) {
    const box = $('error');
    box.replaceChildren(el('code', null, error.code), document.createTextNode(
      (error.field ? ' ' + error.field : '') + ': ' + error.message));
    box.hidden = false;
    $('result').hidden = true;
    const field = error.field && form.elements[error.field];
    if (field && field.setAttribute) field.setAttribute('aria-invalid', 'true');
  }

  async function update() {
    const mine = ++sequence;
    for (const f of form.querySelectorAll('[aria-invalid]')) f.removeAttribute('aria-invalid');
    $('advice').classList.add('stale');
    try {
      const response = await fetch('/v1/advice', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(situation())
      });
      const body = await response.json();
      if (mine !== sequence) return; // a newer answer is on its way
      if (response.ok) show(body); else showError(body.error);
      const version = response.headers.get('X-Rules-Version');
      if (version) $('rulesVersion').textContent = version;
    } catch (e) {
      if (mine === sequence) showError({ code: 'UNREACHABLE', field: null, message: 'the service did not answer (' + e.message + ')' });
    } finally {
      if (mine === sequence && timer === null) {
        $('advice').classList.remove('stale');
        document.body.dataset.state = 'ready';
      }
    }
  }

  function soon() {
    document.body.dataset.state = 'pending';
    clearTimeout(timer);
    timer = setTimeout(() => { timer = null; update(); }, 120);
  }

  async function start() {
    try {
      const api = await (await fetch('/openapi.json')).json();
      schema = api.components.schemas.Situation.properties;
      alternatives = (api.components.schemas.Situation.anyOf || []).map((a) => a.required[0]);
      buildForm(schema);
    } catch (e) {
      showError({ code: 'UNREACHABLE', field: null, message: 'the service did not describe its fields (' + e.message + ')' });
      return;
    }
    form.addEventListener('input', soon);
    form.addEventListener('change', soon);
    form.addEventListener('submit', (e) => { e.preventDefault(); update(); });
    update();
  }

  start();
})();
