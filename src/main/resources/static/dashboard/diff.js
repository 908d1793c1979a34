// "¿Por qué cambió?": why the estimate of the period on screen moved between its two newest
// versions, from /api/snapshots/diff. Every text is the API's, already in the reports' language,
// and is written with textContent only.
(function () {
  'use strict';

  const section = document.getElementById('diff-section');
  const data = document.body.dataset;
  if (!section || !data.source || !data.from || !data.to) {
    return;
  }

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function done() {
    section.setAttribute('aria-busy', 'false');
    section.querySelectorAll(':scope > .loading-note').forEach(n => { n.hidden = true; });
  }

  function render(diff) {
    const heading = document.getElementById('diff-heading');
    const note = document.getElementById('diff-note');
    const table = document.getElementById('diff-table');
    heading.replaceChildren(...(diff.heading || []).map(line => el('p', line)));
    if (diff.message) {
      heading.appendChild(el('p', diff.message));
    }
    const parts = diff.parts || [];
    table.hidden = parts.length === 0;
    const head = el('tr');
    (diff.columns || []).forEach((c, i) => {
      const th = el('th', c);
      th.scope = 'col';
      if (i === 1) {
        th.className = 'num';
      }
      head.appendChild(th);
    });
    table.tHead.replaceChildren(head);
    table.tBodies[0].replaceChildren(...parts.map(p => {
      const row = el('tr');
      row.dataset.kind = p.kind;
      row.appendChild(el('td', p.label));
      row.appendChild(el('td', p.amountText, 'num'));
      row.appendChild(el('td', p.detail));
      return row;
    }));
    const foot = el('tr');
    if (diff.sumText && parts.length > 0) {
      const cell = el('td', diff.sumText);
      cell.colSpan = 3;
      foot.appendChild(cell);
    }
    table.tFoot.replaceChildren(foot);
    note.textContent = parts.length > 0 && diff.order ? diff.order : '';
  }

  const params = new URLSearchParams({
    source: data.source, from: data.from, to: data.to, groupBy: data.groupBy || 'month'
  });
  fetch('/api/snapshots/diff?' + params.toString(), {
    credentials: 'same-origin', headers: { Accept: 'application/json' }
  })
    .then(response => response.json().then(json => {
      if (!response.ok) {
        throw new Error(json.error || String(response.status));
      }
      return json;
    }))
    .then(render)
    .catch(error => {
      const heading = document.getElementById('diff-heading');
      const p = el('p', error.message, 'error');
      p.setAttribute('role', 'alert');
      heading.replaceChildren(p);
    })
    .finally(done);
}());
