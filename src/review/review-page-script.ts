// Plain ES2020, no innerHTML: it only reads data attributes and text, and toggles `hidden` and classes.
/** The review page's script: filters, search, keyboard navigation, the raw toggle and sentence pairs. */
export const REVIEW_PAGE_SCRIPT = `
(() => {
  'use strict';
  const rows = Array.from(document.querySelectorAll('.row'));
  const buttons = Array.from(document.querySelectorAll('button[data-filter]'));
  const search = document.getElementById('search');
  const shown = document.getElementById('shown');
  const empty = document.getElementById('empty');
  const toolbar = document.querySelector('.toolbar');
  // Read at each search, not once: on the served page a row's text changes when it is saved.
  const haystack = (row) =>
    Array.from(row.querySelectorAll('[data-search]'), (el) => el.textContent || '').join('\\n').toLowerCase();
  let filter = 'all';
  let active = null;

  const passesFilter = (row) =>
    filter === 'all' || (filter === 'qa' ? row.dataset.qa === '1' : row.dataset.status === filter);

  function apply() {
    const terms = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    let count = 0;
    for (const row of rows) {
      const text = haystack(row);
      const visible = passesFilter(row) && terms.every((term) => text.includes(term));
      row.hidden = !visible;
      if (visible) count++;
    }
    shown.textContent = count + ' of ' + rows.length + ' shown';
    empty.hidden = count > 0;
    if (active && active.hidden) mark(null);
  }

  function mark(row) {
    if (active) active.classList.remove('is-active');
    active = row;
    if (row) row.classList.add('is-active');
  }

  function go(row) {
    mark(row);
    row.focus({ preventScroll: true });
    const box = row.getBoundingClientRect();
    const top = toolbar.getBoundingClientRect().bottom;
    if (box.top < top || box.bottom > window.innerHeight) {
      row.scrollIntoView({ block: box.height > window.innerHeight - top ? 'start' : 'center' });
    }
  }

  function move(step) {
    let i = active ? rows.indexOf(active) : step > 0 ? -1 : rows.length;
    for (i += step; i >= 0 && i < rows.length; i += step) {
      const row = rows[i];
      if (!row.hidden && row.dataset.work === '1') return go(row);
    }
  }

  for (const button of buttons) {
    button.addEventListener('click', () => {
      filter = button.dataset.filter;
      for (const other of buttons) other.setAttribute('aria-pressed', String(other === button));
      apply();
    });
  }
  for (const row of rows) row.addEventListener('focus', () => mark(row));
  search.addEventListener('input', apply);

  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    const target = event.target;
    if (target === search) {
      if (event.key === 'Escape' || event.key === 'Enter') search.blur();
      return;
    }
    if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (event.key === 'j' || event.key === 'ArrowDown') {
      event.preventDefault();
      move(1);
    } else if (event.key === 'k' || event.key === 'ArrowUp') {
      event.preventDefault();
      move(-1);
    } else if (event.key === '/') {
      event.preventDefault();
      search.focus();
      search.select();
    }
  });

  const rawToggle = document.getElementById('raw-toggle');
  rawToggle.addEventListener('click', () => {
    const raw = rawToggle.getAttribute('aria-pressed') !== 'true';
    rawToggle.setAttribute('aria-pressed', String(raw));
    document.body.classList.toggle('show-raw', raw);
  });

  // Hovering or focusing a sentence lights it and its counterpart on the other side.
  let lit = [];
  function light(sentence) {
    for (const el of lit) el.classList.remove('is-pair');
    lit = [];
    const row = sentence && sentence.closest('.row');
    if (!row) return;
    lit = Array.from(row.querySelectorAll('.sent')).filter((el) => el.dataset.bead === sentence.dataset.bead);
    for (const el of lit) el.classList.add('is-pair');
  }
  const sentenceOf = (event) => (event.target instanceof Element ? event.target.closest('.sent') : null);
  document.addEventListener('mouseover', (event) => light(sentenceOf(event)));
  document.addEventListener('focusin', (event) => light(sentenceOf(event)));

  const measure = () => document.documentElement.style.setProperty('--sticky', toolbar.offsetHeight + 'px');
  window.addEventListener('resize', measure);
  measure();
  // The browser may restore a search typed before a reload.
  apply();
})();
`;

// Only this exact script may run, so markup that slipped through escaping could not execute anything.
