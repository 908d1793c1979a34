// The budget line of the dashboard's headline: when the page has an element #headline-budget, fills
// it from /api/dashboard/budget for the page's tenant ("Presupuesto: 5.000.000 COP — en riesgo (...)")
// and sets its data-state (ok, at_risk, projected_over, over; "none" without a budget, "error" when
// the answer failed). Texts from the page's labels (messages/dashboard*.properties, js.budget.*).
(function () {
  'use strict';

  const target = document.getElementById('headline-budget');
  const body = document.body;
  const source = body.dataset.source;
  if (!target || !source) {
    return;
  }
  const L = JSON.parse(body.dataset.labels || '{}');
  const english = document.documentElement.lang === 'en';
  const groupSeparator = english ? ',' : '.';
  const decimalSeparator = english ? '.' : ',';

  function t(key, ...args) {
    let text = L[key] !== undefined ? L[key] : key;
    args.forEach((a, i) => { text = text.split('{' + i + '}').join(String(a)); });
    return text;
  }

  // "5000000.00" -> "5.000.000" (es) or "5,000,000" (en); decimals only when they are not all zero
  function amount(plain) {
    const negative = plain.startsWith('-');
    const [whole, fraction] = (negative ? plain.slice(1) : plain).split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, groupSeparator);
    const decimals = fraction && /[1-9]/.test(fraction) ? decimalSeparator + fraction : '';
    return (negative ? '-' : '') + grouped + decimals;
  }

  fetch('/api/dashboard/budget?' + new URLSearchParams({ source: source }),
    { headers: { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' }, credentials: 'same-origin' })
    .then(response => {
      if (response.status === 204) {
        return null;
      }
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      return response.json();
    })
    .then(budget => {
      if (!budget) {
        target.textContent = '';
        target.hidden = true;
        target.dataset.state = 'none';
        return;
      }
      target.textContent = t('budget.line', amount(budget.budget), budget.currency, t('budget.' + budget.state));
      target.dataset.state = budget.state;
      target.hidden = false;
    })
    .catch(() => {
      target.dataset.state = 'error';
    });
})();
