// The playground: reads the form, asks POST /v1/advice, shows the answer. No framework, no build.
(function () {
  'use strict';
  const form = document.getElementById('situation');
  const $ = (id) => document.getElementById(id);
  const LISTS = [
    ['reasons', 'Why'], ['steps', 'Steps'], ['benefits', 'Benefits'],
    ['risks', 'Risks'], ['alternatives', 'Alternatives'], ['noteFindings', 'Note findings']
  ];
  const DEFAULTS = { directInterviewer: true, profileUpToDate: true };
  let sequence = 0;
  let timer = null;

  function situation() {
    const s = {};
    const days = form.elements.daysUntilInterview.value.trim();
    const date = form.elements.interviewDate.value;
    form.elements.daysUntilInterview.disabled = date !== '';
    if (date !== '') s.interviewDate = date;
    else if (days !== '') s.daysUntilInterview = Number(days);
    for (const box of form.querySelectorAll('input[type=checkbox]')) {
      const fallback = DEFAULTS[box.name] === true;
      if (box.checked !== fallback) s[box.name] = box.checked;
    }
    if (form.elements.priorRequest.value !== 'NONE') s.priorRequest = form.elements.priorRequest.value;
    const followUps = form.elements.followUpsSent.value.trim();
    if (followUps !== '' && followUps !== '0') s.followUpsSent = Number(followUps);
    for (const name of ['interviewerName', 'note']) {
      const text = form.elements[name].value;
      if (text.trim() !== '') s[name] = text;
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

  form.addEventListener('input', soon);
  form.addEventListener('change', soon);
  form.addEventListener('submit', (e) => { e.preventDefault(); update(); });
  update();
})();
