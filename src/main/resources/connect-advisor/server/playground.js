// The playground: reads the form, asks POST /v1/explain (the advice and why), /v1/plan and /v1/plan.ics,
// and shows the answers. No framework, no build.
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
    $('draft').hidden = advice.draftNote === null;
    $('draftText').textContent = advice.draftNote || '';
    $('copied').textContent = '';
    if (advice.explanation) showTable(advice.explanation);
    $('firedRules').replaceChildren(...advice.firedRules.map((r) => el('li', null, r)));
    $('firedCount').textContent = String(advice.firedRules.length);
    $('rulesVersion').textContent = advice.rulesVersion;
  }

  // The decision table as written: the deciding row highlighted, the cell that did not hold marked in each
  // row above it (in its phase), the other phase's rows greyed out.
  function showTable(explanation) {
    const table = explanation.table;
    $('tableFile').textContent = table.file;
    const head = el('tr');
    for (const column of table.columns) head.append(el('th', null, column));
    const rows = [head];
    let above = true;
    for (const row of table.rows) {
      const tr = el('tr');
      tr.dataset.row = row.row;
      const deciding = row.row === explanation.decidingRow;
      if (!row.inPhase) tr.className = 'other-phase';
      else if (deciding) tr.className = 'deciding';
      for (const cell of row.cells) {
        const td = el('td', null, cell.text);
        td.title = cell.text;
        if (row.inPhase && cell.held === false && above && !deciding) {
          td.className = 'failed';
          td.title = cell.text + ' (does not hold for this situation)';
        } else if (row.inPhase && cell.held === true && (above || deciding)) {
          td.className = 'held';
        }
        tr.append(td);
      }
      if (deciding) above = false;
      rows.push(tr);
    }
    $('policyTable').replaceChildren(...rows);
  }

  function dayText(step) {
    const day = step.inDays === 0 ? 'today' : 'in ' + step.inDays + (step.inDays === 1 ? ' day' : ' days');
    return step.date ? day + ' (' + step.date + ')' : day;
  }

  // One mark per step on a day axis, then each step's verdict, day and action, then the assumptions.
  function showPlan(plan, calendar) {
    const last = Math.max(1, ...plan.steps.map((s) => s.inDays));
    const line = $('timeline');
    line.replaceChildren(el('div', 'axis'));
    plan.steps.forEach((step, i) => {
      const left = (4 + 92 * step.inDays / last) + '%';
      const mark = el('span', 'mark ' + step.advice.verdict);
      mark.style.left = left;
      mark.title = step.advice.verdict + ', ' + dayText(step) + ': ' + step.advice.summary;
      mark.dataset.inDays = String(step.inDays);
      const label = el('span', 'label' + (i % 2 ? ' low' : ''), step.advice.verdict.replace(/_/g, ' '));
      label.style.left = left;
      const tick = el('span', 'tick', step.date || 'day ' + step.inDays);
      tick.style.left = left;
      line.append(mark, label, i % 2 ? document.createTextNode('') : tick);
    });
    $('planSteps').replaceChildren(...plan.steps.map((step) => {
      const li = el('li');
      li.dataset.verdict = step.advice.verdict;
      li.append(el('span', 'day', dayText(step)), document.createTextNode(' · '), el('span', 'verdict-text', step.advice.verdict),
        document.createTextNode(' · ' + step.advice.summary));
      return li;
    }));
    $('assumptions').replaceChildren(...plan.assumptions.map((a) => el('li', null, a)));
    const link = $('calendar');
    link.hidden = calendar === null;
    if (calendar !== null) link.href = 'data:text/calendar;charset=utf-8,' + encodeURIComponent(calendar);
  }

  async function copyDraft() {
    const text = $('draftText').textContent;
    try {
      await navigator.clipboard.writeText(text);
      $('copied').textContent = 'Copied.';
    } catch (e) {
      const range = document.createRange(); // no clipboard access: select the note for the person to copy
      range.selectNodeContents($('draftText'));
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      $('copied').textContent = 'Selected: press Ctrl+C (or Cmd+C) to copy.';
    }
  }

  function showError(error) {
    const box = $('error');
    box.replaceChildren(el('code', null, error.code), document.createTextNode(
      (error.field ? ' ' + error.field : '') + ': ' + error.message));
    box.hidden = false;
    $('result').hidden = true;
    $('plan').hidden = true;
    const field = error.field && form.elements[error.field];
    if (field && field.setAttribute) field.setAttribute('aria-invalid', 'true');
  }

  function post(path, body) {
    return fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body });
  }

  async function update() {
    const mine = ++sequence;
    for (const f of form.querySelectorAll('[aria-invalid]')) f.removeAttribute('aria-invalid');
    $('advice').classList.add('stale');
    try {
      const body = JSON.stringify(situation());
      const [response, planned, calendar] = await Promise.all([post('/v1/explain', body), post('/v1/plan', body), post('/v1/plan.ics', body)]);
      const answer = await response.json();
      const plan = planned.ok ? await planned.json() : null;
      const ics = calendar.status === 200 ? await calendar.text() : null; // 204: no day to send something
      if (mine !== sequence) return; // a newer answer is on its way
      if (response.ok) show(answer); else showError(answer.error);
      $('plan').hidden = plan === null;
      if (plan !== null) showPlan(plan, ics);
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
    $('copyDraft').addEventListener('click', copyDraft);
    update();
  }

  start();
})();
