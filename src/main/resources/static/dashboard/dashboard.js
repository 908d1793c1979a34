// The billing screens: fills each section from /api/dashboard with the filters of the page.
// Source text (names, emails, channel names) is only ever set as text (textContent), never as HTML.
(function () {
  'use strict';

  const body = document.body;
  const L = JSON.parse(body.dataset.labels || '{}');
  const filters = {
    source: body.dataset.source, preset: body.dataset.preset,
    from: body.dataset.from, to: body.dataset.to, groupBy: body.dataset.groupBy
  };
  if (!filters.source) {
    return;
  }
  const csrf = {
    token: document.querySelector('meta[name="_csrf"]').content,
    header: document.querySelector('meta[name="_csrf_header"]').content
  };
  // Grouping is done here rather than by Intl: Spanish locales leave 4-digit numbers ungrouped, the reports do not.
  const english = document.documentElement.lang === 'en';
  const groupSeparator = english ? ',' : '.';
  const decimalSeparator = english ? '.' : ',';
  const users = { q: '', sort: 'name', dir: 'asc', page: 1, size: 25, request: 0 };
  // the snapshot /summary names: every other section reads that same version
  let snapshotId = null;
  const charts = {};

  function t(key, ...args) {
    let text = L[key] !== undefined ? L[key] : key;
    args.forEach((a, i) => { text = text.split('{' + i + '}').join(String(a)); });
    return text;
  }

  function query(extra) {
    const params = new URLSearchParams({ source: filters.source, preset: filters.preset, groupBy: filters.groupBy });
    if (filters.preset === 'custom') {
      params.set('from', filters.from);
      params.set('to', filters.to);
    }
    if (snapshotId) {
      params.set('snapshot', snapshotId);
    }
    Object.entries(extra || {}).forEach(([k, v]) => params.set(k, v));
    return params.toString();
  }

  async function api(path, extra) {
    const response = await fetch('/api/dashboard/' + path + '?' + query(extra),
      { headers: { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' }, credentials: 'same-origin' });
    const json = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(json.error || (response.status + ''));
    }
    return json;
  }

  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    return node;
  }

  function num(n) {
    return money(String(n));
  }

  function money(amount) {
    // amounts are plain decimal strings: shown as they are, grouped, never through a float
    const [whole, fraction] = String(amount).split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, groupSeparator);
    return fraction === undefined ? grouped : grouped + decimalSeparator + fraction;
  }

  // instants are shown in the tenant's zone, as the reports show them
  let zone = 'UTC';

  function when(instant) {
    if (!instant) {
      return t('never');
    }
    return new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(new Date(instant));
  }

  function headerRow(row, labels) {
    row.replaceChildren(...labels.map(l => el('th', l)));
  }

  function fail(where, error) {
    const target = document.getElementById(where);
    target.replaceChildren(el('p', t('error') + ': ' + error.message, { class: 'error', role: 'alert' }));
  }

  // A section is busy (aria-busy, its "loading" note shown) until its figures are on screen.
  function busy(sectionId, on) {
    const section = document.getElementById(sectionId);
    section.setAttribute('aria-busy', on ? 'true' : 'false');
    section.querySelectorAll(':scope > .loading-note').forEach(n => { n.hidden = !on; });
  }

  async function loading(sectionId, work) {
    busy(sectionId, true);
    try {
      return await work();
    } finally {
      busy(sectionId, false);
    }
  }

  async function loadSummary() {
    const s = await api('summary');
    snapshotId = s.snapshot.id;
    zone = s.timeZone;
    document.getElementById('freshness').textContent = s.snapshot.freshness;
    document.getElementById('headline-total').textContent = money(s.total) + ' ' + s.currency;
    // with no usage synced the total is the seats alone, and the headline says so
    document.getElementById('headline-total-label').textContent = t('total') + (s.usageSynced ? '' : ' (' + t('seatsOnly') + ')');
    document.getElementById('headline-asof').textContent = s.snapshot.freshness;
    document.getElementById('period-text').textContent = t('period') + ': ' + s.period.from + ' – ' + s.period.to
      + ' (' + s.timeZone + ') · ' + t('snapshot', s.snapshot.id.substring(0, 8), s.snapshot.version)
      + ' · ' + t('daysSynced', s.daysSynced, s.daysBegun, s.period.days);
    // a period with no usage synced says so: its estimate is the seats alone
    const empty = document.getElementById('no-usage');
    empty.hidden = s.usageSynced;
    empty.textContent = s.usageSynced ? '' : t('noUsageSynced');
    const cards = document.getElementById('role-cards');
    cards.replaceChildren(...s.usersByRole.map(r => {
      const card = el('div', null, { class: 'card', 'data-role': r.role });
      card.append(el('span', r.role, { class: 'role' }), el('strong', num(r.users), { class: 'count' }),
        el('span', t('billableUsers'), { class: 'hint' }));
      return card;
    }));
    ['xlsx', 'pdf', 'json'].forEach(f => { document.getElementById('download-' + f).href = s.snapshot.downloads[f]; });
    return s;
  }

  const USER_COLUMNS = ['name', 'email', 'role', 'channels', 'sessions', 'messagesSent', 'calls', 'callMinutes', 'lastLoginAt'];

  async function loadUsers() {
    const table = document.getElementById('users-table');
    const head = table.tHead.rows[0];
    // each header is a button: Tab reaches it, Enter or Space sorts by it
    head.replaceChildren(...USER_COLUMNS.map(c => {
      const label = t('col.' + c) + (c === 'lastLoginAt' ? ' (' + zone + ')' : '');
      const sorted = users.sort === c;
      const th = el('th', null, { 'data-sort': c, class: 'sortable', scope: 'col',
        'aria-sort': sorted ? (users.dir === 'asc' ? 'ascending' : 'descending') : 'none' });
      const button = el('button', label + (sorted ? (users.dir === 'asc' ? ' ▲' : ' ▼') : ''),
        { type: 'button', class: 'sort' });
      button.addEventListener('click', () => {
        users.dir = users.sort === c && users.dir === 'asc' ? 'desc' : 'asc';
        users.sort = c;
        users.page = 1;
        loadUsers().then(() => focusSorted(c)).catch(e => fail('users-pager', e));
      });
      th.append(button);
      return th;
    }));
    const request = ++users.request;
    table.setAttribute('aria-busy', 'true');
    const page = await api('users', { q: users.q, sort: users.sort, dir: users.dir, page: users.page, size: users.size });
    if (request !== users.request) {
      return; // a newer search or sort was asked for meanwhile: its answer is the one to show
    }
    table.setAttribute('aria-busy', 'false');
    const rows = [];
    page.rows.forEach(u => {
      // a row is reached with Tab and opened with Enter or Space, as with a click
      const tr = el('tr', null, { class: 'user-row', 'data-user-id': u.id, tabindex: '0', 'aria-expanded': 'false' });
      USER_COLUMNS.forEach(c => {
        const value = u[c];
        const text = c === 'lastLoginAt' ? when(value) : (typeof value === 'number' ? num(value) : value);
        tr.append(el('td', text, { 'data-col': c }));
      });
      tr.addEventListener('click', () => toggleDetail(tr, u.id).catch(e => fail('users-pager', e)));
      tr.addEventListener('keydown', event => {
        if (event.target === tr && (event.key === 'Enter' || event.key === ' ')) {
          event.preventDefault();
          toggleDetail(tr, u.id).catch(e => fail('users-pager', e));
        }
      });
      rows.push(tr);
    });
    table.tBodies[0].replaceChildren(...rows);
    const pager = document.getElementById('users-pager');
    const prev = el('button', t('prev'), { type: 'button', id: 'users-prev' });
    const next = el('button', t('next'), { type: 'button', id: 'users-next' });
    prev.disabled = page.page <= 1;
    next.disabled = page.page >= page.pages;
    prev.addEventListener('click', () => { users.page--; loadUsers().catch(e => fail('users-pager', e)); });
    next.addEventListener('click', () => { users.page++; loadUsers().catch(e => fail('users-pager', e)); });
    pager.replaceChildren(prev, el('span', t('page', page.page, page.pages, page.total), { id: 'users-page' }), next);
  }

  // the headers are drawn anew after a sort: the one just used keeps the focus
  function focusSorted(column) {
    const button = document.querySelector('#users-table th[data-sort="' + column + '"] button');
    if (button) {
      button.focus();
    }
  }

  async function toggleDetail(tr, id) {
    const open = tr.nextElementSibling && tr.nextElementSibling.classList.contains('user-detail');
    document.querySelectorAll('tr.user-detail').forEach(r => r.remove());
    document.querySelectorAll('tr.user-row[aria-expanded="true"]').forEach(r => r.setAttribute('aria-expanded', 'false'));
    if (open) {
      return;
    }
    const detail = await api('users/' + id);
    const cell = el('td', null, { colspan: USER_COLUMNS.length });
    const channels = el('div', null, { class: 'detail-channels' });
    channels.append(el('h4', t('detail.channels')));
    if (detail.assignedChannels.length === 0) {
      channels.append(el('p', t('detail.none')));
    } else {
      const list = el('ul');
      detail.assignedChannels.forEach(c => {
        const li = el('li', null, { 'data-channel-id': c.channelId });
        li.append(el('span', c.name, { class: 'channel-name' }), el('span', ' (' + c.type + ')', { class: 'channel-type' }));
        list.append(li);
      });
      channels.append(list);
    }
    const activity = el('div', null, { class: 'detail-activity' });
    activity.append(el('h4', t('detail.activity')));
    if (detail.activity.length === 0) {
      activity.append(el('p', t('detail.noActivity')));
    } else {
      const table = el('table', null, { class: 'data activity' });
      const head = el('tr');
      headerRow(head, [t('col.bucket'), t('col.sessions'), t('col.messagesSent'), t('col.calls'), t('col.callMinutes')]);
      table.append(head);
      detail.activity.forEach(a => {
        const row = el('tr', null, { 'data-bucket': a.bucket });
        [a.bucket, num(a.sessions), num(a.messagesSent), num(a.calls), num(a.callMinutes)]
          .forEach(v => row.append(el('td', v)));
        table.append(row);
      });
      activity.append(table);
    }
    cell.append(channels, activity);
    const row = el('tr', null, { class: 'user-detail', 'data-user-id': id });
    row.append(cell);
    tr.after(row);
    tr.setAttribute('aria-expanded', 'true');
  }

  async function loadServices() {
    const s = await api('services');
    const table = document.getElementById('services-table');
    const head = el('tr');
    headerRow(head, [t('col.service'), t('col.count'), t('col.units'), t('col.unitPrice'), t('col.amount')]);
    table.tHead.replaceChildren(head);
    table.tBodies[0].replaceChildren(...s.services.map(line => {
      const tr = el('tr', null, { 'data-key': line.key });
      tr.append(el('td', line.label), el('td', num(line.count), { 'data-col': 'count' }),
        el('td', num(line.units), { 'data-col': 'units' }),
        el('td', money(line.unitPrice) + (line.priced ? '' : ' (' + t('unpriced') + ')'), { 'data-col': 'unitPrice' }),
        el('td', money(line.amount), { 'data-col': 'amount' }));
      return tr;
    }));
    const foot = el('tr');
    foot.append(el('th', t('servicesTotal'), { colspan: 4 }), el('th', money(s.servicesTotal), { id: 'services-total' }));
    table.tFoot.replaceChildren(foot);

    const seats = document.getElementById('seats-table');
    const seatHead = el('tr');
    headerRow(seatHead, [t('col.seat'), t('col.users'), t('col.monthlyPrice'), t('col.amount')]);
    seats.tHead.replaceChildren(seatHead);
    seats.tBodies[0].replaceChildren(...s.seats.map(line => {
      const tr = el('tr', null, { 'data-role': line.role });
      tr.append(el('td', line.role), el('td', num(line.users), { 'data-col': 'users' }),
        el('td', money(line.monthlyPrice) + (line.priced ? '' : ' (' + t('unpriced') + ')')),
        el('td', money(line.amount), { 'data-col': 'amount' }));
      return tr;
    }));
    const seatFoot = el('tr');
    seatFoot.append(el('th', t('seatsTotal'), { colspan: 3 }), el('th', money(s.seatsTotal), { id: 'seats-total' }));
    seats.tFoot.replaceChildren(seatFoot);
    document.getElementById('total-label').textContent = t('total') + ' (' + s.currency + '):';
    document.getElementById('estimate-total').textContent = money(s.total);
    document.getElementById('estimate-total').dataset.value = s.total;
    document.getElementById('headline-split').textContent =
      t('headline.split', money(s.seatsTotal) + ' ' + s.currency, money(s.servicesTotal) + ' ' + s.currency);
  }

  // The period projected to its end (/forecast), asked for once: the headline and the charts read it.
  // A period that has ended, or a forecast that cannot be made, shows none.
  let forecastAnswer = null;

  function forecast() {
    if (!forecastAnswer) {
      forecastAnswer = api('forecast').catch(() => null);
    }
    return forecastAnswer;
  }

  async function loadForecastHeadline() {
    const f = await forecast();
    const line = document.getElementById('headline-forecast');
    const note = document.getElementById('headline-forecast-note');
    const shown = Boolean(f && f.open && f.headline);
    line.hidden = !shown;
    line.textContent = shown ? f.headline : '';
    // a short or missing history says so, next to the figure it qualifies
    note.hidden = !(shown && f.message);
    note.textContent = shown && f.message ? f.message : '';
  }

  // A change as the comparison table shows it: signed, one decimal, or "sin datos" when a side has none.
  function changeText(r) {
    return r.current === null || r.previous === null ? t('noData') : r.changePercent === null ? '—'
      : (r.changePercent.startsWith('-') ? '' : '+') + money(r.changePercent) + ' %';
  }

  function headlineChange(comparison) {
    const total = comparison.rows.find(r => r.key === 'total');
    document.getElementById('headline-change-value').textContent = total ? changeText(total) : t('noData');
    document.getElementById('headline-change-label').textContent = comparison.label;
  }

  const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

  // A chart fills its box (.chart-box, whose height the style sheet sets), so it follows the width
  // of the screen or the printed page.
  function chart(id, type, labels, datasets) {
    if (typeof Chart === 'undefined') {
      return;
    }
    if (charts[id]) {
      charts[id].destroy();
    }
    charts[id] = new Chart(document.getElementById(id), {
      type: type,
      data: { labels: labels, datasets: datasets.map((d, i) => Object.assign({
        borderColor: COLORS[i % COLORS.length], backgroundColor: COLORS[i % COLORS.length] }, d)) },
      // figures on the axis and in the tooltips are grouped as in the tables, not in the browser's language
      options: { animation: false, responsive: true, maintainAspectRatio: false,
        scales: { y: { ticks: { callback: value => num(value) } } },
        plugins: { legend: { position: 'bottom', labels: { filter: (item, data) => !data.datasets[item.datasetIndex].forecast } },
          tooltip: { callbacks: { label: item => item.dataset.label + ': ' + num(item.parsed.y) } } } }
    });
  }

  // The figures of a chart over time, as a table: a row per bucket, a column per series. Rows from
  // {@code actual} on are the forecast's (marked so, and said so above the table), not synced data.
  function chartData(id, buckets, series, actual) {
    const table = document.getElementById(id);
    const head = el('tr');
    headerRow(head, [t('col.bucket'), ...series.map(s => s.label)]);
    table.tHead.replaceChildren(head);
    table.tBodies[0].replaceChildren(...buckets.map((bucket, i) => {
      const projected = i >= actual;
      const tr = el('tr', null, projected ? { 'data-bucket': bucket, 'data-forecast': 'true', class: 'forecast' }
        : { 'data-bucket': bucket });
      tr.append(el('th', bucket, { scope: 'row' }), ...series.map(s => el('td', num(s.values[i]))));
      return tr;
    }));
    document.getElementById(id.replace(/-data$/, '-forecast-note')).hidden = actual >= buckets.length;
  }

  // The buckets the forecast projects that come after the chart's last one (none once the period has ended).
  function continuation(c, f) {
    if (!f || !f.open || !Array.isArray(f.buckets) || c.buckets.length === 0) {
      return [];
    }
    const last = c.buckets[c.buckets.length - 1];
    return f.buckets.filter(b => b.first > last);
  }

  // A series over time and, when the period runs on, its dotted continuation: a dataset of its own
  // that starts at the last synced bucket and holds only projected values after it, so that no
  // point after the as-of is ever drawn as an actual figure.
  function withContinuation(series, projected, color, actualCount) {
    const actual = Object.assign({ label: series.label, borderColor: color, backgroundColor: color,
      data: series.values.slice(0, actualCount).concat(projected.map(() => null)) }, series.style);
    if (projected.length === 0) {
      return [actual];
    }
    const data = series.values.slice(0, actualCount).map((v, i) => i === actualCount - 1 ? v : null).concat(projected);
    return [actual, { label: t('forecastSeries', series.label), data: data, forecast: true, borderColor: color,
      backgroundColor: color, borderDash: [2, 4], pointRadius: 0, pointHitRadius: 6 }];
  }

  // printed, each chart is drawn again at the width of the page
  window.addEventListener('beforeprint', () => Object.values(charts).forEach(c => c.resize()));
  window.addEventListener('afterprint', () => Object.values(charts).forEach(c => c.resize()));

  async function loadConsumption() {
    const [c, f] = await Promise.all([api('consumption'), forecast()]);
    document.getElementById('chart-services-title').textContent = t('chart.services');
    document.getElementById('chart-roles-title').textContent = t('chart.roles');
    // the forecast's buckets after the last synced one are drawn dotted, as a line even after a single bucket
    const future = continuation(c, f);
    const actualCount = c.buckets.length;
    const type = actualCount + future.length > 1 ? 'line' : 'bar';
    // a partial bucket (under way, or clipped by the period) is named so and drawn dashed, not read as a drop
    const labels = c.bucketDetails.map(b => b.first + (b.partial ? ' (' + t('partialBucket') + ')' : ''))
      .concat(future.map(b => b.first + ' (' + t('forecast') + ')'));
    const dashed = { segment: { borderDash: ctx => {
      const bucket = c.bucketDetails[ctx.p1DataIndex];
      return bucket && bucket.partial ? [6, 4] : undefined;
    } } };
    const serviceSeries = c.services.map(s => ({ label: s.label, values: s.units, style: dashed }));
    const roleSeries = c.usersByRole.map(r => ({ label: r.role, values: r.users, style: dashed }));
    const services = serviceSeries.flatMap((s, i) => withContinuation(s,
      future.map(b => b.services[c.services[i].key] || 0), COLORS[i % COLORS.length], actualCount));
    const roles = roleSeries.flatMap((r, i) => withContinuation(r,
      future.map(b => b.usersByRole[r.label] || 0), COLORS[i % COLORS.length], actualCount));
    chart('chart-services', type, labels, services);
    chart('chart-roles', type, labels, roles);
    // the tables: synced figures, then the projected buckets' figures in the same columns
    const projectedTable = (series, list) => series.map((s, i) => ({ label: s.label,
      values: s.values.concat(future.map(b => list(b, i))) }));
    chartData('chart-services-data', labels,
      projectedTable(serviceSeries, (b, i) => b.services[c.services[i].key] || 0), actualCount);
    chartData('chart-roles-data', labels,
      projectedTable(roleSeries, (b, i) => b.usersByRole[roleSeries[i].label] || 0), actualCount);
    headlineChange(c.comparison);

    document.getElementById('comparison-title').textContent =
      t('comparison', c.comparison.label) + (c.comparison.partial ? ' · ' + t('partial') : '');
    const comparison = document.getElementById('comparison-table');
    const head = el('tr');
    headerRow(head, [t('col.concept'), t('col.current'), t('col.previous'), t('col.change')]);
    comparison.tHead.replaceChildren(head);
    comparison.tBodies[0].replaceChildren(...c.comparison.rows.map(r => {
      const tr = el('tr', null, { 'data-key': r.key });
      // a side with no synced day has no figure: "sin datos", never 0
      const show = v => v === null ? t('noData') : (r.key === 'total' ? money(v) : num(v));
      const change = changeText(r);
      tr.append(el('td', r.label), el('td', show(r.current), { 'data-col': 'current' }),
        el('td', show(r.previous), { 'data-col': 'previous' }), el('td', change, { 'data-col': 'change' }));
      return tr;
    }));

    document.getElementById('whatsapp-title').textContent = t('chart.whatsapp');
    chart('chart-whatsapp', 'bar', c.whatsapp.map(w => w.channel), [
      { label: t('col.inbound'), data: c.whatsapp.map(w => w.inbound) },
      { label: t('col.outbound'), data: c.whatsapp.map(w => w.outbound) }]);
    const whatsapp = document.getElementById('whatsapp-table');
    const whead = el('tr');
    headerRow(whead, [t('col.channel'), t('col.inbound'), t('col.outbound')]);
    whatsapp.tHead.replaceChildren(whead);
    whatsapp.tBodies[0].replaceChildren(...(c.whatsapp.length === 0 ? [el('tr')] : c.whatsapp.map(w => {
      const tr = el('tr', null, { 'data-channel-id': w.channelId });
      tr.append(el('td', w.channel), el('td', num(w.inbound), { 'data-col': 'inbound' }),
        el('td', num(w.outbound), { 'data-col': 'outbound' }));
      return tr;
    })));
    if (c.whatsapp.length === 0) {
      whatsapp.tBodies[0].rows[0].append(el('td', t('noWhatsapp'), { colspan: 3 }));
    }
  }

  async function resync() {
    const status = document.getElementById('resync-status');
    const headers = { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
    headers[csrf.header] = csrf.token;
    const response = await fetch('/api/jobs/resync', { method: 'POST', headers: headers, credentials: 'same-origin',
      body: JSON.stringify({ source: filters.source, from: filters.from, to: filters.to }) });
    const json = await response.json().catch(() => ({}));
    if (!response.ok) {
      status.textContent = t('resync.failed', json.error || response.status);
      return;
    }
    status.textContent = t('resync.started', json.jobExecutionId);
    // followed every 2 s for at most an hour; it stops at the end of the run or at any error answer
    for (let attempt = 0; attempt < 1800; attempt++) {
      await new Promise(r => setTimeout(r, 2000));
      const answer = await fetch('/api/jobs/' + json.jobExecutionId,
        { headers: { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' }, credentials: 'same-origin' });
      if (!answer.ok) {
        status.textContent = t('resync.failed', answer.status);
        return;
      }
      const job = await answer.json();
      if (!['STARTING', 'STARTED', 'STOPPING'].includes(job.status)) {
        status.textContent = t('resync.done', job.status);
        return;
      }
    }
  }

  // Desde and Hasta belong to a custom range only: for any other period they are left out of the
  // form (a disabled field is not sent) and of the address, so a bookmark never keeps stale dates.
  function watchFilters() {
    const preset = document.getElementById('preset');
    const custom = () => document.querySelectorAll('.custom').forEach(n => {
      n.hidden = preset.value !== 'custom';
      n.querySelectorAll('input').forEach(input => { input.disabled = preset.value !== 'custom'; });
    });
    preset.addEventListener('change', custom);
    custom();
    if (filters.preset !== 'custom') {
      const address = new URL(window.location.href);
      if (address.searchParams.has('from') || address.searchParams.has('to')) {
        address.searchParams.delete('from');
        address.searchParams.delete('to');
        window.history.replaceState(null, '', address.pathname + address.search + address.hash);
      }
    }
    const search = document.getElementById('user-search');
    let timer = null;
    search.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => { users.q = search.value; users.page = 1; loadUsers().catch(e => fail('users-pager', e)); }, 250);
    });
    const button = document.getElementById('resync');
    if (button) {
      button.addEventListener('click', () => resync().catch(e => {
        document.getElementById('resync-status').textContent = t('resync.failed', e.message);
      }));
    }
  }

  watchFilters();
  // the headline is busy until every line of it is filled: its figures come from the other sections
  busy('headline', true);
  loading('banner', loadSummary).then(() => Promise.all([
    loading('users-section', loadUsers).catch(e => fail('users-pager', e)),
    loading('services-section', loadServices).catch(e => fail('services-section', e)),
    loading('consumption-section', loadConsumption).catch(e => fail('consumption-section', e)),
    loadForecastHeadline()
  ])).then(() => { busy('headline', false); body.dataset.loaded = 'true'; }, e => {
    document.getElementById('freshness').textContent = t('noData') + ': ' + e.message;
    ['headline', 'users-section', 'services-section', 'consumption-section'].forEach(id => busy(id, false));
    body.dataset.loaded = 'error';
  });
}());
